// "If you only sent the message": the advice follows the entry's owner and category, names whom to
// tell, and an entry's own `onlySent` wording replaces it.
import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../src/lib/schema/code-entry.ts';
import { senderHelp } from '../../src/lib/sender-help.ts';
import { loadEntries } from '../support/entries.ts';

const entries = loadEntries();
const byId = (id: string) => entries.find((e) => e.id === id)!.data;

describe('senderHelp', () => {
  it('gives every entry advice, and a note that quotes the reply’s code wherever there is one', () => {
    for (const { id, data } of entries) {
      const help = senderHelp(data, 'CODE');
      expect(help.text.length, id).toBeGreaterThan(60);
      if (help.say && data.owner !== 'recipient') expect(help.say, id).toContain('“CODE”');
    }
  });

  it('sends a policy block to whoever runs the sender’s email, with the full bounce', () => {
    const help = senderHelp(byId('554-5-7-1-cs01'), '554 5.7.1 [CS01]');
    expect(help.text).toMatch(
      /Forward the whole bounce to your IT department or your email provider’s support/,
    );
    expect(help.text).toMatch(/recipient’s address is fine/);
    expect(help.say).toContain('“554 5.7.1 [CS01]”');
  });

  it('tells the sender of a mail to a full mailbox to reach the recipient another way', () => {
    const help = senderHelp(byId('552-5-2-2-over-quota'), '552 5.2.2');
    expect(help.text).toMatch(/Tell them another way/);
    expect(help.say).toMatch(/your iCloud storage is full/);
  });

  it('has the person asked for a new address when the address is dead or switched off', () => {
    expect(senderHelp(byId('550-5-1-1-user-does-not-exist'), '550 5.1.1').text).toMatch(
      /ask them another way .* for the address they use now/,
    );
    expect(senderHelp(byId('550-5-1-1-inactive-email-address'), '550 5.1.1').text).toMatch(
      /switched this address off .* Ask them another way for an address that works/,
    );
  });

  it('says a fault on Apple’s side is not the sender’s, and that a transient one is retried by itself', () => {
    expect(senderHelp(byId('550-5-1-1-no-user-record'), '550 5.1.1').text).toMatch(
      /fault on Apple’s side, not from a bad address\. Send the message again later/,
    );
    expect(senderHelp(byId('451-4-7-1-service-unavailable'), '451 4.7.1').text).toMatch(
      /on Apple’s side.*tries again by itself/,
    );
  });

  it('points a refused relay to the recipient’s domain administrator', () => {
    const help = senderHelp(byId('554-5-7-1-relay-access-denied'), '554 5.7.1');
    expect(help.text).toMatch(/recipient’s domain is not set up/);
    expect(help.say).toMatch(/whoever manages your domain/);
  });

  it('uses the entry’s own onlySent wording, which the schema accepts', () => {
    const data = parseEntry('550-5-1-1-test', {
      ...byId('550-5-1-1-user-does-not-exist'),
      onlySent: { text: 'Call the person and ask for the address they use now.' },
    });
    expect(senderHelp(data, '550 5.1.1')).toEqual({
      text: 'Call the person and ask for the address they use now.',
    });
  });
});
