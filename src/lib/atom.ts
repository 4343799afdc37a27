// A minimal Atom 1.0 (RFC 4287) serializer for /changes.xml. @astrojs/rss writes RSS 2.0 only, and
// the feed is asked for as Atom; this writes the few elements a feed reader needs, with every text
// and attribute escaped. Pure: no Astro or DOM.

export interface AtomEntry {
  /** A permanent IRI for the item (here the entry page URL with the change's anchor). */
  id: string;
  title: string;
  /** RFC 3339 date-time. */
  updated: string;
  /** Absolute URL of the page the item is about. */
  link: string;
  summary: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** RFC 3339 date-time of the newest item. */
  updated: string;
  /** The feed's own absolute URL (rel="self") and the page it belongs to (rel="alternate"). */
  self: string;
  alternate: string;
  author: string;
  entries: AtomEntry[];
}

// XML 1.0 forbids these control characters outright, even escaped; drop them.
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text safe inside an element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(forbidden, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const el = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`;
const link = (href: string, rel?: string, type?: string) =>
  `<link${rel ? ` rel="${rel}"` : ''}${type ? ` type="${type}"` : ''} href="${escapeXml(href)}"/>`;

export function atomFeed(feed: AtomFeed): string {
  const entries = feed.entries.map((e) =>
    [
      '  <entry>',
      `    ${el('id', e.id)}`,
      `    ${el('title', e.title)}`,
      `    ${el('updated', e.updated)}`,
      `    ${link(e.link, 'alternate', 'text/html')}`,
      `    <summary type="text">${escapeXml(e.summary)}</summary>`,
      '  </entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  ${el('id', feed.id)}`,
    `  ${el('title', feed.title)}`,
    ...(feed.subtitle ? [`  ${el('subtitle', feed.subtitle)}`] : []),
    `  ${el('updated', feed.updated)}`,
    `  ${link(feed.self, 'self', 'application/atom+xml')}`,
    `  ${link(feed.alternate, 'alternate', 'text/html')}`,
    `  <author>${el('name', feed.author)}</author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
