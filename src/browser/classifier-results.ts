// The box's results: one card per reply (the first CARD_LIMIT), a tally above them when there are
// several, and the short summary screen readers hear once typing pauses.
import type { ClassifyOutcome } from '../lib/classify/types';
import { autoReplyCard } from './classifier-auto-reply';
import { renderCard, summarise, type CardOptions } from './classifier-cards';
import { el } from './classifier-dom';
import { renderTally } from './classifier-tally';

/** Cards shown at most; a 1 MB log holds thousands of replies, and the tally covers the rest. */
const CARD_LIMIT = 100;

export interface ResultsView {
  show(outcome: ClassifyOutcome, options: CardOptions): void;
  clear(): void;
  /** Sets the status line at once (loading, errors, a slow paste). */
  say(...content: (Node | string)[]): void;
}

export function resultsView(root: HTMLElement): ResultsView {
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  const status = q<HTMLElement>('[data-classifier-status]');
  const section = q<HTMLElement>('[data-classifier-results-section]');
  const list = q<HTMLOListElement>('[data-classifier-results]');
  const overview = q<HTMLElement>('[data-classifier-overview]');
  let announceTimer: number | undefined;
  // What the cards show now: an answer that would draw the same cards leaves them (and the focus
  // a keyboard user may have moved into them) alone.
  let drawn = '';

  // Announce after a short pause so screen readers hear one summary, not one per keystroke.
  function announce(text: string) {
    window.clearTimeout(announceTimer);
    announceTimer = window.setTimeout(() => (status.textContent = text), 350);
  }

  return {
    show(outcome, options) {
      const { results, message, autoReply: auto } = outcome;
      const shown = results.slice(0, CARD_LIMIT);
      const key = JSON.stringify([auto, results.length, shown, message]);
      if (key === drawn) return;
      drawn = key;
      list.replaceChildren(
        ...(auto ? [autoReplyCard(auto, options)] : shown.map((c) => renderCard(c, options))),
      );
      overview.replaceChildren();
      if (results.length > 3) overview.append(renderTally(results));
      if (results.length > CARD_LIMIT)
        overview.append(
          el('p', {}, `The cards below show the first ${CARD_LIMIT} of ${results.length} replies.`),
        );
      section.hidden = results.length === 0 && !auto;
      announce(summarise(results, message));
    },
    clear() {
      drawn = '';
      list.replaceChildren();
      overview.replaceChildren();
      section.hidden = true;
      announce('');
    },
    say(...content) {
      window.clearTimeout(announceTimer);
      status.replaceChildren(...content);
    },
  };
}
