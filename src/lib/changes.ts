// What changed in the entries: every entry's `history` as one list, newest first, for /changes/, the
// Atom feed at /changes.xml and each entry page's own history. Pure: callers pass the entries in.
import type { CodeEntryData } from './schema/code-entry.ts';
import { isoDay } from './day.ts';
import { entryPath } from './urls.ts';
import type { AtomFeed } from './atom.ts';

export interface Change {
  id: string;
  title: string;
  /** YYYY-MM-DD (UTC). */
  day: string;
  summary: string;
  /** The entry page, site-relative without the base: `codes/<id>/`. */
  path: string;
  /** The item's anchor on the entry page, unique within it. */
  anchor: string;
  /** The first item of an entry's history: the day it was published. */
  published: boolean;
}

type EntryHistory = { id: string; data: Pick<CodeEntryData, 'title' | 'history'> };

/** One entry's changes in the order the front matter gives them (oldest first). */
export function entryChanges({ id, data }: EntryHistory): Change[] {
  const seen = new Map<string, number>();
  return data.history.map((change, i) => {
    const day = isoDay(change.date);
    const n = (seen.get(day) ?? 0) + 1;
    seen.set(day, n);
    return {
      id,
      title: data.title,
      day,
      summary: change.summary,
      path: entryPath(id),
      anchor: n === 1 ? `change-${day}` : `change-${day}-${n}`,
      published: i === 0,
    };
  });
}

/** Every change of every entry, newest first; on the same day, by title, then in file order. */
export function allChanges(entries: EntryHistory[]): Change[] {
  const indexed = entries.flatMap(entryChanges).map((c, i) => ({ c, i }));
  indexed.sort((a, b) => b.c.day.localeCompare(a.c.day) || a.c.title.localeCompare(b.c.title) || a.i - b.i);
  return indexed.map(({ c }) => c);
}

export const CHANGES_PATH = 'changes/';
export const CHANGES_FEED_PATH = 'changes.xml';

/** The Atom feed of `allChanges`: one item per change, linking the entry page at the change. */
export function changesFeed(
  changes: Change[],
  absolute: (path: string) => string,
  siteName: string,
): AtomFeed {
  return {
    id: absolute(CHANGES_PATH),
    title: `${siteName}: what changed`,
    subtitle: 'New entries and meaningful changes to the iCloud Mail reply code pages, newest first.',
    updated: `${changes[0]?.day ?? '1970-01-01'}T00:00:00Z`,
    self: absolute(CHANGES_FEED_PATH),
    alternate: absolute(CHANGES_PATH),
    author: siteName,
    entries: changes.map((c) => ({
      id: `${absolute(c.path)}#${c.anchor}`,
      title: `${c.title}: ${c.published ? 'first published' : 'changed'}`,
      updated: `${c.day}T00:00:00Z`,
      link: `${absolute(c.path)}#${c.anchor}`,
      summary: c.summary,
    })),
  };
}
