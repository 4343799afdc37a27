// Apple's bracket tags as the site knows them: which entries carry each tag (from the collection)
// and what is known about it (src/data/tag-notes.ts). Used by /tags/ and by the tag table in entries.
import { getEntries, type CodeEntry } from './codes';
import { TAG_NOTES, type TagNote } from './tag-notes';

export interface TagInfo {
  tag: string;
  note?: TagNote;
  entries: CodeEntry[];
}

export async function getTags(): Promise<TagInfo[]> {
  const byTag = new Map<string, CodeEntry[]>();
  for (const e of await getEntries()) {
    if (e.data.tag) byTag.set(e.data.tag, [...(byTag.get(e.data.tag) ?? []), e]);
  }
  const notes = new Map(TAG_NOTES.map((n) => [n.tag, n]));
  // Tags with notes first, in the order of the notes; then any tag only the collection knows.
  const tags = [...notes.keys(), ...[...byTag.keys()].filter((t) => !notes.has(t)).sort()];
  return tags.map((tag) => ({ tag, note: notes.get(tag), entries: byTag.get(tag) ?? [] }));
}
