import { readFileSync } from 'node:fs';
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

  // Anonymised notices as people paste them: names, domain and IPs are made up, the layout is the real one.
  const fixture = (name: string) =>
    readFileSync(new URL(`../fixtures/redact/${name}`, import.meta.url), 'utf8');
  const hosts = (text: string) =>
    redact(text, keep)
      .replaced.filter((r) => r.kind === 'host')
      .map((r) => r.original);

  it('an Office 365 NDR: no header field, local part or public domain is called a host', () => {
    const ndr = fixture('o365-ndr-headers.txt');
    const { text, replaced } = redact(ndr, keep);
    expect(hosts(ndr)).toEqual(['contoso-logistics.de', 'mail.contoso-logistics.de']);
    const kinds = Object.fromEntries(replaced.map((r) => [r.original, r.kind]));
    expect(kinds['dana.whitfield']).toBe('local');
    expect(kinds['r.okafor@contoso-logistics.de']).toBe('address');
    expect(kinds['51.105.71.40']).toBe('ip');
    expect(kinds['Delivery window for order 88213']).toBe('subject');
    expect(kinds['AM9PR04MB74215C2D0E1F8A3B9C7D6E5F4A3B2C1D0@AM9PR04MB7421.eurprd04.prod.outlook.com']).toBe(
      'txn',
    );
    // The local part on its own gets the placeholder of its address: one person, one name.
    expect(text).toContain("user wasn't found at icloud.com");
    expect(text).toContain('Your message to user@icloud.com');
    for (const kept of ['smtp.mailfrom=host.example.net', 'header.from=host.example.net', 'mx.microsoft.com'])
      expect(text).toContain(kept);
    expect(text).toContain('AM9PR04MB7421.eurprd04.prod.outlook.com');
    expect(text).toContain('protection.outlook.com');
    for (const secret of ['whitfield', 'okafor', 'contoso', '51.105.71.40', '88213'])
      expect(text).not.toContain(secret);
    expect(firstEntry(ndr)).toBeDefined();
    expect(firstEntry(text)).toBe(firstEntry(ndr));
  });

  it('a Gmail notice: Google’s hosts and the Authentication-Results fields stay, the people go', () => {
    const notice = fixture('gmail-notice.txt');
    const { text, replaced } = redact(notice, keep);
    expect(hosts(notice)).toEqual([]);
    expect(replaced.map((r) => `${r.kind} ${r.original}`)).toEqual([
      'subject Saturday',
      'address dana.whitfield@icloud.com',
      'address r.okafor.home@gmail.com',
      'ip 209.85.220.41',
    ]);
    expect(text).toContain('smtp.mailfrom=user2@gmail.com');
    expect(text).toContain('header.i=@gmail.com');
    expect(text).toContain('mail-sor-f41.google.com');
    expect(text).toContain('mx02.mail.icloud.com. (17.57.154.33');
    expect(firstEntry(notice)).toBeDefined();
    expect(firstEntry(text)).toBe(firstEntry(notice));
  });
});
