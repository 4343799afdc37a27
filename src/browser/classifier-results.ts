// The box's results: one card per reply (the first CARD_LIMIT), a tally above them when there are
// several, and the short summary screen readers hear once typing pauses.
import type { ClassifyOutcome } from '../lib/classify/types';
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

  // Announce after a short pause so screen readers hear one summary, not one per keystroke.
  function announce(text: string) {
    window.clearTimeout(announceTimer);
    announceTimer = window.setTimeout(() => (status.textContent = text), 350);
  }

  return {
    show({ results, message }, options) {
      list.replaceChildren(...results.slice(0, CARD_LIMIT).map((c) => renderCard(c, options)));
      overview.replaceChildren();
      if (results.length > 3) overview.append(renderTally(results));
      if (results.length > CARD_LIMIT)
        overview.append(
          el('p', {}, `The cards below show the first ${CARD_LIMIT} of ${results.length} replies.`),
        );
      section.hidden = results.length === 0;
      announce(summarise(results, message));
    },
    clear() {
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
