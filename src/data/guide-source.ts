// A source that a guide page or a tag's note cites: in its own module so that guides.ts (which
// reads the tag notes) and tag-notes.ts (whose notes cite sources) do not import each other.

/** A source a guide cites; `url` only where a link may be given. */
export interface GuideSource {
  title: string;
  url?: string;
  date?: string;
  note?: string;
}
