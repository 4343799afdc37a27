// --jobs: files and byte ranges of a log spread over worker threads give the report of one job,
// also when a range is cut inside a burst of unknown users and between days of after-repeats.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/lib/engine.ts';
import { analyzeInputs } from '../../src/node-api/analyze.ts';
import { planTasks } from '../../src/node-api/job-plan.ts';
import { runJobs } from '../../src/node-api/jobs.ts';
import { loadEntries } from '../support/entries.ts';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'tests/fixtures/analyze');
const work = mkdtempSync(path.join(tmpdir(), 'cli-jobs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const rules = loadEntries().map((e) => e.rule);
const rulesFile = path.join(work, 'rules.json');
writeFileSync(rulesFile, JSON.stringify(rules.map((r) => ({ ...r, url: `/${r.path}` }))));
const engine = createEngine(rules);
const worker = new URL('../../src/node-api/job-worker.ts', import.meta.url);

const log = path.join(work, 'mail.log');
writeFileSync(
  log,
  ['incident.log', 'postfix.log'].map((f) => readFileSync(path.join(fixtures, f), 'utf8')).join(''),
);
const inputs = [
  { path: log, name: 'mail.log' },
  { path: path.join(fixtures, 'trickle.log'), name: 'trickle.log' },
];

describe('--jobs', () => {
  it('cuts a plain log into ranges at line starts', () => {
    const tasks = planTasks(inputs, 3, 1000);
    const ranges = tasks.filter((t) => t.input.name === 'mail.log').map((t) => t.range!);
    expect(ranges).toHaveLength(3);
    expect(ranges.map((r) => r.continues)).toEqual([false, true, true]);
    const text = readFileSync(log);
    for (const r of ranges.slice(1)) expect(text[r.start - 1]).toBe(10);
    expect(ranges.at(-1)!.end).toBe(text.length);
  });

  it('cuts no range smaller than half the size at which a file is cut, whatever the jobs', () => {
    const size = readFileSync(log).length;
    const ranges = (jobs: number, rangeBytes: number) =>
      planTasks(inputs, jobs, rangeBytes).filter((t) => t.input.name === 'mail.log').length;
    expect(ranges(64, Math.floor(size / 2))).toBe(4);
    expect(ranges(64, size)).toBe(2);
    expect(ranges(3, Math.floor(size / 2))).toBe(3);
    expect(ranges(64, size + 1)).toBe(1);
  });

  it('two and three jobs over ranges and files report what one job does', async () => {
    const newReport = await engine.reports();
    const one = (await analyzeInputs(inputs, newReport({ rowLimit: 0 }))).report();
    expect(one.warnings.some((w) => w.kind === 'incident')).toBe(true);
    for (const jobs of [2, 3]) {
      const many = await runJobs(inputs, jobs, { rulesFile, engine, worker, rangeBytes: 1000 });
      expect(many.report()).toEqual(one);
    }
  }, 60_000);
});
