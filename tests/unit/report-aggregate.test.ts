// The report aggregator (src/lib/report): its counts equal classifying each log line, message or
// event alone, whatever the chunking; the prefilter never skips a line that holds a reply; Apple's
// incident pattern warns and keeps the addresses while a trickle does not; `after-repeats` counts
// days; bad files each get one clear problem and the rest is still counted.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Classification } from '../../src/lib/classify/index.ts';
import { createEngine } from '../../src/lib/engine.ts';
import { addressesCsv, repliesCsv } from '../../src/lib/report/csv.ts';
import { REPEATS_TO_SUPPRESS, type Report } from '../../src/lib/report/index.ts';
import { replyCodes } from '../../src/lib/lexicon.ts';
import { createPrefilter } from '../../src/lib/classify/prefilter.ts';
import { readStream } from '../../src/lib/report/read.ts';
import { loadEntries } from '../support/entries.ts';

const rules = loadEntries().map((e) => e.rule);
const engine = createEngine(rules);
const newReport = await engine.reports();
const unitFixtures = path.resolve(import.meta.dirname, 'fixtures');
const fixtures = path.resolve(import.meta.dirname, '../fixtures/analyze');
const read = (...p: string[]) => readFileSync(path.join(...p), 'utf8');

function newAggregator() {
  return newReport({ now: Date.UTC(2026, 11, 1) });
}

/** Feeds texts to a fresh aggregator in chunks of the given size (all at once when absent). */
async function reportOf(files: [string, string][], chunk?: number): Promise<Report> {
  const a = newAggregator();
  for (const [name, text] of files) {
    const f = a.file(name);
    if (!chunk) await f.write(text);
    else for (let i = 0; i < text.length; i += chunk) await f.write(text.slice(i, i + chunk));
    await f.end();
  }
  return a.report();
}

function tally(results: Classification[], into: Record<string, number> = {}) {
  for (const r of results) if (r.entry) into[r.entry.id] = (into[r.entry.id] ?? 0) + 1;
  return into;
}

const sorted = (o: Record<string, number>) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

/** A generated log like the bench's: deliveries, queue lines, every entry's reply, other providers. */
function generatedLog(lines: number): string {
  const replies = rules.map((r) => r.reply);
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const stamp = `Jan 12 ${String(10 + (i % 10)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00`;
    const head = `${stamp} mail postfix/smtp[${1000 + i}]: Q${i.toString(16).toUpperCase()}:`;
    const kind = i % 5;
    if (kind === 0) {
      const reply = replies[(i / 5) % replies.length]!;
      out.push(
        `${head} to=<u${i}@icloud.com>, relay=mx01.mail.icloud.com[17.57.152.9]:25, delay=1, delays=0.1/0/0.5/0.4, dsn=${reply.slice(4, 9)}, status=${reply.startsWith('4') ? 'deferred' : 'bounced'} (host mx01.mail.icloud.com[17.57.152.9] said: ${reply} (in reply to RCPT TO command))`,
      );
    } else if (kind === 1)
      out.push(
        `${head} to=<u${i}@icloud.com>, relay=mx01.mail.icloud.com[17.57.152.9]:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as A${i})`,
      );
    else if (kind === 2)
      out.push(
        `${stamp} mail postfix/qmgr[812]: Q${i}: from=<news@example.com>, size=${1000 + i}, nrcpt=1 (queue active)`,
      );
    else if (kind === 3)
      out.push(
        `${head} to=<u${i}@gmail.com>, relay=gmail-smtp-in.l.google.com[192.0.2.26]:25, delay=0.9, delays=0.1/0/0.4/0.4, dsn=5.1.1, status=bounced (host gmail-smtp-in.l.google.com[192.0.2.26] said: 550-5.1.1 The email account that you tried to reach does not exist. 550 5.1.1 https://support.google.com/mail/?p=NoSuchUser - gsmtp (in reply to RCPT TO command))`,
      );
    else
      out.push(
        `${head} to=<u${i}@example.net>, relay=none, delay=30, delays=0.1/0/30/0, dsn=4.4.1, status=deferred (connect to mx.example.net[192.0.2.9]:25: Connection timed out)`,
      );
  }
  return out.join('\n') + '\n';
}

const logFixtures: [string, string][] = [
  ...readdirSync(path.join(unitFixtures, 'postfix-log')).map((f): [string, string] => [
    f,
    read(unitFixtures, 'postfix-log', f),
  ]),
  ['exim-mainlog', read(unitFixtures, 'exim/mainlog.txt')],
  ['sendmail-maillog', read(unitFixtures, 'sendmail/maillog.txt')],
  ['gmail-postfix-log', read(unitFixtures, 'other-providers/gmail-postfix-log.txt')],
  ...['postfix.log', 'incident.log', 'trickle.log'].map((f): [string, string] => [f, read(fixtures, f)]),
  ['generated', generatedLog(3000)],
];

/** The report of `text` fed as UTF-8 bytes, in chunks of `size` bytes (splitting characters). */
async function reportOfBytes(name: string, text: string, size: number): Promise<Report> {
  const a = newAggregator();
  const f = a.file(name);
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += size) await f.write(bytes.slice(i, i + size));
  await f.end();
  return a.report();
}

describe('counts are exact', () => {
  // Logs are scanned as bytes: any cut of the bytes (inside a character, a line, a record) gives
  // the report of the text, with a few lines that are not ASCII put in.
  const wide = `Jan 12 10:00:00 mx postfix/smtp[1]: Q1: to=<jörg@icloud.com>, status=bounced (host mx01.mail.icloud.com[17.57.152.9] said: 550 5.1.1 <jörg@icloud.com>: user does not exist ✉ (in reply to RCPT TO command))
Jan 12 10:00:01 mx postfix/smtp[2]: Q2: to=<zoë@icloud.com>, relay=mx01.mail.icloud.com[17.57.152.9]:25, status=sent (250 2.0.0 Ok 配信)
`;
  for (const [name, text] of [...logFixtures, ['wide', wide + generatedLog(200)] as [string, string]]) {
    it(`${name}: fed as bytes in any chunking, the report of the text`, async () => {
      const whole = JSON.stringify(await reportOf([[name, text]]));
      // A byte at a time over the long generated log would take long for nothing more.
      const sizes = text.length > 100_000 ? [5, 4096] : [1, 5, 4096];
      for (const size of sizes) expect(JSON.stringify(await reportOfBytes(name, text, size))).toBe(whole);
    });
  }

  for (const [name, text] of logFixtures) {
    it(`${name}: per-entry counts equal classifying each line alone, in any chunking`, async () => {
      const expected: Record<string, number> = {};
      let replies = 0;
      for (const line of text.split('\n')) {
        const { results } = engine.classifyText(line);
        replies += results.length;
        tally(results, expected);
      }
      for (const chunk of [undefined, 1, 7, 4096]) {
        const report = await reportOf([[name, text]], chunk);
        expect(sorted(report.entries)).toEqual(sorted(expected));
        expect(report.replies).toBe(replies);
      }
    });
  }

  it('the prefilter passes every line of every fixture that holds a reply', () => {
    const prefilter = createPrefilter(replyCodes(rules.map((r) => r.code)));
    const files = readdirSync(unitFixtures, { recursive: true, withFileTypes: true }).filter((d) =>
      d.isFile(),
    );
    const lines = [
      ...files.flatMap((d) => readFileSync(path.join(d.parentPath, d.name), 'utf8').split('\n')),
      ...generatedLog(500).split('\n'),
      ...rules.map((r) => r.reply),
    ];
    const missed = lines.filter((l) => !prefilter(l) && engine.classifyText(l).results.length > 0);
    expect(missed).toEqual([]);
    expect(lines.filter((l) => !prefilter(l)).length).toBeGreaterThan(100);
  });

  it('a folder of .eml files counts what each message gives alone, and an mbox of them the same', async () => {
    const dir = path.join(fixtures, 'bounces');
    const emls = readdirSync(dir).map((f): [string, string] => [f, read(dir, f)]);
    const expected: Record<string, number> = {};
    for (const [, text] of emls) tally((await engine.classify(text)).results, expected);
    const folder = await reportOf(emls);
    expect(sorted(folder.entries)).toEqual(sorted(expected));
    expect(folder.files.map((f) => f.format)).toEqual(['eml', 'eml', 'eml']);
    const mbox = emls
      .map(([, t], i) => `From MAILER-DAEMON Mon Mar  ${i + 2} 09:00:00 2026\n${t}\n`)
      .join('');
    const boxed = await reportOf([['bounces.mbox', mbox]], 1000);
    expect(sorted(boxed.entries)).toEqual(sorted(expected));
    expect(boxed.records).toBe(3);
    expect(boxed.files[0]!.format).toBe('mbox');
  });

  it('JSON lines and JSON arrays count what each event gives alone', async () => {
    const jsonl = read(fixtures, 'events.jsonl');
    const expected: Record<string, number> = {};
    for (const line of jsonl.split('\n')) tally(engine.classifyText(line).results, expected);
    const r = await reportOf([['events.jsonl', jsonl]], 333);
    expect(r.files[0]!.format).toBe('json-lines');
    expect(sorted(r.entries)).toEqual(sorted(expected));
    expect(r.delivered).toBe(1);

    const array = read(unitFixtures, 'sendgrid-json/events.json');
    const events = JSON.parse(array) as unknown[];
    const fromEvents: Record<string, number> = {};
    for (const e of events) tally(engine.classifyText(JSON.stringify(e)).results, fromEvents);
    const doc = await reportOf([['events.json', array]], 50);
    expect(doc.files[0]!.format).toBe('json');
    expect(doc.records).toBe(events.length);
    expect(sorted(doc.entries)).toEqual(sorted(fromEvents));
    expect(doc.first).toBe(new Date(1717000000 * 1000).toISOString());
  });
});

describe('incidents and the suppress and keep lists', () => {
  it('a burst of "user does not exist" to recipients delivered earlier warns, and none is suppressed', async () => {
    const r = await reportOf([['incident.log', read(fixtures, 'incident.log')]]);
    const incident = r.warnings.filter((w) => w.kind === 'incident');
    expect(incident).toHaveLength(1);
    expect(incident[0]).toMatchObject({ kind: 'incident', recipients: 12, delivered: 12 });
    expect(r.suppress).toEqual([]);
    expect(r.keep).toHaveLength(12);
    for (const k of r.keepList) expect(k.reason).toContain('incident');
  });

  it('an ordinary trickle of unknown users does not warn, and they are suppressed', async () => {
    const r = await reportOf([['trickle.log', read(fixtures, 'trickle.log')]]);
    expect(r.warnings).toEqual([]);
    expect(r.suppress).toHaveLength(8);
  });

  it(`after-repeats suppresses an address only after ${REPEATS_TO_SUPPRESS} days with the reply`, async () => {
    const r = await reportOf([['postfix.log', read(fixtures, 'postfix.log')]]);
    // dora@icloud.com is over quota on 2, 3 and 4 March (twice on the 3rd); lea@icloud.com is inactive once.
    expect(r.suppressList.find((a) => a.address === 'dora@icloud.com')?.reason).toContain('on 3 days');
    expect(r.keepList.find((a) => a.address === 'lea@icloud.com')?.reason).toContain('on 1 day');
    // HM08 is a policy block: keep.
    expect(r.keep).toContain('carl@me.com');
    expect(r.domains['me.com']).toBeGreaterThan(0);
    expect(r.domains.custom).toBeGreaterThan(0);
    expect(r.series?.buckets.length).toBeGreaterThan(1);
  });

  it('decides each address of one after-repeats entry on its own days', async () => {
    const log = read(fixtures, 'postfix.log');
    // ed@icloud.com is over quota once, on a day dora@icloud.com is too.
    const ed = log.split('\n').find((l) => l.includes('dora@') && l.startsWith('Mar  3'))!;
    const r = await reportOf([['postfix.log', `${log}${ed.replace('dora@', 'ed@')}\n`]]);
    expect(r.suppressList.find((a) => a.address === 'dora@icloud.com')?.reason).toContain('on 3 days');
    expect(r.keepList.find((a) => a.address === 'ed@icloud.com')?.reason).toContain('on 1 day');
  });
});

describe('recipient domains', () => {
  it('counts an address at the second relay domain, private.icloud.com, as a relay address', async () => {
    const log = read(unitFixtures, 'postfix-log/private-icloud-user-not-found.txt');
    const r = await reportOf([['relay.log', log]]);
    expect(r.domains.relay).toBe(1);
    expect(r.domains.custom).toBe(0);
  });

  it('does not count the bare Spamhaus SBL sentence as an iCloud reply', async () => {
    const r = await reportOf([['sbl.log', read(unitFixtures, 'reply/spamhaus-sbl-bare.txt')]]);
    expect(r.icloud).toBe(0);
    expect(r.entries).toEqual({});
  });
});

describe('bad input', () => {
  async function readBytes(files: [string, Uint8Array][]): Promise<Report> {
    const a = newAggregator();
    for (const [name, bytes] of files)
      await readStream(a, name, new Blob([new Uint8Array(bytes)]).stream(), { bytes: bytes.length });
    return a.report();
  }
  const enc = (s: string) => new TextEncoder().encode(s);

  it('each bad file gets one clear problem naming it, and the good file is still counted', async () => {
    const log = read(fixtures, 'postfix.log');
    const good = await reportOf([['postfix.log', log]]);
    const r = await readBytes([
      ['binary.bin', Uint8Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)],
      ['empty.log', new Uint8Array()],
      ['zero.log.gz', new Uint8Array()],
      ['nothing.log.gz', gzipSync(Buffer.alloc(0))],
      ['cut.log.gz', gzipSync(log).subarray(0, 300)],
      ['notes.txt', enc('Shopping list\nbread\nmilk\n')],
      ['postfix.log.gz', gzipSync(log)],
    ]);
    const problems = Object.fromEntries(r.problems.map((p) => [p.file, p.message]));
    expect(Object.keys(problems).sort()).toEqual([
      'binary.bin',
      'cut.log.gz',
      'empty.log',
      'notes.txt',
      'nothing.log.gz',
      'zero.log.gz',
    ]);
    expect(problems['binary.bin']).toMatch(/^binary\.bin: this is binary data/);
    expect(problems['empty.log']).toBe('empty.log: the file is empty.');
    expect(problems['zero.log.gz']).toMatch(/empty \(0 bytes\)/);
    expect(problems['nothing.log.gz']).toMatch(/unpacks to nothing/);
    expect(problems['cut.log.gz']).toMatch(/cut off or damaged/);
    expect(problems['notes.txt']).toMatch(/does not look like a mail log/);
    const gz = r.files.find((f) => f.name === 'postfix.log.gz')!;
    expect(gz.gzip).toBe(true);
    expect(gz.replies).toBe(good.replies);
    for (const [id, n] of Object.entries(good.entries)) expect(r.entries[id]).toBeGreaterThanOrEqual(n);
  });

  it('a JSON file that does not parse is read as text, with a note', async () => {
    const r = await reportOf([
      ['broken.json', '[{"reason": "554 5.7.1 [HM08] Message rejected due to local policy", \n'],
    ]);
    expect(r.problems[0]!.message).toMatch(/not valid JSON/);
    expect(r.entries['554-5-7-1-hm08']).toBe(1);
  });
});

describe('downloads', () => {
  it('CSV cells are quoted and formula-looking cells are defused', async () => {
    const a = newAggregator();
    const f = a.file('=cmd.log');
    await f.write('Jan 12 10:00:00 mx 554 5.7.1 [HM08] Message rejected, "quoted" due to local policy\n');
    await f.end();
    const csv = repliesCsv(a.replyRows());
    expect(csv.split('\r\n')[0]).toBe(
      'file,line,time,recipient,host,queue_id,sender,status,delay,code,enhanced,entry,confidence,provider,reply',
    );
    expect(csv.split('\r\n')[1]).toMatch(/^'=cmd\.log,1,/);
    expect(csv).toContain('"554 5.7.1 [HM08] Message rejected, ""quoted"" due to local policy"');
    expect(addressesCsv(a.report())).toBe('list,address,entry,reason,keep_group\r\n');
  });
});
