// npm run bench [-- --skip-rss --skip-browser --huge --instructions]: the classifier's and the
// command's speed, side by side with other tools in one run.
//  1. A 100,000-line Postfix log with 50 % iCloud replies (taken from the entries), classified in
//     one call in Node, against `grep -c` for reply codes on the same file.
//  2. A realistic log (95 % deliveries, 2 % iCloud replies, 2 % other providers' bounces, 1 % queue
//     lines) of BENCH_MB (100) MB: the bin's `--summary` against
//     `grep -cE 'status=(bounced|deferred)'` on the same file, in the same run; then its two halves
//     made partial reports and merged, against that summary (./bench/scale.ts); and the log walk
//     alone in WebAssembly and in JavaScript (./bench/walk.ts).
//  3. The bin's start-up on an empty input against `node -e 0`.
//  4. With BENCH_CORPUS (a folder of bounce messages, e.g. set-of-emails/maildir/bsd) and Sisimai
//     installed: the bin per reply and --summary against Sisimai on the same files.
//  5. On a BENCH_RSS_MB (400) MB log: `--jobs 1` against `--jobs 2`, best of BENCH_JOBS_RUNS (3) in
//     turns (throughput, identical counts) and the highest peak RSS of each, from /usr/bin/time -v
//     (./bench/scale.ts); beside them what the machine gives two jobs at best: the cores one job
//     keeps busy, and two processes reading the log's halves at once; with --huge, the peak RSS on
//     a 1 GB log too.
//  6. /analyze/ and /classify/ in headless Chromium (./bench/browser.ts; needs `npm run build`).
//  7. With --instructions and Valgrind: instruction counts, which repeat where times do not, of the
//     bin on a BENCH_INSTR_MB (20) MB realistic log against grep, and per reply on BENCH_CORPUS
//     against Sisimai (./bench/instructions.ts).
// The bin is the package's command, bundled from the sources into a temporary folder with the
// entries' rule data beside it, exactly as dist-node/ holds it; no npm in between.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { engineFor } from '../src/node-api/engine.ts';
import { browserBench } from './bench/browser.ts';
import { BOUNCE_LINES, entries, logLine, realisticLine, writeLog } from './bench/logs.ts';
import { fmt, root, timed } from './bench/run.ts';
import { instructionsBench } from './bench/instructions.ts';
import { hugeBench, jobsBench, mergeBench } from './bench/scale.ts';
import { sisimaiBench } from './bench/sisimai.ts';
import { startupBench } from './bench/startup.ts';
import { walkBench } from './bench/walk.ts';
import { buildBin } from './build-bin.ts';

const args = new Set(process.argv.slice(2));
// BENCH_LINES shrinks the first log and BENCH_MB the realistic one for the smoke test.
const LINES = Number(process.env.BENCH_LINES ?? 100_000);
const REAL_MB = Number(process.env.BENCH_MB ?? 100);
const RSS_MB = Number(process.env.BENCH_RSS_MB ?? 400);
const INSTR_MB = Number(process.env.BENCH_INSTR_MB ?? 20);
const RUNS = 3;

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

  // 2. The bin's summary on a realistic log, against grep.
  const binDir = path.join(dir, 'bin');
  await buildBin(binDir);
  writeFileSync(
    path.join(binDir, 'rules.json'),
    JSON.stringify(entries.map((e) => ({ ...e.rule, url: `/${e.rule.path}` }))),
  );
  const bin = path.join(binDir, 'cli.js');
  const real = path.join(dir, 'realistic.log');
  const realLines = await writeLog(real, REAL_MB, realisticLine);
  const realMb = statSync(real).size / 1_048_576;
  const cli = [bin, '--summary', '--json'];
  let cliMs = Infinity;
  let summary: { lines: number; replies: number; icloud: number; skipped: number } | undefined;
  let grepRealMs = Infinity;
  let grepReal = '';
  for (let run = 0; run < RUNS; run++) {
    const c = timed(process.execPath, [...cli, real]);
    cliMs = Math.min(cliMs, c.ms);
    summary = JSON.parse(c.stdout);
    const g = timed('grep', ['-cE', BOUNCE_LINES, real]);
    grepRealMs = Math.min(grepRealMs, g.ms);
    grepReal = g.stdout.trim();
  }
  console.log(
    `realistic log: ${fmt(realLines)} lines, ${fmt(realMb, 1)} MB (95 % deliveries, 2 % iCloud replies, 2 % other bounces, 1 % queue lines)`,
  );
  console.log(
    `summary: icloud-mail-reply-codes --summary --json: ${fmt(cliMs)} ms, ${fmt(realMb / (cliMs / 1000), 1)} MB/s; ${fmt(summary!.replies)} replies, ${fmt(summary!.icloud)} from iCloud, ${fmt(summary!.skipped)} lines skipped by the prefilter`,
  );
  console.log(`grep -cE '${BOUNCE_LINES}': ${fmt(grepRealMs)} ms; ${grepReal} matching lines`);
  console.log(
    `summary ratio: the CLI summary takes ${fmt(cliMs / grepRealMs, 1)}× grep's time (target ≤ 4×)`,
  );

  walkBench(real);
  await mergeBench(bin, real, dir, summary as never);

  // 3. and 4. Start-up, and the bin against Sisimai on real bounces.
  startupBench(bin);
  sisimaiBench(bin);

  // 5. Peak memory of the bin on a bigger log (and, with --huge, on a 1 GB one).
  if (!args.has('--skip-rss') && existsSync('/usr/bin/time')) {
    const big = path.join(dir, 'big.log');
    await writeLog(big, RSS_MB, realisticLine);
    await jobsBench(bin, big, dir);
    rmSync(big);
    if (args.has('--huge')) {
      const huge = path.join(dir, 'huge-cli.log');
      await writeLog(huge, 1024, realisticLine);
      hugeBench(bin, huge);
      rmSync(huge);
    }
  }

  // 6. /analyze/ and /classify/ in headless Chromium.
  if (!args.has('--skip-browser')) {
    if (!existsSync(path.join(root, 'dist/analyze/index.html')))
      console.log('browser: skipped, run `npm run build` first');
    else await browserBench(real, dir, args.has('--huge'));
  }

  // 7. Instruction counts.
  if (args.has('--instructions')) {
    const small = path.join(dir, 'instructions.log');
    await writeLog(small, INSTR_MB, realisticLine);
    instructionsBench(bin, small, statSync(small).size / 1_048_576, process.env.BENCH_CORPUS);
    rmSync(small);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
