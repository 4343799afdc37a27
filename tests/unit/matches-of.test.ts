// matchesOf stands in for matchAll on the classifier's hot paths: the same matches, in order, with
// the same groups and indices, also for expressions that can match the empty string.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesOf } from '../../src/lib/regexp.ts';

const EXPRESSIONS = [
  /\bTxn ID:?\s*([\w-]{6,})/gi,
  /(?:\bhost|\brelay=)\s?([a-z0-9][a-z0-9.-]{0,20}?)\.?\s?\[([0-9a-f.:]{2,45})\]/gi,
  /a*/g,
  /(?:)/gu,
  /\p{L}*/gu,
  /(?<![\p{L}\p{N}])(?:\p{Lu}?\p{Ll}{2,}|\p{Lu}{3,})(?![\p{L}\p{N}])/gu,
];
const shape = (ms: RegExpExecArray[] | RegExpMatchArray[]) =>
  ms.map((m) => ({ index: m.index, groups: [...m] }));

describe('matchesOf', () => {
  it('gives what matchAll gives, on any text, for every expression', () => {
    const text = fc.string({
      unit: fc.constantFrom(...'aAb Txn ID: abc-123456 host x.y[1.2.3.4] 😀é'.split('')),
      maxLength: 60,
    });
    fc.assert(
      fc.property(text, fc.constantFrom(...EXPRESSIONS), (t, re) => {
        expect(shape(matchesOf(re, t))).toEqual(shape([...t.matchAll(re)]));
      }),
      { numRuns: 2000 },
    );
  });

  it('starts from the text’s start whatever an earlier use left in lastIndex', () => {
    const re = /o/g;
    re.lastIndex = 5;
    expect(matchesOf(re, 'foo bar boo').map((m) => m.index)).toEqual([1, 2, 9, 10]);
  });
});
