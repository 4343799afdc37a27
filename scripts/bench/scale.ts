// The bench's scale figures: --jobs 1 against --jobs 2 on the big log, for the summary and per reply
// (throughput, identical counts or lines, peak RSS of each), and two halves of the realistic log
// made partial reports and merged against --summary of the whole.
import { spawn } from 'node:child_process';
import {
  existsSync,
  rmSync,
  openSync,
  readSync,
  closeSync,
  statSync,
  writeFileSync,
  createReadStream,
  createWriteStream,
} from 'node:fs';
import { availableParallelism } from 'node:os';
import { pipeline } from 'node:stream/promises';
import path from 'node:path';
import { fmt, timed } from './run.ts';

type Summary = Record<string, unknown> & {
  entries: Record<string, number>;
  suppress: string[];
  keep: string[];
};

/** A run of the bin: wall time, and with GNU time its peak RSS and the cores it kept busy on
 *  average (its CPU time over its wall time). */
function measured(bin: string, args: string[]): { ms: number; mb?: number; cores?: number; out: string } {
  if (!existsSync('/usr/bin/time')) {
    const t = timed(process.execPath, [bin, ...args]);
    return { ms: t.ms, out: t.stdout };
  }
  const t = timed('/usr/bin/time', ['-v', process.execPath, bin, ...args]);
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(t.stderr)?.[1]);
  const cpu = Number(/Percent of CPU this job got: (\d+)%/.exec(t.stderr)?.[1]);
  return { ms: t.ms, mb: kb / 1024, cores: cpu / 100, out: t.stdout };
}

/** Runs the commands at once; the wall time until the last ends. */
async function together(commands: string[][]): Promise<number> {
  const t = performance.now();
  await Promise.all(
    commands.map(
      ([command, ...argv]) =>
        new Promise<void>((resolve, reject) =>
          spawn(command!, argv, { stdio: 'ignore' })
            .once('error', reject)
            .once('exit', (code) => {
              if (code === 0) resolve();
              else reject(new Error(`${command} ${argv.join(' ')} ended with ${code}`));
            }),
        ),
    ),
  );
  return performance.now() - t;
}

const same = (a: Summary, b: Summary, keys: string[]) =>
  keys.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
const COUNTS = [
  'entries',
  'lines',
  'records',
  'replies',
  'icloud',
  'icloudUnmatched',
  'other',
  'skipped',
  'delivered',
];

/** Each side of the --jobs comparison runs this many times, in turns, and keeps its best time, as the
 *  bench's other comparisons do: single pairs on this shared machine read 1.21× and 1.63× within an
 *  hour. */
const JOBS_RUNS = Number(process.env.BENCH_JOBS_RUNS ?? 3);

interface Side {
  jobs: string;
  ms: number;
  mb?: number;
  /** The cores the best run kept busy. */
  cores?: number;
  outs: string[];
}

/** `--jobs 1` and `--jobs 2` with `args`, in turns: the best time of each, the highest peak RSS. */
function sidesOf(bin: string, args: string[]): [Side, Side] {
  const sides: Side[] = ['1', '2'].map((jobs) => ({ jobs, ms: Infinity, outs: [] }));
  for (let run = 0; run < JOBS_RUNS; run++)
    for (const side of sides) {
      const m = measured(bin, [...args, '--jobs', side.jobs]);
      if (m.ms < side.ms) side.cores = m.cores;
      side.ms = Math.min(side.ms, m.ms);
      if (m.mb !== undefined) side.mb = Math.max(side.mb ?? 0, m.mb);
      side.outs.push(m.out);
    }
  return sides as [Side, Side];
}

const rss = (m: { mb?: number }) => (m.mb === undefined ? '' : `, ${fmt(m.mb)} MB peak RSS`);

/** --jobs 1 against --jobs 2 on `log`, for the summary and per reply; and what this machine gives
 *  two jobs at best: one job's own use of the cores bounds it, and so do two separate processes
 *  reading the log's halves at once (no thread, no merge). */
export async function jobsBench(bin: string, log: string, dir: string) {
  const mb = statSync(log).size / 1_048_576;
  const [one, two] = sidesOf(bin, ['--summary', '--json', log]);
  console.log(
    `jobs: --jobs 1 on ${fmt(mb)} MB, best of ${JOBS_RUNS} in turns: ${fmt(one.ms)} ms, ${fmt(mb / (one.ms / 1000), 1)} MB/s${rss(one)} (target ≤ 150 MB)`,
  );
  console.log(
    `jobs: --jobs 2 on ${fmt(mb)} MB, best of ${JOBS_RUNS} in turns: ${fmt(two.ms)} ms, ${fmt(mb / (two.ms / 1000), 1)} MB/s${rss(two)}`,
  );
  const first = JSON.parse(one.outs[0]!) as Summary;
  const keys = [...COUNTS, 'suppress', 'keep', 'warnings'];
  const equal = [...one.outs, ...two.outs].every((out) => same(first, JSON.parse(out) as Summary, keys));
  console.log(
    `jobs: --jobs 2 has ${fmt(one.ms / two.ms, 2)}× the throughput of --jobs 1 (target ≥ 1.7×); counts ${equal ? 'identical' : 'DIFFER'}`,
  );
  const cores = availableParallelism();
  if (one.cores)
    console.log(
      `jobs: --jobs 1 kept ${fmt(one.cores, 2)} cores busy (its own thread and V8's collector and compiler threads), so ${cores} jobs on ${cores} cores can reach at most ${fmt(cores / one.cores, 2)}× its throughput`,
    );
  const halves = await halvesOf(log, dir);
  let apart = Infinity;
  for (let run = 0; run < JOBS_RUNS; run++)
    apart = Math.min(
      apart,
      await together(halves.map((h) => [process.execPath, bin, '--partial', '--jobs', '1', h])),
    );
  halves.forEach((h) => rmSync(h));
  console.log(
    `jobs: two processes, --partial --jobs 1 on one half each, at once, best of ${JOBS_RUNS}: ${fmt(apart)} ms, ${fmt(one.ms / apart, 2)}× the throughput of --jobs 1 (what two separate jobs get here)`,
  );
  const [oneReply, twoReply] = sidesOf(bin, [log]);
  const lines = oneReply.outs[0]!.split('\n').length - 1;
  const identical = [...oneReply.outs, ...twoReply.outs].every((out) => out === oneReply.outs[0]);
  console.log(
    `jobs per reply: --jobs 1 ${fmt(oneReply.ms)} ms${rss(oneReply)}, --jobs 2 ${fmt(twoReply.ms)} ms${rss(twoReply)}, best of ${JOBS_RUNS} in turns: ${fmt(oneReply.ms / twoReply.ms, 2)}× the throughput; ${fmt(lines)} lines, ${identical ? 'identical' : 'DIFFERENT'}`,
  );
}

/** The peak RSS of one job and of the default jobs on a 1 GB log (--huge). */
export function hugeBench(bin: string, log: string) {
  const mb = statSync(log).size / 1_048_576;
  for (const jobs of ['1', String(availableParallelism())]) {
    const m = measured(bin, ['--summary', '--json', '--jobs', jobs, log]);
    console.log(
      `huge: --jobs ${jobs} on ${fmt(mb)} MB: ${fmt(m.ms)} ms, ${fmt(mb / (m.ms / 1000), 1)} MB/s${m.mb === undefined ? '' : `, ${fmt(m.mb)} MB peak RSS`}${jobs === '1' ? ' (target ≤ 150 MB)' : ''}`,
    );
  }
}

/** The byte offset of the line start nearest the middle of the file. */
function middle(file: string): number {
  const size = statSync(file).size;
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(65_536);
    const n = readSync(fd, buf, 0, buf.length, Math.floor(size / 2));
    return Math.floor(size / 2) + buf.subarray(0, n).indexOf(10) + 1;
  } finally {
    closeSync(fd);
  }
}

/** `log` cut in two at the line start nearest its middle, written in `dir`. */
async function halvesOf(log: string, dir: string): Promise<string[]> {
  const cut = middle(log);
  const halves = [path.join(dir, 'half-a.log'), path.join(dir, 'half-b.log')];
  await pipeline(createReadStream(log, { end: cut - 1 }), createWriteStream(halves[0]!));
  await pipeline(createReadStream(log, { start: cut }), createWriteStream(halves[1]!));
  return halves;
}

/** Two halves of `log` cut at a line boundary: --partial each, --merge, against --summary. */
export async function mergeBench(bin: string, log: string, dir: string, whole: Summary) {
  const halves = await halvesOf(log, dir);
  let partialMs = 0;
  const partials = halves.map((h) => {
    const t = timed(process.execPath, [bin, '--partial', h]);
    partialMs += t.ms;
    const file = `${h}.json`;
    writeFileSync(file, t.stdout);
    return file;
  });
  const m = timed(process.execPath, [bin, '--merge', '--json', ...partials]);
  const merged = JSON.parse(m.stdout) as Summary;
  const equal = same(merged, whole, [...COUNTS, 'suppress', 'keep', 'warnings']);
  const kb = partials.map((p) => fmt(statSync(p).size / 1024)).join(' and ');
  console.log(
    `merge: two halves --partial ${fmt(partialMs)} ms (partials ${kb} KB), --merge ${fmt(m.ms)} ms; entries, totals, ${fmt(merged.suppress.length)} suppress, ${fmt(merged.keep.length)} keep and warnings ${equal ? 'identical to' : 'DIFFER from'} --summary of the whole`,
  );
}
