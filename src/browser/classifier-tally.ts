// For a long paste (a log excerpt), a count of replies per entry, most frequent first, so the cards
// below need not be read one by one to see what dominates.
import type { Classification } from '../lib/classify/types';
import { el } from './classifier-dom';

export function renderTally(results: readonly Classification[]): HTMLElement {
  const counts = new Map<string, { count: number; c: Classification }>();
  for (const c of results) {
    const key = c.entry?.id ?? 'none';
    const seen = counts.get(key);
    if (seen) seen.count += 1;
    else counts.set(key, { count: 1, c });
  }
  const rows = [...counts.values()].sort((a, b) => b.count - a.count);
  return el(
    'ul',
    { class: 'result-tally', 'aria-label': 'Replies per entry' },
    ...rows.map(({ count, c }) =>
      el(
        'li',
        { 'data-tally': c.entry?.id ?? 'none' },
        el('span', { class: 'tally-count' }, `${count} ×`),
        ' ',
        c.entry ? el('a', { href: c.entry.url }, c.entry.title) : 'No iCloud entry',
      ),
    ),
  );
}
