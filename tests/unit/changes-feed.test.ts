// What changed: the merged list (newest first, anchors unique per page) and the Atom feed, parsed
// back with an XML parser to prove it is well-formed Atom whatever the text holds.
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { describe, expect, it } from 'vitest';
import { atomFeed, escapeXml } from '../../src/lib/atom.ts';
import { allChanges, changesFeed, entryChanges } from '../../src/lib/changes.ts';
import { loadEntries } from '../support/entries.ts';

const entries = loadEntries();
const absolute = (path: string) => `https://example.org/sub/${path}`;
const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => name === 'entry' || name === 'link',
});

const entry = (id: string, title: string, history: [string, string][]) => ({
  id,
  data: { title, history: history.map(([d, summary]) => ({ date: new Date(d), summary })) },
});

describe('allChanges', () => {
  const changes = allChanges([
    entry('a', 'B entry', [
      ['2026-11-27', 'First published.'],
      ['2026-12-01', 'Second.'],
    ]),
    entry('b', 'A entry', [['2026-12-01', 'First published.']]),
  ]);

  it('lists every change, newest first, by title within a day', () => {
    expect(changes.map((c) => [c.day, c.title])).toEqual([
      ['2026-12-01', 'A entry'],
      ['2026-12-01', 'B entry'],
      ['2026-11-27', 'B entry'],
    ]);
    expect(changes.map((c) => c.published)).toEqual([true, false, true]);
  });

  it('gives two changes on one day distinct anchors', () => {
    const twice = entryChanges(
      entry('x', 'X', [
        ['2026-12-01', 'One.'],
        ['2026-12-01', 'Two.'],
      ]),
    );
    expect(twice.map((c) => c.anchor)).toEqual(['change-2026-12-01', 'change-2026-12-01-2']);
  });

  it('holds at least one change per entry of the collection', () => {
    const all = allChanges(entries);
    for (const { id } of entries)
      expect(
        all.some((c) => c.id === id),
        id,
      ).toBe(true);
    expect(all.map((c) => c.day)).toEqual([...all.map((c) => c.day)].sort().reverse());
  });
});

describe('escapeXml', () => {
  it('escapes markup characters and drops characters XML forbids', () => {
    expect(escapeXml(`<a href="x">&'\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });
});

describe('atomFeed', () => {
  it('parses back as Atom with an item per change, text intact however odd', () => {
    const odd = 'Tags <CS01> & “quotes” ]]> \u0007 end';
    const xml = atomFeed(
      changesFeed(allChanges([entry('e', `Title ${odd}`, [['2026-12-01', odd]])]), absolute, 'Site & co'),
    );
    expect(SyntaxValidator.validate(xml)).toBe(true);
    const { feed } = parser.parse(xml);
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.title).toBe('Site & co: what changed');
    expect(feed.updated).toBe('2026-12-01T00:00:00Z');
    expect(feed.link.map((l: Record<string, string>) => [l['@_rel'], l['@_href']])).toEqual([
      ['self', 'https://example.org/sub/changes.xml'],
      ['alternate', 'https://example.org/sub/changes/'],
    ]);
    const [item] = feed.entry;
    expect(item.id).toBe('https://example.org/sub/codes/e/#change-2026-12-01');
    expect(item.summary['#text']).toBe('Tags <CS01> & “quotes” ]]>  end');
    expect(item.title).toBe('Title Tags <CS01> & “quotes” ]]>  end: first published');
  });

  it('gives the collection’s feed one item per history item, each with id, title, updated and link', () => {
    const xml = atomFeed(changesFeed(allChanges(entries), absolute, 'Site'));
    expect(SyntaxValidator.validate(xml)).toBe(true);
    const items = parser.parse(xml).feed.entry;
    expect(items).toHaveLength(entries.reduce((n, e) => n + e.data.history.length, 0));
    for (const item of items) {
      expect(item.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      expect(item.link[0]['@_href']).toBe(item.id);
      expect(item.title).toMatch(/: (first published|changed)$/);
    }
    expect(new Set(items.map((i: { id: string }) => i.id)).size).toBe(items.length);
  });
});
