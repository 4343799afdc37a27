// The preview images: the right words on the card, and a real 1200×630 PNG out of the renderer.
import { describe, expect, it } from 'vitest';
import { entryCard } from '../../src/og/entry-card';
import { siteCard } from '../../src/og/site-card';
import { textOf } from '../../src/og/element';
import { loadFonts } from '../../src/og/fonts';
import { renderPng } from '../../src/og/render';
import { pngSize } from '../support/png';

const root = new URL('../../', import.meta.url);
const hm08 = {
  code: 554,
  enhanced: '5.7.1',
  tag: 'HM08',
  title: '[HM08] Message rejected due to local policy',
  outcome: 'permanent',
  retry: 'after-fix',
  host: 'icloud-codes.example.org',
} as const;

describe('entry preview card', () => {
  it('shows the reply code, enhanced code, tag, title, outcome and retry advice', () => {
    const words = textOf(entryCard(hm08));
    expect(words).toEqual(
      expect.arrayContaining([
        '554',
        '5.7.1',
        '[HM08]',
        hm08.title,
        'Permanent failure',
        'Retry after fixing the cause',
      ]),
    );
  });

  it('leaves out the enhanced code and tag when the entry has none', () => {
    const words = textOf(
      entryCard({
        ...hm08,
        enhanced: undefined,
        tag: undefined,
        title: 'Service unavailable',
        outcome: 'transient',
        retry: 'later',
      }),
    );
    expect(words).not.toContain('5.7.1');
    expect(words.some((w) => w.startsWith('['))).toBe(false);
    expect(words).toContain('Temporary failure');
  });
});

describe('renderPng', () => {
  it('draws a 1200×630 PNG for an entry and for the site', async () => {
    const fonts = await loadFonts(root);
    for (const card of [
      entryCard(hm08),
      siteCard({ replies: 31, tags: ['CS01', 'HM08'], host: 'icloud-codes.example.org' }),
    ]) {
      const png = await renderPng(card, fonts);
      expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    }
  });
});
