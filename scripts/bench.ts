// npm run bench: builds a 100,000-line Postfix log (iCloud replies taken from the collection's
// entries, mixed with deliveries and other providers' bounces), classifies it with the engine in
// Node and compares the time with `grep -c` for reply codes on the same file, in the same run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClassifier } from '../src/lib/classify/index.ts';
import { loadEntries } from '../tests/support/entries.ts';

// BENCH_LINES shrinks the log for the smoke test that keeps this script runnable.
const LINES = Number(process.env.BENCH_LINES ?? 100_000);
const RUNS = 3;

const entries = loadEntries();
const icloudReplies = entries.map((e) => e.data.reply);
const otherLines = [
  (n: number) =>
    `status=bounced (host gmail-smtp-in.l.google.com[192.0.2.26] said: 550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 double-checking the recipient's email address for typos or 550-5.1.1 unnecessary spaces. For more information, go to 550 5.1.1  https://support.google.com/mail/?p=NoSuchUser a${n}.1 - gsmtp (in reply to RCPT TO command))`,
  () =>
    `status=bounced (host example-com.mail.protection.outlook.com[192.0.2.40] said: 550 5.5.0 Requested action not taken: mailbox unavailable. (in reply to RCPT TO command))`,
  (n: number) => `status=sent (250 2.0.0 Ok: queued as 4F${n.toString(16).toUpperCase()})`,
  () => `status=deferred (connect to mx.example.net[192.0.2.9]:25: Connection timed out)`,
];

function logLine(i: number): string {
  const stamp = `Jan 12 ${String(10 + (i % 10)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`;
  const head = `${stamp} mail postfix/smtp[${1000 + (i % 9000)}]: Q${i.toString(16).toUpperCase()}:`;
  if (i % 2 === 0) {
    const reply = icloudReplies[(i / 2) % icloudReplies.length]!;
    const status = reply.startsWith('4') ? 'deferred' : 'bounced';
    return `${head} to=<u${i}@icloud.com>, relay=mx02.mail.icloud.com[17.57.155.34]:25, delay=1.1, delays=0.1/0/0.5/0.5, dsn=${reply.slice(4, 9)}, status=${status} (host mx02.mail.icloud.com[17.57.155.34] said: ${reply} (in reply to RCPT TO command))`;
  }
  const other = otherLines[(i >> 1) % otherLines.length]!(i);
  return `${head} to=<u${i}@example.com>, relay=mx.example.com[192.0.2.1]:25, delay=0.4, delays=0.1/0/0.2/0.1, dsn=5.0.0, ${other}`;
}

const dir = mkdtempSync(path.join(tmpdir(), 'bench-'));
const file = path.join(dir, 'mail.log');
try {
  writeFileSync(file, Array.from({ length: LINES }, (_, i) => logLine(i)).join('\n') + '\n');
  const text = readFileSync(file, 'utf8');
  const mb = Buffer.byteLength(text) / 1_048_576;
  const classifier = createClassifier(entries.map((e) => e.rule));

  let engineMs = Infinity;
  let replies = 0;
  let icloud = 0;
  for (let run = 0; run < RUNS; run++) {
    const t = performance.now();
    const { results } = classifier.classify(text);
    engineMs = Math.min(engineMs, performance.now() - t);
    replies = results.length;
    icloud = results.filter((r) => r.entry).length;
  }

  // A comparable pattern: a basic code followed by an enhanced code, as the engine looks for.
  const pattern = '[245][0-9][0-9][ -][245][.][0-9]{1,3}[.][0-9]{1,3}';
  let grepMs = Infinity;
  let grepCount = '';
  for (let run = 0; run < RUNS; run++) {
    const t = performance.now();
    const g = spawnSync('grep', ['-cE', pattern, file], { encoding: 'utf8' });
    grepMs = Math.min(grepMs, performance.now() - t);
    grepCount = g.stdout.trim();
  }

  const fmt = (n: number, d = 0) =>
    n.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });
  console.log(`log: ${fmt(LINES)} lines, ${fmt(mb, 1)} MB, ${entries.length} entries (best of ${RUNS} runs)`);
  console.log(
    `engine: ${fmt(engineMs)} ms, ${fmt(LINES / (engineMs / 1000))} lines/s, ${fmt(mb / (engineMs / 1000), 1)} MB/s; ${fmt(replies)} replies, ${fmt(icloud)} with an iCloud entry`,
  );
  console.log(
    `grep -cE '${pattern}': ${fmt(grepMs)} ms, ${fmt(LINES / (grepMs / 1000))} lines/s, ${fmt(mb / (grepMs / 1000), 1)} MB/s; ${grepCount} matching lines`,
  );
  console.log(`ratio: the engine takes ${fmt(engineMs / grepMs, 1)}× grep's time`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
