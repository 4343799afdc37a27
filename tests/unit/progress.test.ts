// The command's progress while --summary reads: the line's wording, when it is drawn on a terminal
// and elsewhere, and the bytes it counts, which are every byte of the input read once, whether this
// thread, the --jobs workers or gzip read them.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEngine } from '../../src/lib/engine.ts';
import { analyzeInputs } from '../../src/node-api/analyze.ts';
import { summaryInJobs } from '../../src/node-api/folder-jobs.ts';
import { expandInputs, inputBytes } from '../../src/node-api/inputs.ts';
import { runJobs } from '../../src/node-api/jobs.ts';
import { Progress, sharedCounter } from '../../src/node-api/progress.ts';
import { progressText } from '../../src/node-api/progress-text.ts';
import { bounceFolder } from '../support/bounce-folder.ts';
import { commandWith, writeRules } from '../support/command.ts';
import { loadEntries } from '../support/entries.ts';

const MB = 1_048_576;
const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'tests/fixtures/analyze');
const work = mkdtempSync(path.join(tmpdir(), 'progress-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const rules = loadEntries().map((e) => e.rule);
const rulesFile = writeRules(work);
const engine = createEngine(rules);

/** A stand-in for standard error that keeps what is written. */
const sink = (columns?: number) => {
  const written: string[] = [];
  return { written, out: { write: (text: string) => written.push(text), columns } };
};

describe('the progress line', () => {
  it('says how much of how much is read, how fast, and how long the rest should take', () => {
    expect(progressText({ read: 0, total: 400 * MB, ms: 0 })).toBe('read 0.0/400 MB (0.0%)');
    expect(progressText({ read: 100 * MB, total: 400 * MB, ms: 500 })).toBe(
      'read 100/400 MB (25.0%), 200 MB/s',
    );
    expect(progressText({ read: 100 * MB, total: 400 * MB, ms: 2000 })).toBe(
      'read 100/400 MB (25.0%), 50 MB/s, 6 s left',
    );
    expect(progressText({ read: 1500 * MB, total: 30_000 * MB, ms: 10_000 })).toBe(
      'read 1,500/30,000 MB (5.0%), 150 MB/s, 3 min left',
    );
    expect(progressText({ read: 5.25 * MB, total: undefined, ms: 1000 })).toBe('read 5.3 MB, 5.3 MB/s');
  });

  it('says when reading is over, with the share read where some input could not be', () => {
    const then = 'making the report';
    expect(progressText({ read: 400 * MB, total: 400 * MB, ms: 9, done: true, then })).toBe(
      'read 400 MB (100.0%); making the report',
    );
    expect(progressText({ read: 300 * MB, total: 400 * MB, ms: 9, done: true, then })).toBe(
      'read 300 MB (75.0%); making the report',
    );
    expect(progressText({ read: 3 * MB, total: undefined, ms: 9, done: true, then })).toBe(
      'read 3.0 MB; making the report',
    );
    expect(progressText({ read: 3 * MB, total: 3 * MB, ms: 9, done: true })).toBe('read 3.0 MB (100.0%)');
  });

  it('fits an 80-column terminal with the command’s name before it', () => {
    const line = progressText({ read: 9_999 * MB, total: 10_000 * MB, ms: 1000 });
    expect(`icloud-mail-reply-codes: ${line}`.length).toBeLessThan(80);
  });
});

describe('Progress', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('on a terminal: nothing for half a second, then one line redrawn in place, cleared at the end', () => {
    const { written, out } = sink(120);
    const progress = new Progress(out, 100 * MB, true, 'making the report');
    progress.add(10 * MB);
    vi.advanceTimersByTime(400);
    expect(written).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(
      /^\ricloud-mail-reply-codes: read 10\/100 MB \(10\.0%\), [\d.]+ MB\/s\x1b\[K$/,
    );
    progress.add(40 * MB);
    vi.advanceTimersByTime(250);
    expect(written.at(-1)).toContain('read 50/100 MB (50.0%)');
    progress.add(50 * MB);
    progress.done();
    expect(written.at(-1)).toBe('\ricloud-mail-reply-codes: read 100 MB (100.0%); making the report\x1b[K');
    progress.clear();
    expect(written.at(-1)).toBe('\r\x1b[K');
    const drawn = written.length;
    vi.advanceTimersByTime(5000);
    expect(written).toHaveLength(drawn);
  });

  it('on a terminal: a quick run shows nothing at all', () => {
    const { written, out } = sink(120);
    const progress = new Progress(out, MB, true);
    progress.add(MB);
    progress.done();
    progress.clear();
    expect(written).toEqual([]);
  });

  it('on a terminal narrower than the line: the line is cut to fit, so \\r reaches its start', () => {
    const { written, out } = sink(40);
    const progress = new Progress(out, 100 * MB, true);
    vi.advanceTimersByTime(600);
    expect(written[0]!.replace('\r', '').replace('\x1b[K', '')).toHaveLength(39);
    progress.done();
  });

  it('on a terminal that tells no width: 80 columns', () => {
    const { written, out } = sink(0);
    const progress = new Progress(out, 100 * MB, true);
    progress.add(MB);
    vi.advanceTimersByTime(2000);
    expect(written.at(-1)).toMatch(/ left\x1b\[K$/);
    progress.done();
  });

  it('elsewhere (--progress): a line at once, one a second, and the last one', () => {
    const { written, out } = sink();
    const progress = new Progress(out, 10 * MB, false, 'making the report');
    expect(written).toEqual(['icloud-mail-reply-codes: read 0.0/10 MB (0.0%)\n']);
    progress.add(MB);
    vi.advanceTimersByTime(999);
    expect(written).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(written).toHaveLength(2);
    progress.add(9 * MB);
    progress.done();
    progress.clear();
    expect(written.at(-1)).toBe('icloud-mail-reply-codes: read 10 MB (100.0%); making the report\n');
    expect(written).toHaveLength(3);
  });

  it('counts what other threads add to its shared memory', () => {
    const progress = new Progress(sink().out, undefined, false);
    const worker = sharedCounter(progress.shared);
    worker(3);
    progress.add(4);
    worker(5);
    expect(progress.read).toBe(12);
    progress.done();
  });
});

describe('the bytes counted while reading', () => {
  const quiet = (total?: number) => new Progress(sink().out, total, false);

  it('are each file’s bytes once: small files, big ones read in chunks, gzip as compressed', async () => {
    const big = path.join(work, 'big.log');
    writeFileSync(big, readFileSync(path.join(fixtures, 'postfix.log'), 'utf8').repeat(400));
    const gz = path.join(work, 'small.log.gz');
    writeFileSync(gz, gzipSync(readFileSync(path.join(fixtures, 'incident.log'))));
    const inputs = expandInputs([big, gz, path.join(fixtures, 'trickle.log')]);
    expect(inputBytes(inputs)).toBeGreaterThan(1 << 19);
    const progress = quiet(inputBytes(inputs));
    const newReport = await engine.reports();
    await analyzeInputs(inputs, newReport({ rowLimit: 0 }), progress.add);
    progress.done();
    expect(progress.read).toBe(inputBytes(inputs));
  });

  it('are every byte range’s once with --jobs: this thread’s and the workers’', async () => {
    const log = path.join(work, 'mail.log');
    writeFileSync(
      log,
      ['incident.log', 'postfix.log'].map((f) => readFileSync(path.join(fixtures, f), 'utf8')).join(''),
    );
    const inputs = expandInputs([log, path.join(fixtures, 'trickle.log')]);
    const worker = new URL('../../src/node-api/job-worker.ts', import.meta.url);
    const progress = quiet(inputBytes(inputs));
    await runJobs(inputs, 3, { rulesFile, engine, worker, rangeBytes: 1000, progress });
    progress.done();
    expect(progress.read).toBe(inputBytes(inputs));
  }, 60_000);

  it('are every file’s once when --jobs shares a folder of bounces', async () => {
    const inputs = expandInputs([bounceFolder(path.join(work, 'bounces'))]);
    const worker = new URL('../../src/node-api/folder-worker.ts', import.meta.url);
    const progress = quiet(inputBytes(inputs));
    await summaryInJobs(inputs, 2, {
      engine,
      worker,
      settings: { rules: rulesFile, timeZone: 'UTC' },
      progress,
    });
    progress.done();
    expect(progress.read).toBe(inputBytes(inputs));
  }, 120_000);
});

describe('--progress on the command line', () => {
  const run = commandWith(work);
  const log = path.join(fixtures, 'postfix.log');

  it('writes its lines to standard error and leaves the report as it was', () => {
    const plain = run(['--summary', '--json', log]);
    expect(plain.stderr).toBe('');
    const shown = run(['--summary', '--json', '--progress', log]);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toBe(plain.stdout);
    const lines = shown.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^icloud-mail-reply-codes: read 0\.0\/0\.0 MB \(0\.0%\)$/);
    expect(lines.at(-1)).toBe('icloud-mail-reply-codes: read 0.0 MB (100.0%); making the report');
  });

  it('per reply, counts every byte and says nothing of a report', () => {
    const shown = run(['--progress', log]);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toBe(run([log]).stdout);
    const size = (readFileSync(log).length / 1_048_576).toFixed(1);
    expect(shown.stderr.trimEnd().split('\n').at(-1)).toBe(
      `icloud-mail-reply-codes: read ${size} MB (100.0%)`,
    );
  });

  it('reads standard input with no total, and --no-progress shows none', () => {
    const stdin = run(['--summary', '--json', '--progress', '-'], readFileSync(log));
    expect(stdin.stderr.trimEnd().split('\n').at(-1)).toBe(
      'icloud-mail-reply-codes: read 0.0 MB; making the report',
    );
    expect(run(['--summary', '--json', '--no-progress', log]).stderr).toBe('');
  });
});
