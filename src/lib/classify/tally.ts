// A long paste's replies counted per entry, most frequent first, for the count the classifier box
// shows above its cards. Counted where the results are (the page's worker), so the page never walks
// thousands of them.
import type { Classification } from './types.ts';

export interface TallyRow {
  /** The entry's id, or 'none' for the replies no iCloud entry explains. */
  id: string;
  count: number;
  /** The entry's title and page; absent for 'none'. */
  entry?: { title: string; url: string };
}

export function tallyReplies(results: readonly Classification[]): TallyRow[] {
  const rows = new Map<string, TallyRow>();
  for (const c of results) {
    const id = c.entry?.id ?? 'none';
    const row = rows.get(id);
    if (row) row.count += 1;
    else
      rows.set(
        id,
        c.entry ? { id, count: 1, entry: { title: c.entry.title, url: c.entry.url } } : { id, count: 1 },
      );
  }
  // Sorting is stable: entries with the same count keep the order of their first reply.
  return [...rows.values()].sort((a, b) => b.count - a.count);
}
