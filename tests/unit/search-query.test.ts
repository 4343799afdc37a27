import { describe, expect, it, vi } from 'vitest';
import { searchExact, type Found } from '../../src/browser/search-exact';
import { bareCode, dottedCodes, looksLikeReply, searchWords } from '../../src/browser/search-query';

describe('dottedCodes', () => {
  it('finds enhanced codes as whole tokens', () => {
    expect(dottedCodes('5.7.1')).toEqual(['5.7.1']);
    expect(dottedCodes('550 5.1.1 <x@icloud.com>: user does not exist')).toEqual(['5.1.1']);
    expect(dottedCodes('rejected (5.7.1).')).toEqual(['5.7.1']);
  });
  it('never reads 5.7.10 as 5.7.1, nor a version number or IP as a code', () => {
    expect(dottedCodes('5.7.10')).toEqual(['5.7.10']);
    expect(dottedCodes('17.57.155.34 and 15.7.1 and 5.7.1.2')).toEqual([]);
    expect(dottedCodes('HM08')).toEqual([]);
  });
});

describe('looksLikeReply', () => {
  it('accepts replies and log lines', () => {
    expect(looksLikeReply('550 5.1.1')).toBe(true);
    expect(looksLikeReply('554 5.7.1 [HM08] Message rejected due to local policy.')).toBe(true);
    expect(looksLikeReply('host mx01.mail.icloud.com[17.57.154.6] said: 421 too many errors')).toBe(true);
    expect(looksLikeReply('554 Relay access denied by policy')).toBe(true);
  });
  it('leaves plain searches alone, so they never load the classifier', () => {
    for (const q of ['HM08', '[CS01]', '5.7.1', 'user is over quota', 'Relay access denied', '550']) {
      expect(looksLikeReply(q), q).toBe(false);
    }
  });
});

describe('bareCode', () => {
  it('reads queries that are only codes', () => {
    expect(bareCode('550')).toEqual({ code: 550, enhanced: undefined });
    expect(bareCode(' 5.7.1 ')).toEqual({ code: undefined, enhanced: '5.7.1' });
    expect(bareCode('550 5.1.1')).toEqual({ code: 550, enhanced: '5.1.1' });
    expect(bareCode('550-5.1.1')).toEqual({ code: 550, enhanced: '5.1.1' });
    expect(bareCode('"5.7.1"')).toEqual({ code: undefined, enhanced: '5.7.1' });
  });
  it('leaves everything else to the ordinary search', () => {
    for (const q of ['550 5.1.1 user unknown', 'HM08', '5.7', '17.57.155.34', 'mailbox full', '5.7.10.1'])
      expect(bareCode(q), q).toBeUndefined();
  });
});

describe('searchExact', () => {
  // A stand-in for Pagefind's prefix matching: "5.7.1" also hits the page that only has 5.7.10,
  // and the quoted search is exact. The ordinary search ranks b above a, the quoted one in index order.
  const pages: Record<string, string> = { b: '550 5.7.10 auth', a: '554 5.7.1 [HM08]', c: 'user unknown' };
  const search = async (term: string): Promise<Found> => {
    const exact = term.startsWith('"');
    const word = term.replace(/"/g, '').split(' ')[0];
    const hit = (text: string) => text.split(' ').some((t) => (exact ? t === word : t.startsWith(word)));
    const ids = Object.keys(pages).filter((id) => hit(pages[id]));
    return { results: (exact ? ids.sort() : ids).map((id) => ({ id })) };
  };

  it('drops pages that only have a longer code, keeping the ordinary ranking', async () => {
    expect((await search('5.7.1')).results.map((r) => r.id)).toEqual(['b', 'a']);
    expect((await searchExact('5.7.1', search, search))?.results.map((r) => r.id)).toEqual(['a']);
    expect((await searchExact('5.7.10', search, search))?.results.map((r) => r.id)).toEqual(['b']);
    expect((await searchExact('5.7', search, search))?.results.map((r) => r.id)).toEqual(['b', 'a']);
  });
  it('runs no quoted search for a query without a dotted code', async () => {
    const quoted = vi.fn(search);
    expect((await searchExact('user', search, quoted))?.results.map((r) => r.id)).toEqual(['c']);
    expect(quoted).not.toHaveBeenCalled();
  });
  it('passes on a debounced search that a newer one replaced', async () => {
    expect(await searchExact('5.7.1', async () => null, search)).toBeNull();
  });
});

describe('searchWords', () => {
  it('drops the filler words of a question', () => {
    expect(searchWords('how to contact apple postmaster')).toBe('contact apple postmaster');
    expect(searchWords('icloud blocked my ip')).toBe('icloud blocked ip');
    expect(searchWords('What does HM08 mean?')).toBe('HM08');
    expect(searchWords('how do I fix CS01')).toBe('CS01');
  });
  it('keeps the words that change the meaning', () => {
    expect(searchWords('address does not exist')).toBe('address not exist');
    expect(searchWords('mailbox no longer on system')).toBe('mailbox no longer system');
    expect(searchWords('too many errors')).toBe('too many errors');
  });
  it('leaves codes, tags, quoted phrases, pasted replies and filler-only queries as typed', () => {
    for (const q of ['5.7.1', '[CS01]', '"user is over quota"', '550 5.1.1 user is unknown', 'how to', ''])
      expect(searchWords(q), q).toBe(q);
  });
});
