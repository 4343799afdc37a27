// Apple's bracket tags as the site knows them: which entries carry each tag (from the collection)
// and what is known about it (src/data/tag-notes.ts). Used by /tags/, the tag table, the tag short
// links and the site's preview image.
import { getEntries, type CodeEntry } from './codes';
import { TAG_NOTES, type TagNote } from './tag-notes';

export interface TagInfo {
  tag: string;
  note?: TagNote;
  entries: CodeEntry[];
}

export async function getTags(): Promise<TagInfo[]> {
  const byTag = Map.groupBy(
    (await getEntries()).filter((e) => e.data.tag),
    (e) => e.data.tag!,
  );
  const notes = new Map(TAG_NOTES.map((n) => [n.tag, n]));
  // Tags with notes first, in the order of the notes; then any tag only the collection knows.
  const tags = [...notes.keys(), ...[...byTag.keys()].filter((t) => !notes.has(t)).sort()];
  return tags.map((tag) => ({ tag, note: notes.get(tag), entries: byTag.get(tag) ?? [] }));
}

/** The tags that at least one entry carries. */
export async function getEntryTags(): Promise<TagInfo[]> {
  return (await getTags()).filter((t) => t.entries.length > 0);
}
