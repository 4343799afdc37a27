import { describe, expect, it } from 'vitest';
import { excerptParts } from '../../src/browser/search-marks';

describe('excerptParts', () => {
  it('splits an excerpt into plain and marked text', () => {
    expect(excerptParts('rejected by <mark>policy</mark> at <mark>icloud</mark>.')).toEqual([
      { text: 'rejected by ', marked: false },
      { text: 'policy', marked: true },
      { text: ' at ', marked: false },
      { text: 'icloud', marked: true },
      { text: '.', marked: false },
    ]);
  });
  it('gives back page text that looks like markup as text, never as a tag', () => {
    expect(excerptParts('RCPT TO:&lt;x@icloud.com&gt; <mark>&lt;script&gt;</mark>')).toEqual([
      { text: 'RCPT TO:<x@icloud.com> ', marked: false },
      { text: '<script>', marked: true },
    ]);
  });
  it('decodes each entity once', () => {
    expect(excerptParts('a &amp;lt; b &quot;c&quot; d&#39;s')).toEqual([
      { text: 'a &lt; b "c" d\'s', marked: false },
    ]);
  });
  it('has no parts for an empty excerpt', () => {
    expect(excerptParts('')).toEqual([]);
  });
});
