// The engine's promises beyond the fixtures: what a user reads when nothing matches, the rules for
// stock (`generic`) wording, several replies in one paste, and a clear answer for unusable input.
import { describe, expect, it } from 'vitest';
import { createClassifier, EMPTY_MESSAGE, looksLikeMessage } from '../../src/lib/classify/index.ts';
import { classifyMessage } from '../../src/lib/classify/message.ts';
import { testRule } from '../support/entries.ts';

// Two entries written for these tests, so the rules under test do not depend on the collection.
const base = {
  summary: 'A test entry with a summary long enough.',
  outcome: 'transient',
  retry: 'later',
  suppress: 'no',
  owner: 'apple',
  category: 'service-busy',
  evidence: 'capture',
} as const;
const stock = testRule('451-4-7-1-stock', {
  ...base,
  title: 'Stock wording',
  code: 451,
  enhanced: '4.7.1',
  reply: '451 4.7.1 Service unavailable - try again later',
  generic: true,
  match: [{ phrase: 'Service unavailable - try again later' }],
});
const tagged = testRule('554-5-7-1-tagged', {
  ...base,
  title: 'Tagged',
  outcome: 'permanent',
  code: 554,
  enhanced: '5.7.1',
  tag: 'HM08',
  reply: '554 5.7.1 [HM08] Message rejected due to local policy.',
  match: [{ phrase: '[HM08]' }],
});
const inactive = testRule('550-5-1-1-inactive', {
  ...base,
  title: 'Inactive',
  outcome: 'permanent',
  code: 550,
  enhanced: '5.1.1',
  reply: '550 5.1.1 <x@icloud.com>: inactive email address',
  match: [{ phrase: 'inactive email address' }],
});
// An entry keyed by a DSN's fields instead of an SMTP reply (the agreed `dsn` shape).
const storeFull = testRule('dsn-4-2-2-full', {
  ...base,
  title: 'Mailbox store: over quota',
  enhanced: '4.2.2',
  reply: 'Status: 4.2.2 (Over quota)',
  dsn: { status: '4.2.2', reason: 'Over quota' },
});
const classifier = createClassifier([stock, tagged, inactive, storeFull]);
const one = (input: string) => {
  const { results } = classifier.classify(input);
  expect(results).toHaveLength(1);
  return results[0]!;
};

describe('deciding', () => {
  it('an Apple tag decides, and the sentence says so', () => {
    const r = one('554 5.7.1 [HM08] Message rejected due to local policy.');
    expect(r.entry?.id).toBe('554-5-7-1-tagged');
    expect(r.confidence).toBe('exact');
    expect(r.rule).toBe('[HM08]');
    expect(r.why).toBe('Apple’s tag [HM08] matched; same basic code 554 and enhanced code 5.7.1.');
  });

  it('a matching rule with another basic code is only likely', () => {
    const r = one('550 5.7.1 [HM08] Message rejected due to local policy.');
    expect(r.entry?.id).toBe('554-5-7-1-tagged');
    expect(r.confidence).toBe('likely');
    expect(r.why).toContain('the basic code is 550 where this entry has 554');
  });

  it('stock wording is exact with an iCloud host, only a pointer without context, and nothing for another provider', () => {
    const line = (host: string, rcpt: string) =>
      `<${rcpt}>: host ${host}[192.0.2.5] said: 451 4.7.1 Service unavailable - try again later (in reply to RCPT TO command)`;
    expect(one(line('mx02.mail.icloud.com', 'x@example.com')).confidence).toBe('exact');
    const bare = one('451 4.7.1 Service unavailable - try again later');
    expect(bare.entry).toBeUndefined();
    expect(bare.ifICloud?.id).toBe('451-4-7-1-stock');
    expect(bare.why).toContain('stock mail-server text');
    expect(bare.why).toContain('If it came from iCloud, it is “Stock wording”');
    const other = one(line('gmail-smtp-in.l.google.com', 'z@gmail.com'));
    expect(other.entry).toBeUndefined();
    expect(other.provider).toBe('Google');
    expect(other.looksLikeICloud).toBe(false);
  });

  it('an address at either relay domain is iCloud context for stock wording, with no host named', () => {
    const quoted = (rcpt: string) => `<${rcpt}>: 451 4.7.1 Service unavailable - try again later`;
    for (const rcpt of ['x@privaterelay.appleid.com', 'x@private.icloud.com']) {
      const r = one(quoted(rcpt));
      expect(r.entry?.id, r.why).toBe('451-4-7-1-stock');
      expect(r.why).toContain(rcpt);
    }
  });

  it('a reply from iCloud with unknown wording is matched by its codes alone', () => {
    const r = one(
      '<x@icloud.com>: host mx01.mail.icloud.com[17.57.152.9] said: 550 5.1.1 <x@icloud.com>: some new wording',
    );
    expect(r.entry?.id).toBe('550-5-1-1-inactive');
    expect(r.confidence).toBe('code-only');
    expect(r.why).toContain('only this entry uses 550 5.1.1');
  });

  it('the same codes from an unknown server give no entry, with the standards explained', () => {
    const r = one(
      '550 5.1.1 <z@example.net>: Recipient address rejected: User unknown in virtual mailbox table',
    );
    expect(r.entry).toBeUndefined();
    expect(r.looksLikeICloud).toBe(false);
    expect(r.why).toContain('nothing in it points at iCloud');
    expect(r.why).toContain('RFC 5321, 550 means');
    expect(r.why).toContain('5.1.1 is “Bad destination mailbox address”');
  });

  it('never gives an iCloud entry to Gmail or Outlook, even for a code an entry uses', () => {
    const gmail = one(
      "550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 double-checking the recipient's email address for typos or 550-5.1.1 unnecessary spaces. For more information, go to 550 5.1.1  https://support.google.com/mail/?p=NoSuchUser - gsmtp",
    );
    expect(gmail.entry).toBeUndefined();
    expect(gmail.why).toContain('came from Google');
    const outlook = one("Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'");
    expect(outlook.entry).toBeUndefined();
    expect(outlook.provider).toBe('Microsoft');
  });
});

describe('whose reply it is', () => {
  const storeDsn = (reporter: string, status = '4.2.2 (Over quota)') =>
    [
      'Your message cannot be delivered to the following recipients:',
      '',
      '  Recipient address: x@mac.com',
      '  Reason: Over quota',
      '',
      `Reporting-MTA: dns;${reporter}`,
      'Arrival-date: Thu, 29 Apr 2017 23:34:45 +0000 (GMT)',
      '',
      'Final-recipient: rfc822;x@mac.com',
      'Action: failed',
      `Status: ${status}`,
    ].join('\n');

  it('a DSN without SMTP reply from iCloud’s mailbox store is matched on its Status and reason', () => {
    const r = one(storeDsn('ms02222.mac.com (ims-ms-daemon)'));
    expect(r.entry?.id).toBe('dsn-4-2-2-full');
    expect(r.confidence).toBe('exact');
    expect(r.reply.context).toMatchObject({ recipient: 'x@mac.com', action: 'failed' });
    expect(r.why).toContain('ms02222.mac.com');
  });

  it('the same DSN with another Status, from another reporter or from iCloud’s outbound server gets none', () => {
    expect(one(storeDsn('ms02222.mac.com (ims-ms-daemon)', '5.2.2 (Over quota)')).entry).toBeUndefined();
    const other = one(storeDsn('mail.example.org'));
    expect(other.entry).toBeUndefined();
    expect(other.why).toContain('no SMTP reply');
    const outbound = one(storeDsn('mr21p30im-asmtp002.me.com (tcp-daemon)'));
    expect(outbound.entry).toBeUndefined();
    expect(outbound.why).toContain('iCloud’s outbound server');
  });

  it('iCloud’s outbound server relaying another receiver’s reply gets none, naming both', () => {
    const dsn = [
      'Reporting-MTA: dns;mr21p30im-asmtp002.me.com (tcp-daemon)',
      '',
      'Final-recipient: rfc822;y@example.jp',
      'Action: failed',
      'Status: 5.0.0 (Remote SMTP server has rejected address)',
      'Remote-MTA: dns;mx.example.jp (TCP|17.111.174.65|31066|198.51.100.4|25)',
      'Diagnostic-code: smtp;550 5.1.1 <y@example.jp>: inactive email address',
    ].join('\n');
    const r = one(dsn);
    expect(r.entry).toBeUndefined();
    expect(r.why).toContain('mr21p30im-asmtp002.me.com');
    expect(r.why).toContain('mx.example.jp');
  });

  it('a named server that is not Apple’s is never iCloud’s, whatever the wording', () => {
    const r = one(
      '<x@icloud.com>: host mx.example.net[198.51.100.3] said: 554 5.7.1 [HM08] Message rejected due to local policy. (in reply to end of DATA command)',
    );
    expect(r.entry).toBeUndefined();
    expect(r.why).toContain('mx.example.net');
    expect(r.looksLikeICloud).toBe(false);
  });

  it('an answering IP in Apple’s network counts as iCloud context; a documentation IP does not', () => {
    const at = (ip: string) =>
      one(
        `{"event":"bounce","email":"x@example.com","remoteMtaIp":"${ip}","reason":"451 4.7.1 Service unavailable - try again later"}`,
      );
    expect(at('17.57.152.14').entry?.id).toBe('451-4-7-1-stock');
    expect(at('192.0.2.14').ifICloud?.id).toBe('451-4-7-1-stock');
    expect(at('198.18.7.1').why).toContain('198.18.7.1');
  });
});

describe('reading', () => {
  it('returns one result per reply, in input order', () => {
    const log = [
      'postfix/smtp[1]: A1: to=<a@icloud.com>, relay=mx01.mail.icloud.com[17.57.152.9]:25, dsn=5.1.1, status=bounced (host mx01.mail.icloud.com[17.57.152.9] said: 550 5.1.1 <a@icloud.com>: inactive email address (in reply to RCPT TO command))',
      'postfix/smtp[2]: B2: to=<b@example.com>, relay=mx02.mail.icloud.com[17.57.155.34]:25, dsn=5.7.1, status=bounced (host mx02.mail.icloud.com[17.57.155.34] said: 554 5.7.1 [HM08] Message rejected due to local policy. (in reply to end of DATA command))',
      'postfix/smtp[3]: C3: to=<c@icloud.com>, relay=mx01.mail.icloud.com[17.57.152.9]:25, dsn=5.1.1, status=bounced (host mx01.mail.icloud.com[17.57.152.9] said: 550 5.1.1 <c@icloud.com>: inactive email address (in reply to RCPT TO command))',
    ].join('\n');
    const { results } = classifier.classify(log);
    expect(results.map((r) => [r.entry?.id, r.reply.context.recipient])).toEqual([
      ['550-5-1-1-inactive', 'a@icloud.com'],
      ['554-5-7-1-tagged', 'b@example.com'],
      ['550-5-1-1-inactive', 'c@icloud.com'],
    ]);
  });

  it('reads the enhanced code from the DSN Status field when the reply has none', () => {
    const r = one('Status: 5.1.1\nDiagnostic-Code: smtp; 550 <x@icloud.com>: inactive email address');
    expect(r.reply.enhanced).toBe('5.1.1');
  });

  it('keeps one result when a bounce quotes the same reply in its text and its DSN part', () => {
    const bounce = [
      '<x@icloud.com>: host mx1.mail.icloud.com[17.172.34.9] said: 550 5.1.1',
      '    <x@icloud.com>: inactive email address (in reply to RCPT TO command)',
      '',
      'Final-Recipient: rfc822; x@icloud.com',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 <x@icloud.com>: inactive email address',
    ].join('\n');
    const r = one(bounce);
    expect(r.reply.context).toMatchObject({
      recipient: 'x@icloud.com',
      stage: 'rcpt',
      action: 'failed',
      ip: '17.172.34.9',
    });
  });

  it('does not take numbers in log fields for replies', () => {
    const { results, message } = classifier.classify(
      'postfix/qmgr[421]: 4F1A2B3C: from=<a@example.com>, size=550 (queue active)\npostfix/smtp[554]: 4F1A2B3C: to=<b@example.com>, relay=none, delay=450, status=deferred (connect to mx.example.com[192.0.2.1]:25: Connection timed out)',
    );
    expect(results).toEqual([]);
    expect(message).toMatch(/No SMTP reply was found/);
  });
});

describe('unusable input', () => {
  it.each([
    ['empty', ''],
    ['blank', ' \n\t '],
  ])('%s input asks for a paste', (_, input) => {
    expect(classifier.classify(input)).toEqual({ results: [], message: EMPTY_MESSAGE });
  });

  it('binary input says it is binary', () => {
    const bytes = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    const outcome = classifier.classify(bytes);
    expect(outcome.message).toMatch(/binary/);
  });

  it('3 MB of random text gives no reply card', { timeout: 60_000 }, () => {
    // Letters, digits and the punctuation replies sit after (quotes, semicolons, colons), from a
    // fixed seed: three digits after a quote or at a line start look like a reply code.
    let seed = 20261201;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const chars = `0123456789 0123456789 .;'"-:abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ\n`;
    const text = Array.from({ length: 3_000_000 }, () => chars[(next() >>> 8) % chars.length]).join('');
    const outcome = classifier.classify(text);
    expect(outcome.results).toEqual([]);
    expect(outcome.message).toMatch(/No SMTP reply was found/);
  });

  it('prose without a reply says no reply was found', () => {
    expect(classifier.classify('My mail to my friend keeps bouncing, please help').message).toMatch(
      /No SMTP reply was found/,
    );
  });
});

describe('whole messages', () => {
  const eml = [
    'From: MAILER-DAEMON@mail.example.com',
    'To: sender@example.com',
    'Subject: Undelivered Mail Returned to Sender',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    '<x@icloud.com>: host mx02.mail.icloud.com[17.57.155.34] said: 554 5.7.1 [HM0=',
    '8] Message rejected due to local policy. (in reply to end of DATA command)',
    '',
  ].join('\n');

  it('are recognised, and a reply or log is not', () => {
    expect(looksLikeMessage(eml)).toBe(true);
    expect(looksLikeMessage('554 5.7.1 [HM08] Message rejected due to local policy.')).toBe(false);
    expect(looksLikeMessage('Final-Recipient: rfc822; x@icloud.com\nAction: failed\n\nStatus: 5.1.1')).toBe(
      false,
    );
  });

  it('are decoded before classifying (quoted-printable split inside the tag)', async () => {
    const { results } = await classifyMessage(eml, classifier);
    expect(results.map((r) => r.entry?.id)).toEqual(['554-5-7-1-tagged']);
    expect(results[0]!.reply.context.host).toBe('mx02.mail.icloud.com');
  });

  it('fall back to the raw text when they cannot be decoded', async () => {
    const broken =
      'From: a@example.com\nMIME-Version: 1.0\nContent-Type: multipart/report; boundary="x"\n\n--x\nContent-Type: text/plain\n\n550 5.1.1 <x@icloud.com>: inactive email address\n';
    const { results } = await classifyMessage(broken, classifier);
    expect(results.map((r) => r.entry?.id)).toEqual(['550-5-1-1-inactive']);
  });
});
