import { describe, expect, it } from 'vitest';
import { actionText } from '../../src/lib/action.ts';
import { loadEntries } from '../support/entries';
import { RETRY, SUPPRESS } from '../../src/lib/vocabulary.ts';

describe('actionText', () => {
  it('says what to do for a blocked sender', () => {
    expect(
      actionText({ retry: 'after-fix', suppress: 'no', owner: 'sender', category: 'authentication' }),
    ).toBe('Don’t suppress. Fix authentication, then resend.');
  });
  it('says to suppress an unknown recipient and not to retry', () => {
    expect(actionText({ retry: 'no', suppress: 'yes', owner: 'sender', category: 'recipient-unknown' })).toBe(
      'Suppress the address. Don’t retry.',
    );
  });
  it('tells the sender there is nothing to fix when Apple is busy', () => {
    expect(actionText({ retry: 'later', suppress: 'no', owner: 'apple', category: 'service-busy' })).toBe(
      'Don’t suppress. Retry later; nothing to fix on your side.',
    );
  });

  // The sentence must agree with the facts box of every entry.
  for (const { id, data } of loadEntries()) {
    it(`agrees with the facts of ${id}`, () => {
      const text = actionText(data);
      const suppressYes = data.suppress === 'yes';
      expect(text.startsWith('Suppress the address.'), SUPPRESS[data.suppress]).toBe(suppressYes);
      expect(text.includes('Don’t retry'), RETRY[data.retry]).toBe(data.retry === 'no');
      expect(/retry later/i.test(text)).toBe(data.retry === 'later');
    });
  }
});
