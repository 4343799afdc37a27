// The report's memo of Postfix status lines (src/lib/report/record-memo.ts) gives every line exactly
// the outcome the engine gives it: on generated status lines whose time, process id, queue id,
// recipient and delays vary (local parts made of the words and codes the engine reads, every
// stamp form), with replies of every entry and of other providers, and on every line of every
// fixture. One memo serves all the lines of a test, and lines of one shape come several at a time,
// so many get a kept outcome.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClassifier, type Classifier } from '../../src/lib/classify/index.ts';
import { RecordMemo } from '../../src/lib/report/record-memo.ts';
import { loadEntries } from '../support/entries.ts';

const rules = loadEntries().map((e) => e.rule);
const classifier = createClassifier(rules);
const direct = (line: string) => classifier.classify(line).results;

const digits = (min: number, max: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));
const two = fc.integer({ min: 0, max: 59 }).map((n) => String(n).padStart(2, '0'));
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const stamp = fc.oneof(
  fc
    .tuple(fc.constantFrom(...MONTHS), fc.integer({ min: 1, max: 31 }), two, two, two)
    .map(([m, d, h, i, s]) => `${m} ${String(d).padStart(2, ' ')} ${h}:${i}:${s}`),
  fc
    .tuple(two, two, two, fc.constantFrom('', '.5', '.123456'), fc.constantFrom('', 'Z', '+00:00', '-0500'))
    .map(([h, i, s, f, z]) => `2026-03-02T${h}:${i}:${s}${f}${z}`),
);
const queueId = fc.oneof(
  fc.array(fc.constantFrom(...'0123456789ABCDEF'), { minLength: 5, maxLength: 12 }),
  fc.array(fc.constantFrom(...'0123456789bcdfghjkBCDFGHJKlmnp'), { minLength: 10, maxLength: 15 }),
);
/** Local parts from the engine's own words and codes, joined as addresses allow. */
const local = fc
  .tuple(
    fc.constantFrom(...'abcrxzABQ'),
    fc.constantFrom('', '', '5', '55'),
    fc.array(
      fc.constantFrom(
        '550',
        '5.1.1',
        '421',
        '4.7.0',
        'said',
        'host',
        'status',
        'relay',
        'to',
        'from',
        'smtp',
      ),
      { maxLength: 3 },
    ),
    fc.array(fc.constantFrom('.', '-', '+', '_', ''), { minLength: 3, maxLength: 3 }),
    digits(0, 4),
  )
  .map(([first0, d0, words, seps, n]) => d0 + first0 + words.map((w, i) => seps[i]! + w).join('') + n);
const domain = fc.constantFrom(
  'icloud.com',
  'me.com',
  'mac.com',
  'gmail.com',
  'example.org',
  'Mail.iCloud.com',
);
const seconds = fc.oneof(
  digits(1, 3),
  fc.tuple(digits(1, 3), digits(1, 2)).map(([a, b]) => `${a}.${b}`),
);
const relay = fc.constantFrom(
  'mx02.mail.icloud.com[17.57.155.34]:25',
  'gmail-smtp-in.l.google.com[192.0.2.26]:25',
  'example-com.mail.protection.outlook.com[192.0.2.40]:25',
  'none',
);
const otherReplies = [
  "550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 double-checking the recipient's email address for typos or 550-5.1.1 unnecessary spaces. 550 5.1.1  https://support.google.com/mail/?p=NoSuchUser a2.1 - gsmtp",
  '550 5.5.0 Requested action not taken: mailbox unavailable.',
  '452 4.2.2 The email account that you tried to reach is over quota.',
];
const outcome = fc.oneof(
  fc
    .tuple(
      // The host decides whose reply it is; without one, the wording or the recipient's domain does.
      fc.constantFrom(
        'host mx02.mail.icloud.com[17.57.155.34] said: ',
        'host gmail-smtp-in.l.google.com[192.0.2.26] said: ',
        'host mx.example.net[192.0.2.9] said: ',
        '',
      ),
      fc.constantFrom(...rules.map((r) => r.reply), ...otherReplies),
      fc.constantFrom('RCPT TO', 'end of DATA', 'MAIL FROM'),
    )
    .map(([host, reply, command]) => `(${host}${reply} (in reply to ${command} command))`),
  fc.constantFrom(
    '(connect to mx.example.net[192.0.2.9]:25: Connection timed out)',
    '(lost connection with mx01.mail.icloud.com[17.57.152.9] while receiving the initial server greeting)',
    '(250 2.0.0 Ok: queued as 4F2A)',
  ),
);
/** What the memo keys a line by: its outcome and the fields kept. */
const shape = fc.record({
  program: fc.constantFrom('mail postfix/smtp', 'mx-1.example.com postfix-out/smtp', 'mail postfix/lmtp'),
  domain,
  origTo: fc.constantFrom('', 'orig_to=<alias@example.net>, '),
  relay,
  connUse: fc.constantFrom('', 'conn_use=2, '),
  dsn: fc.constantFrom('5.1.1', '4.7.0', '5.7.1', '2.0.0'),
  status: fc.constantFrom('bounced', 'deferred', 'expired', 'sent'),
  outcome,
});
/** What varies from line to line of one shape. */
const instance = fc.record({
  stamp,
  pid: digits(1, 7),
  queueId,
  local,
  delays: fc.tuple(seconds, seconds, seconds, seconds, seconds),
});
/** Status lines of one shape: after the first two, each gets a kept outcome. */
const statusLines = fc
  .tuple(shape, fc.array(instance, { minLength: 1, maxLength: 6 }))
  .map(([l, instances]) =>
    instances.map(
      (i) =>
        `${i.stamp} ${l.program}[${i.pid}]: ${i.queueId.join('')}: to=<${i.local}@${l.domain}>, ${l.origTo}relay=${l.relay}, ${l.connUse}delay=${i.delays[0]}, delays=${i.delays.slice(1).join('/')}, dsn=${l.dsn}, status=${l.status} ${l.outcome}`,
    ),
  );

/** The classifier, counting what it is asked. */
function counting(): { classifier: Classifier; calls: () => number } {
  let calls = 0;
  return {
    classifier: {
      classify: (text, options) => {
        calls++;
        return classifier.classify(text, options);
      },
    },
    calls: () => calls,
  };
}

describe('the memo of Postfix status lines', () => {
  it('gives each generated status line the engine’s own outcome', () => {
    const memo = new RecordMemo(classifier);
    fc.assert(
      fc.property(fc.array(statusLines, { minLength: 1, maxLength: 3 }), (shapes) => {
        for (const line of shapes.flat()) expect(memo.classify(line), line).toEqual(direct(line));
      }),
      { numRuns: 1_500 },
    );
  });

  it('gives every fixture line the engine’s own outcome', () => {
    const memo = new RecordMemo(classifier);
    const dir = path.resolve(import.meta.dirname, 'fixtures');
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    for (const f of files)
      for (const line of readFileSync(path.join(f.parentPath, f.name), 'utf8').split('\n'))
        expect(memo.classify(line), `${f.name}: ${line}`).toEqual(direct(line));
  });

  it('asks the engine about the first two lines of a shape only, whatever their recipients, times and queue ids', () => {
    const { classifier: asked, calls } = counting();
    const memo = new RecordMemo(asked);
    const reply = rules.find((r) => r.code === 550)!.reply;
    const lines = Array.from(
      { length: 50 },
      (_, i) =>
        `Mar  2 10:00:${String(i).padStart(2, '0')} mail postfix/smtp[${2000 + i}]: ${(0xa0000 + i).toString(16).toUpperCase()}: to=<reader${i}@icloud.com>, relay=mx01.mail.icloud.com[17.57.152.9]:25, delay=${i}.2, delays=0.1/0/0.5/${i}, dsn=5.1.1, status=bounced (host mx01.mail.icloud.com[17.57.152.9] said: ${reply} (in reply to RCPT TO command))`,
    );
    const outcomes = lines.map((l) => memo.classify(l));
    expect(calls()).toBe(2);
    expect(outcomes.map((o) => o[0]!.reply.context.recipient)).toEqual(
      lines.map((_, i) => `reader${i}@icloud.com`),
    );
    expect(outcomes[7]!.map((r) => r.entry?.id)).toEqual(direct(lines[7]!).map((r) => r.entry?.id));
  });

  it('asks the engine about a line of another shape, or a recipient it cannot stand for', () => {
    const { classifier: asked, calls } = counting();
    const memo = new RecordMemo(asked);
    const line = (to: string) =>
      `Mar  2 10:00:00 mail postfix/smtp[2000]: 4F2A9: to=<${to}>, relay=none, delay=0, delays=0/0/0/0, dsn=5.1.1, status=bounced (host x[192.0.2.1] said: 550 5.1.1 unknown (in reply to RCPT TO command))`;
    for (const to of ['550-a@icloud.com', '"a b"@icloud.com', 'memo.recipient@icloud.com', 'a=b@icloud.com'])
      expect(memo.classify(line(to)), to).toEqual(direct(line(to)));
    expect(calls()).toBe(4);
  });
});
