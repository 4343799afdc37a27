// The message to Apple: facts read from pasted replies, the draft built from the form's fields, and
// the mailto: link (escaped, cut under the limit with a note, no recipient unless asked).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APPLE_POSTMASTER,
  CUT_NOTE,
  MAILTO_LIMIT,
  RECIPIENT_PLACEHOLDER,
  buildDraft,
  descriptionFor,
  draftFields,
  mailtoLink,
  replyBlock,
  utcTime,
} from '../../src/lib/apple-draft.ts';
import { factsFromText, recipientsIn, repliesIn } from '../../src/lib/apple-facts.ts';

const POSTFIX_LOG = [
  'Dec  4 09:00:01 mail postfix/qmgr[812]: 4F1A2: from=<news@shop.example>, size=4211, nrcpt=1 (queue active)',
  'Dec  4 09:00:02 mail postfix/smtp[901]: 4F1A2: to=<anna@icloud.com>, relay=mx01.mail.icloud.com[17.57.154.6]:25, delay=1.2, dsn=5.7.1, status=bounced (host mx01.mail.icloud.com[17.57.154.6] said: 554 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137. Txn ID 0c0ffee0-0000-4000-8000-00000000a001 (in reply to end of DATA command))',
  'Dec  4 09:05:12 mail postfix/smtp[902]: 5B2C3: to=<ben@me.com>, relay=mx02.mail.icloud.com[17.57.155.25]:25, delay=1.4, dsn=5.7.1, status=bounced (host mx02.mail.icloud.com[17.57.155.25] said: 554 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137. Txn ID 0c0ffee0-0000-4000-8000-00000000a002 (in reply to end of DATA command))',
  'Dec  4 09:07:00 mail postfix/smtp[903]: 6C3D4: to=<cleo@mac.com>, relay=mx6.mail.icloud.com[17.178.97.79]:25, dsn=4.7.0, status=deferred (host mx6.mail.icloud.com[17.178.97.79] refused to talk to me: 550 5.7.0 Blocked - see https://ipcheck.proofpoint.com/?ip=198.51.100.23)',
].join('\n');

describe('factsFromText', () => {
  const facts = factsFromText(POSTFIX_LOG);

  it('counts each distinct reply once, with every Txn ID it came with', () => {
    expect(facts.replies).toEqual([
      {
        text: '554 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137. Txn ID 0c0ffee0-0000-4000-8000-00000000a001',
        count: 2,
        txnIds: ['0c0ffee0-0000-4000-8000-00000000a001', '0c0ffee0-0000-4000-8000-00000000a002'],
      },
      {
        text: '550 5.7.0 Blocked - see https://ipcheck.proofpoint.com/?ip=198.51.100.23',
        count: 1,
        txnIds: [],
      },
    ]);
    expect(facts.refused).toBe(3);
  });

  it('takes the IP the replies name, not Apple’s hosts, and the envelope sender’s domain', () => {
    expect(facts.ips).toEqual(['198.51.100.23']);
    expect(facts.domains).toEqual(['shop.example']);
    expect(facts.recipients).toEqual(['anna@icloud.com', 'ben@me.com', 'cleo@mac.com']);
  });

  it('reads the IP from Spamhaus’ sentence, a deferral and the older Proofpoint link', () => {
    const text = [
      '550 5.7.1 Mail from IP 203.0.113.9 was rejected due to listing in Spamhaus PBL.',
      '421 4.7.0 Messages from 203.0.113.10 temporarily deferred',
      '554 5.7.0 Blocked - see https://support.proofpoint.com/dnsbl-lookup.cgi?ip=2001:db8::5',
    ].join('\n');
    expect(factsFromText(text).ips).toEqual(['203.0.113.9', '203.0.113.10', '2001:db8::5']);
  });

  it('joins a folded bounce back into one reply and drops what the MTA wrapped around it', () => {
    const folded =
      '<x@icloud.com>: host mx01.mail.icloud.com[17.57.154.6] said:\n    554 5.7.1 [HM08] Message rejected due to local policy. Please visit\n    https://support.apple.com/en-us/HT204137 (in reply to end of DATA command)';
    expect(repliesIn(folded).map((r) => r.text)).toEqual([
      '554 5.7.1 [HM08] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137',
    ]);
  });

  it('finds senders in DSN headers and keeps postmasters out of the recipients', () => {
    const dsn =
      'Return-Path: <bounce@mail.shop.example>\nFrom: MAILER-DAEMON@mx.shop.example\nFinal-Recipient: rfc822; dora@icloud.com';
    expect(factsFromText(dsn).domains).toEqual(['mail.shop.example']);
    expect(recipientsIn(dsn)).toEqual(['dora@icloud.com']);
  });

  it('gives the first and last time stamp with a zone', () => {
    const text = '2026-12-04T10:00:00Z x\n2026-12-04T08:30:00+01:00 y\n2026-12-04T09:00:00Z z';
    expect(factsFromText(text)).toMatchObject({
      firstSeen: '2026-12-04T08:30:00+01:00',
      lastSeen: '2026-12-04T10:00:00Z',
    });
  });

  it('finds nothing in text without replies, without failing', () => {
    expect(factsFromText('hello')).toEqual({ domains: [], ips: [], replies: [], recipients: [] });
  });
});

describe('the draft', () => {
  const facts = { ...factsFromText(POSTFIX_LOG), company: 'Shop & Co' };
  const fields = draftFields(facts);

  it('holds the five things Apple asks for', () => {
    const { text } = buildDraft(fields);
    expect(text).toContain('Company: Shop & Co');
    expect(text).toContain('Sending domain(s): shop.example');
    expect(text).toContain('Affected sending IPs: 198.51.100.23');
    expect(text).toContain(
      'Txn IDs: 0c0ffee0-0000-4000-8000-00000000a001, 0c0ffee0-0000-4000-8000-00000000a002',
    );
    expect(text).toContain('(received 2 times;');
    expect(text).toMatch(/Description:\n.*3 messages were refused/);
  });

  it('lists Txn IDs apart only when the reply text does not already hold them all', () => {
    const one = { text: '554 5.7.1 [CS01] x. Txn ID abcdef-1', count: 1, txnIds: ['abcdef-1'] };
    expect(replyBlock(one)).toBe('554 5.7.1 [CS01] x. Txn ID abcdef-1\n  (received once)');
    expect(replyBlock({ ...one, count: 2, txnIds: ['abcdef-1', 'abcdef-2'] })).toContain(
      '(received 2 times; Txn IDs: abcdef-1, abcdef-2)',
    );
  });

  it('states when it started in UTC, or leaves a placeholder', () => {
    expect(descriptionFor({ ...facts, firstSeen: '2026-12-04T08:30:00+01:00' })).toMatch(
      /^Since 2026-12-04 07:30 UTC,/,
    );
    expect(descriptionFor(facts)).toMatch(/^Since \[date and time, UTC\],/);
    expect(utcTime('2026-12-04')).toBe('2026-12-04 (UTC)');
    expect(utcTime('Dec  4 09:00:01')).toBe('Dec  4 09:00:01');
  });

  it('leaves recipient addresses out unless asked, even where a reply names one', () => {
    const withTo = draftFields({
      ...facts,
      replies: [{ text: '421 4.7.1 Messages to eve@icloud.com deferred', count: 1, txnIds: [] }],
    });
    const plain = buildDraft(withTo);
    for (const a of ['anna@icloud.com', 'ben@me.com', 'cleo@mac.com', 'eve@icloud.com']) {
      expect(plain.text).not.toContain(a);
      expect(decodeURIComponent(plain.mailto)).not.toContain(a);
    }
    expect(plain.text).toContain(`Messages to ${RECIPIENT_PLACEHOLDER} deferred`);
    const asked = buildDraft(withTo, { includeRecipients: true });
    expect(asked.text).toContain('Affected recipient addresses:\nanna@icloud.com\nben@me.com\ncleo@mac.com');
    expect(asked.text).toContain('Messages to eve@icloud.com deferred');
  });

  it('escapes the link: the body cannot add parameters or end early', () => {
    const odd = draftFields({
      company: 'A&B ?x=1 #frag 100% ✓',
      domains: ['a.example'],
      ips: [],
      replies: [],
    });
    const { mailto, text, subject } = buildDraft(odd);
    const url = new URL(mailto);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe(APPLE_POSTMASTER);
    expect(url.hash).toBe('');
    expect([...url.searchParams.keys()]).toEqual(['subject', 'body']);
    expect(decodeURIComponent(mailto.split('&body=')[1]!)).toBe(text.replace(/\n/g, '\r\n'));
    expect(decodeURIComponent(mailto.split('?subject=')[1]!.split('&')[0]!)).toBe(subject);
    expect(mailto).not.toMatch(/[\s<>"]/);
  });

  it('cuts a long body under the limit, at a line end and never inside a character, and says so', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({
      text: `554 5.7.1 [CS01] Message rejected due to local policy 😀 ${i}`,
      count: 1,
      txnIds: [`0c0ffee0-0000-4000-8000-${String(i).padStart(12, '0')}`],
    }));
    const draft = buildDraft(draftFields({ domains: ['a.example'], ips: [], replies: many }));
    expect(draft.cut).toBe(true);
    expect(draft.mailto.length).toBeLessThanOrEqual(MAILTO_LIMIT);
    const body = decodeURIComponent(draft.mailto.split('&body=')[1]!);
    expect(body.endsWith(CUT_NOTE.replace(/\n/g, '\r\n'))).toBe(true);
    expect(draft.text).toContain('😀 59');
    expect(body).not.toContain('😀 59');
    expect(buildDraft(draftFields({ domains: [], ips: [], replies: [] })).cut).toBe(false);
  });

  it('puts placeholders where a field is empty', () => {
    const { text, subject } = buildDraft(draftFields({ domains: [], ips: [], replies: [] }));
    expect(text).toContain('Company: [company name]');
    expect(text).toContain('Affected sending IPs: [IP addresses of the sending servers]');
    expect(subject).toBe('iCloud Mail refusing mail');
  });
});

describe('mailtoLink, for any text', () => {
  it('stays under the limit, decodes back to a prefix of the text plus the note, and says when it cut', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 3000 }),
        fc.integer({ min: 300, max: 2500 }),
        (text, limit) => {
          const { url, cut } = mailtoLink('Subject', text, limit);
          expect(url.length).toBeLessThanOrEqual(
            Math.max(limit, mailtoLink('Subject', '', limit).url.length),
          );
          const body = decodeURIComponent(url.split('&body=')[1]!).replace(/\r\n/g, '\n');
          if (cut) {
            expect(body.endsWith(CUT_NOTE)).toBe(true);
            expect(text.replace(/\r\n/g, '\n').startsWith(body.slice(0, -CUT_NOTE.length))).toBe(true);
          } else expect(body).toBe(text.replace(/\r\n/g, '\n'));
        },
      ),
      { numRuns: 200 },
    );
  });
});
