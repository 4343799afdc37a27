// Which guide sections an entry links to is derived from its front matter alone; these checks run
// over the real collection and over a few made-up entries that pin the rules down.
import { describe, expect, it } from 'vitest';
import { guideLinksFor, guideSection, type GuideFacts } from '../../src/data/guides';
import { loadEntries } from '../support/entries';

const base: GuideFacts = {
  category: 'recipient-unknown',
  enhanced: '5.1.1',
  reply: '550 5.1.1 <x@icloud.com>: user does not exist',
  match: [{ phrase: 'user does not exist' }],
  examples: [],
};

describe('guideLinksFor over the collection', () => {
  for (const { id, data } of loadEntries()) {
    it(`${id}: links to the sending guide and, if tagged, to its tag first`, () => {
      const links = guideLinksFor(data);
      expect(links.some((l) => l.guide === 'sending')).toBe(true);
      if (data.tag) expect(links[0]).toMatchObject({ guide: 'tags', section: data.tag.toLowerCase() });
      expect(new Set(links.map((l) => `${l.guide}#${l.section}`)).size).toBe(links.length);
      for (const l of links) expect(() => guideSection(l.guide, l.section)).not.toThrow();
    });
  }
});

describe('guideSection', () => {
  it('refuses a section its guide does not list', () => {
    expect(guideSection('sending', 'limits')).toBe('sending-to-icloud/#limits');
    expect(guideSection('tags', 'hm08')).toBe('tags/#hm08');
    expect(() => guideSection('sending', 'limit')).toThrow('/sending-to-icloud/ has no section #limit');
  });
});

describe('guideLinksFor rules', () => {
  it('sends an untagged policy block to the untagged section of /tags/', () => {
    expect(guideLinksFor({ ...base, category: 'policy-block', enhanced: '5.7.1' })[0]).toMatchObject({
      guide: 'tags',
      section: 'untagged',
    });
  });
  it('sends a 5.1.1 to “before you suppress” even when its category points elsewhere', () => {
    const links = guideLinksFor({ ...base, category: 'protocol' });
    expect(links.map((l) => l.section)).toEqual(['requirements', 'before-you-suppress']);
  });
  it('sends a private-relay sender refusal to the relay guide, not to custom domains', () => {
    const links = guideLinksFor({
      ...base,
      category: 'relay',
      reply: '550 5.1.1 <b@example.com>: unauthorized sender',
      examples: [{ text: 'mx-host smtp3.privaterelay.appleid.com' }],
    });
    expect(links[0]).toMatchObject({ guide: 'relay', section: 'unauthorized-sender' });
    expect(links.map((l) => l.section)).not.toContain('custom-domains');
  });
  it('sends an unknown relay address and a turned-off address to the “turned off” section', () => {
    expect(
      guideLinksFor({ ...base, reply: '550 5.1.1 <x@privaterelay.appleid.com>: user not found' })[0],
    ).toMatchObject({ guide: 'relay', section: 'turned-off' });
    expect(guideLinksFor({ ...base, category: 'recipient-disabled' })[0]).toMatchObject({
      guide: 'relay',
      section: 'turned-off',
    });
  });
  it('sends an iCloud+ custom-domain relay refusal to custom domains', () => {
    const links = guideLinksFor({
      ...base,
      category: 'relay',
      enhanced: '5.7.1',
      reply: '554 5.7.1 <x@icloud.com>: Relay access denied',
    });
    expect(links).toEqual([{ guide: 'sending', section: 'custom-domains', label: expect.any(String) }]);
  });
});
