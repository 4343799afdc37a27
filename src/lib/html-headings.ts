// The h2 headings of rendered HTML, in document order, so "On this page" lists the sections a page
// really has instead of a list kept by hand. Pure: reads the markup Astro renders (double-quoted
// attributes, escaped text).

export interface Section {
  slug: string;
  text: string;
}

const H2 = /<h2\b([^>]*)>([\s\S]*?)<\/h2>/gi;
const ID = /\sid="([^"]+)"/i;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#')
      return String.fromCodePoint(
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)),
      );
    return ENTITIES[name.toLowerCase()] ?? whole;
  });

/** Every h2 with its id and plain text; throws on an h2 without an id, which no link could reach. */
export function h2Sections(html: string): Section[] {
  return [...html.matchAll(H2)].map(([, attributes, inner]) => {
    const text = decode(inner!.replace(/<[^>]*>/g, ''))
      .replace(/\s+/g, ' ')
      .trim();
    const slug = ID.exec(attributes!)?.[1];
    if (!slug)
      throw new Error(`The section heading “${text}” has no id, so “On this page” cannot link to it.`);
    return { slug: decode(slug), text };
  });
}
