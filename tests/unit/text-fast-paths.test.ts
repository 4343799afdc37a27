// Fast paths of the classifier, each held to the plain expression it stands in for on any text:
// normaliseForMatch and squashBlanks skip their rewrites when nothing (or only case) would
// change, and inReplyAt finds Postfix's `(in reply to` without a leading \s*.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inReplyAt } from '../../src/lib/classify/reply-end.ts';
import { normaliseForMatch, squashBlanks } from '../../src/lib/match.ts';

const rewritten = (text: string) =>
  text
    .replace(/[\u2018\u2019\u02bc\u2032]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

const unit = fc.constantFrom(
  ...'aB 5.\t\n\r\u00a0\u2018\u2019\u02bc\u2032\u201c\u201d\u3000\ufeffx'.split(''),
);

describe('squashBlanks', () => {
  it('equals the full rewrite on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (text) => {
        expect(squashBlanks(text)).toBe(text.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 5000 },
    );
  });
});

describe('normaliseForMatch', () => {
  it('equals the full rewrite on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (text) => {
        expect(normaliseForMatch(text)).toBe(rewritten(text));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('inReplyAt', () => {
  it('finds where /\\s*\\(in reply to\\b/i first matches', () => {
    const piece = fc.constantFrom(
      '(in reply to',
      '(IN Reply to',
      '(in reply tox',
      ' ',
      '\t',
      '\u00a0',
      '(',
      'x',
      ' to',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const seg = pieces.join('');
        expect(inReplyAt(seg)).toBe(/\s*\(in reply to\b/i.exec(seg)?.index);
      }),
      { numRuns: 5000 },
    );
  });
});
