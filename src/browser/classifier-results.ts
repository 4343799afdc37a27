// The box's results: one card per reply (the first CARD_LIMIT), a tally above them when there are
// several, and the short summary screen readers hear once typing pauses. The first screenful of
// cards is drawn at once and the rest in slices (./slices.ts), so a paste of thousands of replies
// never holds the page; the section says `data-drawn="complete"` once the last card is in.
import { thousands } from '../lib/thousands';
import { autoReplyCard } from './classifier-auto-reply';
import { renderCard, summarise, type CardOptions } from './classifier-cards';
import { el } from './classifier-dom';
import { renderTally } from './classifier-tally';
import type { ClassifyAnswer } from './engine-protocol';
import { slicer } from './slices';

/** Cards shown at most; a 1 MB log holds thousands of replies, and the tally covers the rest. */
export const CARD_LIMIT = 100;
/** Cards drawn at once: about a screenful. Then SLICE cards per frame. */
const FIRST = 4;
const SLICE = 12;

export interface ResultsView {
  show(answer: ClassifyAnswer, options: CardOptions): void;
  clear(): void;
  /** Sets the status line at once (loading, errors, a slow paste). */
  say(...content: (Node | string)[]): void;
}

/** The cards' builders cut into the slices drawn one per task. */
function slicesOf<T>(items: readonly T[]): T[][] {
  const out = [items.slice(0, FIRST)];
  for (let i = FIRST; i < items.length; i += SLICE) out.push(items.slice(i, i + SLICE));
  return out;
}

export function resultsView(root: HTMLElement): ResultsView {
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  const status = q<HTMLElement>('[data-classifier-status]');
  const section = q<HTMLElement>('[data-classifier-results-section]');
  const list = q<HTMLOListElement>('[data-classifier-results]');
  const overview = q<HTMLElement>('[data-classifier-overview]');
  const drawing = slicer();
  let announceTimer: number | undefined;
  // What the cards show now: an answer that would draw the same cards leaves them (and the focus
  // a keyboard user may have moved into them) alone, and lets slices still to come go on.
  let drawn = '';

  // Announce after a short pause so screen readers hear one summary, not one per keystroke.
  function announce(text: string) {
    window.clearTimeout(announceTimer);
    announceTimer = window.setTimeout(() => (status.textContent = text), 350);
  }

  async function draw(cards: (() => HTMLElement)[]) {
    section.dataset.drawn = 'partial';
    const steps = slicesOf(cards).map((slice, i) => () => {
      const made = slice.map((card) => card());
      if (i === 0) list.replaceChildren(...made);
      else list.append(...made);
    });
    if (!(await drawing.draw(steps))) return;
    section.dataset.drawn = 'complete';
  }

  return {
    show({ outcome, replies, tally }, options) {
      const { results, message, autoReply: auto } = outcome;
      const key = JSON.stringify([auto, replies, results, message]);
      const summary = summarise(results, message, replies);
      if (key === drawn) {
        // The cards stay; the status line may have said "Reading the text…" meanwhile.
        if (status.textContent !== summary) announce(summary);
        return;
      }
      drawn = key;
      overview.replaceChildren();
      if (replies > 3) overview.append(renderTally(tally));
      if (replies > results.length)
        overview.append(
          el(
            'p',
            {},
            `The cards below show the first ${thousands(results.length)} of ${thousands(replies)} replies.`,
          ),
        );
      section.hidden = replies === 0 && !auto;
      announce(summary);
      void draw(
        auto ? [() => autoReplyCard(auto, options)] : results.map((c) => () => renderCard(c, options)),
      );
    },
    clear() {
      drawing.cancel();
      drawn = '';
      list.replaceChildren();
      delete section.dataset.drawn;
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
