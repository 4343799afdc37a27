// npm run bench [-- --skip-rss --skip-browser --huge]: the classifier's and the report's speed.
//  1. A 100,000-line Postfix log with 50 % iCloud replies (taken from the entries), classified in
//     one call in Node, against `grep -c` for reply codes on the same file.
//  2. A realistic log (95 % deliveries, 2 % iCloud replies, 2 % other providers' bounces, 1 % queue
//     lines) of BENCH_MB (100) MB: `npm run classify -- --summary` against
//     `grep -cE 'status=(bounced|deferred)'` on the same file, in the same run.
//  3. Peak RSS of that CLI on a BENCH_RSS_MB (400) MB log, from /usr/bin/time -v.
//  4. /analyze/ in headless Chromium on the realistic log (needs `npm run build`): time to the
//     report and the longest main-thread task (Long Tasks API); --huge adds a 1 GB file. Then
//     /classify/ with a 1 MB and a 3 MB paste: time to cards and the longest main-thread task.
import { spawn, spawnSync } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadEntries } from '../src/schemas/entry-files.ts';
import { engineFor } from '../src/node-api/engine.ts';

const args = new Set(process.argv.slice(2));
// BENCH_LINES shrinks the first log and BENCH_MB the realistic one for the smoke test.
const LINES = Number(process.env.BENCH_LINES ?? 100_000);
const REAL_MB = Number(process.env.BENCH_MB ?? 100);
const RSS_MB = Number(process.env.BENCH_RSS_MB ?? 400);
const PORT = Number(process.env.BENCH_PORT ?? 4441);
const RUNS = 3;
const root = path.resolve(import.meta.dirname, '..');

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

const fmt = (n: number, d = 0) =>
  n.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });

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

const DOMAINS = [
  ['gmail.com', 'gmail-smtp-in.l.google.com', '192.0.2.26'],
  ['icloud.com', 'mx01.mail.icloud.com', '17.57.152.9'],
  ['outlook.com', 'outlook-com.olc.protection.outlook.com', '192.0.2.40'],
  ['yahoo.com', 'mta7.am0.yahoodns.net', '192.0.2.50'],
  ['example.org', 'mx.example.org', '192.0.2.60'],
] as const;

/** One line of the realistic log: 95 % deliveries, 2 % iCloud replies, 2 % others' bounces, 1 % queue. */
function realisticLine(i: number): string {
  const t = 36_000 + Math.floor(i / 20);
  const stamp = `Mar  2 ${String(Math.floor(t / 3600) % 24).padStart(2, '0')}:${String(Math.floor(t / 60) % 60).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
  const q = (i * 2654435761) >>> 0;
  const id = q.toString(16).toUpperCase();
  const head = `${stamp} mail postfix/smtp[${2000 + (q % 30000)}]: ${id}:`;
  const slot = i % 100;
  if (slot < 2) {
    const reply = icloudReplies[(i >> 1) % icloudReplies.length]!;
    const status = reply.startsWith('4') ? 'deferred' : 'bounced';
    return `${head} to=<r${i}@icloud.com>, relay=mx02.mail.icloud.com[17.57.155.34]:25, delay=1.1, delays=0.1/0/0.5/0.5, dsn=${reply.slice(4, 9)}, status=${status} (host mx02.mail.icloud.com[17.57.155.34] said: ${reply} (in reply to RCPT TO command))`;
  }
  if (slot < 4) {
    const other = otherLines[(i >> 2) % 2]!(i);
    return `${head} to=<r${i}@gmail.com>, relay=gmail-smtp-in.l.google.com[192.0.2.26]:25, delay=0.9, delays=0.1/0/0.4/0.4, dsn=5.1.1, ${other}`;
  }
  if (slot === 4)
    return `${stamp} mail postfix/qmgr[812]: ${id}: from=<news@example.com>, size=${4000 + (q % 9000)}, nrcpt=1 (queue active)`;
  const [domain, host, ip] = DOMAINS[q % DOMAINS.length]!;
  return `${head} to=<reader${q % 1_000_000}@${domain}>, relay=${host}[${ip}]:25, delay=0.${q % 10}, delays=0.1/0/0.2/0.1, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as ${id}A)`;
}

async function writeLog(file: string, mb: number, line: (i: number) => string): Promise<number> {
  const out = createWriteStream(file);
  const target = mb * 1_048_576;
  let bytes = 0;
  let i = 0;
  while (bytes < target) {
    const lines: string[] = [];
    for (let k = 0; k < 5000; k++) lines.push(line(i++));
    const chunk = lines.join('\n') + '\n';
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise((r) => out.end(r));
  return i;
}

function timed(
  command: string,
  argv: string[],
  env: Record<string, string> = {},
): { ms: number; stdout: string; stderr: string } {
  const t = performance.now();
  const r = spawnSync(command, argv, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, ...env },
  });
  const ms = performance.now() - t;
  if (r.status !== 0 && command !== 'grep') throw new Error(`${command} failed: ${r.stderr}`);
  return { ms, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(path.join(tmpdir(), 'bench-'));
try {
  // 1. The engine on a log of 50 % iCloud replies.
  const file = path.join(dir, 'mail.log');
  writeFileSync(file, Array.from({ length: LINES }, (_, i) => logLine(i)).join('\n') + '\n');
  const text = readFileSync(file, 'utf8');
  const mb = Buffer.byteLength(text) / 1_048_576;
  const engine = engineFor(entries.map((e) => e.rule));
  let engineMs = Infinity;
  let replies = 0;
  let icloud = 0;
  for (let run = 0; run < RUNS; run++) {
    const t = performance.now();
    const { results } = engine.classifyText(text);
    engineMs = Math.min(engineMs, performance.now() - t);
    replies = results.length;
    icloud = results.filter((r) => r.entry).length;
  }
  // A comparable pattern: a basic code followed by an enhanced code, as the engine looks for.
  const pattern = '[245][0-9][0-9][ -][245][.][0-9]{1,3}[.][0-9]{1,3}';
  let grepMs = Infinity;
  let grepCount = '';
  for (let run = 0; run < RUNS; run++) {
    const g = timed('grep', ['-cE', pattern, file]);
    grepMs = Math.min(grepMs, g.ms);
    grepCount = g.stdout.trim();
  }
  console.log(`log: ${fmt(LINES)} lines, ${fmt(mb, 1)} MB, ${entries.length} entries (best of ${RUNS} runs)`);
  console.log(
    `engine: ${fmt(engineMs)} ms, ${fmt(LINES / (engineMs / 1000))} lines/s, ${fmt(mb / (engineMs / 1000), 1)} MB/s; ${fmt(replies)} replies, ${fmt(icloud)} with an iCloud entry`,
  );
  console.log(
    `grep -cE '${pattern}': ${fmt(grepMs)} ms, ${fmt(LINES / (grepMs / 1000))} lines/s, ${fmt(mb / (grepMs / 1000), 1)} MB/s; ${grepCount} matching lines`,
  );
  console.log(`ratio: the engine takes ${fmt(engineMs / grepMs, 1)}× grep's time`);

  // 2. The CLI summary on a realistic log, against grep.
  const rulesDir = path.join(dir, 'site');
  spawnSync('mkdir', [rulesDir]);
  writeFileSync(
    path.join(rulesDir, 'rules.json'),
    JSON.stringify(entries.map((e) => ({ ...e.rule, url: `/${e.rule.path}` }))),
  );
  const real = path.join(dir, 'realistic.log');
  const realLines = await writeLog(real, REAL_MB, realisticLine);
  const realMb = statSync(real).size / 1_048_576;
  // The CLI exactly as `npm run classify` starts it (with its V8 flags).
  const npmScript = (
    JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { classify: string } }
  ).scripts.classify;
  const cli = [...npmScript.split(' ').slice(1), '--summary', '--json'];
  let cliMs = Infinity;
  let summary: { lines: number; replies: number; icloud: number; skipped: number } | undefined;
  let grepRealMs = Infinity;
  let grepReal = '';
  for (let run = 0; run < RUNS; run++) {
    const c = timed(process.execPath, [...cli, real], { OUT_DIR: rulesDir });
    cliMs = Math.min(cliMs, c.ms);
    summary = JSON.parse(c.stdout);
    const g = timed('grep', ['-cE', 'status=(bounced|deferred)', real]);
    grepRealMs = Math.min(grepRealMs, g.ms);
    grepReal = g.stdout.trim();
  }
  console.log(
    `realistic log: ${fmt(realLines)} lines, ${fmt(realMb, 1)} MB (95 % deliveries, 2 % iCloud replies, 2 % other bounces, 1 % queue lines)`,
  );
  console.log(
    `summary: npm run classify -- --summary --json: ${fmt(cliMs)} ms, ${fmt(realMb / (cliMs / 1000), 1)} MB/s; ${fmt(summary!.replies)} replies, ${fmt(summary!.icloud)} from iCloud, ${fmt(summary!.skipped)} lines skipped by the prefilter`,
  );
  console.log(`grep -cE 'status=(bounced|deferred)': ${fmt(grepRealMs)} ms; ${grepReal} matching lines`);
  console.log(
    `summary ratio: the CLI summary takes ${fmt(cliMs / grepRealMs, 1)}× grep's time (target ≤ 5×)`,
  );

  // 3. Peak memory of the CLI on a bigger log.
  if (!args.has('--skip-rss') && existsSync('/usr/bin/time')) {
    const big = path.join(dir, 'big.log');
    await writeLog(big, RSS_MB, realisticLine);
    const t = timed('/usr/bin/time', ['-v', process.execPath, ...cli, big], { OUT_DIR: rulesDir });
    const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(t.stderr)?.[1]);
    console.log(
      `memory: the CLI summary on ${fmt(statSync(big).size / 1_048_576, 0)} MB peaks at ${fmt(kb / 1024, 0)} MB RSS (target ≤ 200 MB), ${fmt(t.ms)} ms`,
    );
    rmSync(big);
  }

  // 4. /analyze/ in headless Chromium.
  if (!args.has('--skip-browser')) {
    if (!existsSync(path.join(root, 'dist/analyze/index.html')))
      console.log('browser: skipped, run `npm run build` first');
    else await browserBench(real, dir);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

async function browserBench(real: string, dir: string) {
  const { chromium } = await import('@playwright/test');
  const server = spawn(
    path.join(root, 'node_modules/.bin/astro'),
    ['preview', '--host', '127.0.0.1', '--port', String(PORT), '--ignore-lock'],
    {
      cwd: root,
      stdio: 'ignore',
    },
  );
  try {
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${PORT}/analyze/`)).ok) break;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    });
    const files: [string, string][] = [['realistic log', real]];
    if (args.has('--huge')) {
      const huge = path.join(dir, 'huge.log');
      await writeLog(huge, 1024, realisticLine);
      files.push(['1 GB log', huge]);
    }
    for (const [label, f] of files) {
      const page = await browser.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { longest: number };
        w.longest = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
      await page.goto(`http://127.0.0.1:${PORT}/analyze/`);
      await page.locator('[data-analyze][data-state="idle"]').waitFor();
      await page.evaluate(() => ((window as unknown as { longest: number }).longest = 0));
      const t = performance.now();
      await page.locator('[data-analyze-files]').setInputFiles(f);
      await page.locator('[data-report]:not([hidden])').waitFor({ timeout: 600_000 });
      const ms = performance.now() - t;
      const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
      const icloud = await page
        .locator('[data-report-entry]')
        .evaluateAll((els) => els.reduce((n, e) => n + Number(e.getAttribute('data-count')), 0));
      console.log(
        `browser: /analyze/ on the ${label} (${fmt(statSync(f).size / 1_048_576, 0)} MB): report in ${fmt(ms)} ms (target ≤ 5,000 ms), longest main-thread task ${fmt(longest)} ms (target ≤ 100 ms), ${fmt(icloud)} iCloud replies`,
      );
      await page.close();
    }
    await classifyBench(browser);
    await browser.close();
  } finally {
    server.kill();
  }
}

/** /classify/: a pasted log of 1 MB and of 3 MB (one in three lines an iCloud reply). The text is put
 * into the page before the clock starts, so only the page's own work is timed: time from the paste to
 * the first cards, and the longest main-thread task until the last card is drawn. */
async function classifyBench(browser: import('@playwright/test').Browser) {
  for (const mb of [1, 3]) {
    const lines: string[] = [];
    for (let i = 0, size = 0; size < mb * 1_048_576; i++) {
      const line = i % 3 === 0 ? logLine(i * 2) : realisticLine(i * 20 + 5);
      lines.push(line);
      size += line.length + 1;
    }
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/classify/`);
    await page.locator('[data-classifier][data-state="ready"]').waitFor();
    await page.evaluate(
      (text) => ((window as unknown as { pasted: string }).pasted = text),
      lines.join('\n'),
    );
    const { ms, longest } = await page.evaluate(async () => {
      const el = document.querySelector<HTMLTextAreaElement>('[data-classifier] textarea')!;
      const list = document.querySelector('[data-classifier-results]')!;
      const tasks: number[] = [];
      const observer = new PerformanceObserver((l) => tasks.push(...l.getEntries().map((e) => e.duration)));
      observer.observe({ type: 'longtask' });
      const start = performance.now();
      const first = new Promise<number>((resolve) =>
        new MutationObserver((_, obs) => {
          obs.disconnect();
          resolve(performance.now() - start);
        }).observe(list, { childList: true }),
      );
      el.value = (window as unknown as { pasted: string }).pasted;
      el.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
      const ms = await first;
      // Long tasks are reported after they end; give the last one time to arrive.
      await new Promise((r) => setTimeout(r, 500));
      observer.disconnect();
      return { ms, longest: Math.max(0, ...tasks) };
    });
    console.log(
      `browser: /classify/ with a ${mb} MB paste (${fmt(lines.length)} lines): cards in ${fmt(ms)} ms, longest main-thread task ${fmt(longest)} ms (targets: 1 MB ≤ 200 ms to cards; 3 MB ≤ 100 ms per task)`,
    );
    await page.close();
  }
}
