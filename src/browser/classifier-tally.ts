// For a long paste (a log excerpt), a count of replies per entry, most frequent first, so the cards
// below need not be read one by one to see what dominates. The worker counts (lib/classify/tally.ts).
import type { TallyRow } from '../lib/classify/tally';
import { thousands } from '../lib/thousands';
import { el } from './classifier-dom';

export function renderTally(rows: readonly TallyRow[]): HTMLElement {
  return el(
    'ul',
    { class: 'result-tally', 'aria-label': 'Replies per entry' },
    ...rows.map(({ id, count, entry }) =>
      el(
        'li',
        { 'data-tally': id },
        el('span', { class: 'tally-count' }, `${thousands(count)} ×`),
        ' ',
        entry ? el('a', { href: entry.url }, entry.title) : 'No iCloud entry',
      ),
    ),
  );
}
