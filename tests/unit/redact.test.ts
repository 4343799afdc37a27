import { describe, expect, it } from 'vitest';
import { redact, replyDomains } from '../../src/lib/redact.ts';
import { createClassifier } from '../../src/lib/classify/index.ts';
import { loadEntries } from '../support/entries';

const entries = loadEntries();
const keep = replyDomains(entries.map((e) => e.data.reply));
const classifier = createClassifier(entries.map((e) => e.rule));
const firstEntry = (text: string) => classifier.classify(text).results[0]?.entry?.id;

const postfix =
  'Dec  1 09:14:03 mail-out-3.northwind-mail.de postfix/smtp[20817]: 4Tq2Zx1k9Rz: to=<maria.keller@icloud.com>, ' +
  'relay=mx02.mail.icloud.com[17.57.155.34]:25, delay=1.4, dsn=5.7.1, status=bounced (host mx02.mail.icloud.com' +
  '[17.57.155.34] said: 554 5.7.1 [CS01] Message rejected due to local policy. Please visit ' +
  'https://support.apple.com/en-us/HT204137 Txn ID 4fbc0af0-417e-4180-91d8-66754d53a162 ' +
  '(in reply to end of DATA command)) from=<news@northwind-mail.de> client=85.214.132.117';

describe('redact', () => {
  it('replaces addresses, the sending IP, own hosts and the Txn ID in a Postfix line', () => {
    const { text, replaced } = redact(postfix, keep);
    for (const secret of [
      'maria.keller',
      'northwind-mail',
      '85.214.132.117',
      '4fbc0af0-417e-4180-91d8-66754d53a162',
      'mail-out-3',
    ])
      expect(text).not.toContain(secret);
    expect(text).toContain('to=<user@icloud.com>');
    expect(text).toContain('from=<user2@example.com>');
    expect(text).toContain('client=192.0.2.1');
    expect(text).toContain('Txn ID TXN-ID-1');
    expect(text).toContain('host.example.net postfix/smtp');
    // iCloud's own host and IP and Apple's link decide the match: kept.
    expect(text).toContain('mx02.mail.icloud.com[17.57.155.34]');
    expect(text).toContain('https://support.apple.com/en-us/HT204137');
    expect(replaced.map((r) => r.kind).sort()).toEqual(['address', 'address', 'host', 'ip', 'txn']);
  });

  it('gives the same value the same placeholder and leaves times and codes alone', () => {
    const { text } = redact('09:14:03 a@b.de 550 5.1.1 <a@b.de> 2a00:1450:4001:81c::200e 10.1.2.3', keep);
    expect(text).toBe('09:14:03 user@example.com 550 5.1.1 <user@example.com> 2001:db8::1 192.0.2.1');
  });

  it('keeps the blocklist and DNSBL names the replies themselves use', () => {
    const sbl =
      '550 5.7.1 Mail from IP 85.214.132.117 was rejected due to listing in Spamhaus SBL. For details please see http://www.spamhaus.org/query/bl?ip=85.214.132.117';
    expect(redact(sbl, keep).text).toBe(sbl.replaceAll('85.214.132.117', '192.0.2.1'));
  });

  it('keeps every entry’s match: each reply, with real-looking data, still finds its entry', () => {
    for (const e of entries) {
      const real = e.data.reply
        .replaceAll('x@icloud.com', 'maria.keller@icloud.com')
        .replaceAll('example.com', 'northwind-mail.de')
        .replaceAll('192.0.2.1', '85.214.132.117');
      const pasted = `host mx02.mail.icloud.com[17.57.155.34] said: ${real}`;
      const { text } = redact(pasted, keep);
      expect(text).not.toContain('northwind');
      expect(text).not.toContain('maria');
      expect(firstEntry(text), `${e.id}: ${text}`).toBe(firstEntry(pasted));
    }
  });
});
