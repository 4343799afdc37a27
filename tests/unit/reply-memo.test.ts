// The report's memo of Postfix replies (src/lib/report/reply-memo.ts) gives every record exactly what
// classifying it alone gives: on generated Postfix logs whose records repeat a reply with another
// time, process, queue id and recipient (replies that quote the address, other providers', lines of
// other shapes and ISO times included), in any order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClassifier, type Classification } from '../../src/lib/classify/index.ts';
import { ReplyMemo } from '../../src/lib/report/reply-memo.ts';
import { loadEntries } from '../support/entries.ts';

const entries = loadEntries();
const classifier = createClassifier(entries.map((e) => e.rule));
const alone = (text: string) => classifier.classify(text).results;

const replies = [
  ...entries.map((e) => e.data.reply),
  "550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 double-checking the recipient's email address for typos or 550 5.1.1 https://support.google.com/mail/?p=NoSuchUser a1.1 - gsmtp",
  '550 5.5.0 Requested action not taken: mailbox unavailable.',
  '550 5.1.1 <{to}>: Recipient address rejected: User unknown in virtual mailbox table',
  '552 5.2.2 {local}: mailbox full',
  '421 4.7.0 Try again later, closing connection at 10:00:00',
];
const domains = ['icloud.com', 'me.com', 'mac.com', 'example.com', 'gmail.com', 'mail.example.org'];
const locals = ['a', 'r1', 'postmaster', 'first.last+tag', 'x_y-z', 'A1', '0', 'me', 'icloud'];
const hosts = [
  'mx02.mail.icloud.com[17.57.155.34]',
  'gmail-smtp-in.l.google.com[192.0.2.26]',
  'mx.example.org[192.0.2.60]',
];

const stamp = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('Jan', 'Mar', 'Dec'),
      fc.integer({ min: 1, max: 28 }),
      fc.integer({ min: 0, max: 86_399 }),
    )
    .map(([m, d, s]) => {
      const t = [s / 3600, (s / 60) % 60, s % 60].map((n) => String(Math.floor(n)).padStart(2, '0'));
      return `${m} ${String(d).padStart(2, ' ')} ${t.join(':')}`;
    }),
  fc
    .tuple(fc.integer({ min: 0, max: 86_399 }), fc.constantFrom('Z', '+01:00', '.123456+00:00'))
    .map(([s, z]) => `2026-03-02T${new Date(s * 1000).toISOString().slice(11, 19)}${z}`),
);

/** What records of one reply share: the server, its reply and the line's shape. */
const situation = fc.record({
  program: fc.constantFrom('postfix/smtp', 'postfix/lmtp', 'postfix-out/smtp'),
  host: fc.constantFrom(...hosts),
  reply: fc.constantFrom(...replies),
  status: fc.constantFrom('bounced', 'deferred'),
  shape: fc.constantFrom('postfix', 'postfix', 'postfix', 'orig_to', 'exim', 'no-host'),
});
/** What varies from record to record of one situation. */
const varying = fc.record({
  stamp,
  pid: fc.integer({ min: 1, max: 99_999 }),
  queueId: fc.oneof(fc.constantFrom('0', 'A1', '4F2C9'), fc.stringMatching(/^[0-9A-F]{5,12}$/)),
  local: fc.constantFrom(...locals),
  domain: fc.constantFrom(...domains),
});
type Situation = typeof situation extends fc.Arbitrary<infer T> ? T : never;
type Varying = typeof varying extends fc.Arbitrary<infer T> ? T : never;

/** A Postfix delivery record with a reply, or now and then a record of another shape. */
function record(s: Situation, v: Varying): string {
  const to = `${v.local}@${v.domain}`;
  const reply = s.reply.replace('{to}', to).replace('{local}', v.local);
  const said = `status=${s.status} (host ${s.host} said: ${reply} (in reply to RCPT TO command))`;
  const head = `${v.stamp} mail ${s.program}[${v.pid}]: ${v.queueId}:`;
  switch (s.shape) {
    case 'orig_to':
      return `${head} to=<${to}>, orig_to=<${v.local}@alias.example>, relay=${s.host}:25, delay=1, dsn=5.0.0, ${said}`;
    case 'exim':
      return `${v.stamp} 1rAbcD-000123-Ab ** ${to} R=dnslookup T=remote_smtp H=${s.host}: SMTP error from remote mail server after RCPT TO:<${to}>: ${reply}`;
    case 'no-host':
      return `${head} to=<${to}>, relay=none, delay=0, dsn=4.4.1, status=deferred (${reply})`;
    default:
      return `${head} to=<${to}>, relay=${s.host}:25, delay=1.1, delays=0.1/0/0.5/0.5, dsn=5.0.0, ${said}`;
  }
}

/** A log of a few situations' records, interleaved, so most records repeat an earlier one's reply. */
const log = fc.array(situation, { minLength: 1, maxLength: 3 }).chain((situations) =>
  fc.array(
    fc.tuple(fc.nat(situations.length - 1), varying).map(([i, v]) => record(situations[i]!, v)),
    { minLength: 1, maxLength: 40 },
  ),
);

describe('the memo of Postfix replies', () => {
  it('gives each record what classifying it alone gives', () => {
    fc.assert(
      fc.property(log, (records) => {
        const memo = new ReplyMemo(classifier);
        for (const text of records) expect(memo.classify(text)).toEqual(alone(text));
      }),
      { numRuns: 300 },
    );
  });

  it('reuses a classification for the same reply to other recipients at other times', () => {
    let calls = 0;
    const counting = { classify: (text: string) => (calls++, classifier.classify(text)) };
    const memo = new ReplyMemo(counting);
    const reply = entries[0]!.data.reply;
    const line = (i: number) =>
      `Mar  2 10:00:${String(i).padStart(2, '0')} mail postfix/smtp[${100 + i}]: Q${i}ABC: to=<u${i}@icloud.com>, relay=mx02.mail.icloud.com[17.57.155.34]:25, delay=1.1, dsn=5.0.0, status=bounced (host mx02.mail.icloud.com[17.57.155.34] said: ${reply} (in reply to RCPT TO command))`;
    for (let i = 0; i < 20; i++) {
      const got = memo.classify(line(i));
      expect(got).toEqual(alone(line(i)));
      expect(got[0]!.reply.context.recipient).toBe(`u${i}@icloud.com`);
    }
    expect(calls).toBe(1);
    // What a caller does with its copy does not reach the next record's.
    memo.classify(line(0))[0]!.reply.context.host = 'changed';
    expect(memo.classify(line(1))).toEqual(alone(line(1)));
  });

  it('classifies alone a record whose reply shows the recipient, its time or its queue id', () => {
    let calls = 0;
    const counting = { classify: (text: string) => (calls++, classifier.classify(text)) };
    const memo = new ReplyMemo(counting);
    const line = (i: number) =>
      `Mar  2 10:00:0${i} mail postfix/smtp[1]: Q${i}ABC: to=<u${i}@icloud.com>, relay=mx.example.org[192.0.2.60]:25, status=bounced (host mx.example.org[192.0.2.60] said: 550 5.1.1 <u${i}@icloud.com>: unknown user (in reply to RCPT TO command))`;
    for (let i = 0; i < 5; i++) expect(memo.classify(line(i))).toEqual(alone(line(i)));
    expect(calls).toBe(5);
  });

  it('classifies alone the records of a reply whose classification shows a field that varies', () => {
    const records = fc.sample(log, { numRuns: 40, seed: 7 }).flat();
    // Classifiers that read a field the memo takes to vary: the time, the process, the queue id, the
    // recipient's local part, or that give the recipient otherwise than as the log has it.
    const shows: ((text: string, r: Classification) => void)[] = [
      (text, r) => void (r.why += /^(?:\d{4}-\S+|\w{3} +\d+ [\d:]+)/.exec(text)?.[0]),
      (text, r) => void (r.rule = /\[\d+\]/.exec(text)?.[0]),
      (text, r) => void (r.reply.text += / ([0-9A-Za-z]+): to=/.exec(text)?.[1] + ':'),
      (text, r) => void (r.why += /to=<([^@>]+)@/.exec(text)?.[1] + '@'),
      (_text, r) => void (r.reply.context.recipient = r.reply.context.recipient?.toUpperCase()),
    ];
    for (const show of shows) {
      const reading = {
        classify(text: string) {
          const outcome = classifier.classify(text);
          for (const r of outcome.results) show(text, r);
          return outcome;
        },
      };
      const memo = new ReplyMemo(reading);
      for (const text of records) expect(memo.classify(text)).toEqual(reading.classify(text).results);
    }
  });
});
