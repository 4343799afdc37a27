// "On this page" is read from the rendered headings: each h2's id and plain text, in order.
import { describe, expect, it } from 'vitest';
import { h2Sections } from '../../src/lib/html-headings.ts';

describe('h2Sections', () => {
  it('lists every h2 with its id and text, markup removed and entities decoded', () => {
    const html = `<section><h2 id="what-it-means">What it means</h2><p>x</p></section>
      <h2 data-astro-cid-x id="others-label" class="a">How others <code>label</code> it</h2>
      <h3 id="sub">Not listed</h3><h2 id="q&amp;a">Q &amp; A &#8217;&#x2019;</h2>`;
    expect(h2Sections(html)).toEqual([
      { slug: 'what-it-means', text: 'What it means' },
      { slug: 'others-label', text: 'How others label it' },
      { slug: 'q&a', text: 'Q & A ’’' },
    ]);
  });

  it('refuses an h2 without an id, which no link could reach', () => {
    expect(() => h2Sections('<h2>Loose heading</h2>')).toThrow(/“Loose heading” has no id/);
  });
});
