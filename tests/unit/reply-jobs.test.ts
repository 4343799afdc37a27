// --jobs per reply: a big plain log is cut into byte ranges shared between this thread and workers,
// and the lines printed, per line and with --json, are those of one job, in input order, also for a
// log with no reply at all (its first piece's message) and with other inputs around it; a folder of
// messages alone stays in one thread.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/lib/engine.ts';
import type { RuleEntry } from '../../src/lib/rules.ts';
import { expandInputs, type Input } from '../../src/node-api/inputs.ts';
import { inputLines } from '../../src/node-api/reply-input.ts';
import { printInJobs, replyTasks } from '../../src/node-api/reply-jobs.ts';
import { writeRules } from '../support/command.ts';
import { loadEntries } from '../support/entries.ts';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'tests/fixtures/analyze');
const work = mkdtempSync(path.join(tmpdir(), 'reply-jobs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const rules = writeRules(work);
const engine = createEngine(loadEntries().map((e) => e.rule));
const worker = new URL('../../src/node-api/reply-worker.ts', import.meta.url);
const link = (entry: RuleEntry) => entry.url;

const read = (f: string) => readFileSync(path.join(fixtures, f), 'utf8');
const logText = ['postfix.log', 'mixed.log', 'incident.log', 'cs01-block.log'].map(read).join('');
const file = (name: string, text: string) => {
  writeFileSync(path.join(work, name), text);
  return { path: path.join(work, name), name, regular: true };
};
// Over two pieces (a megabyte each), so one job reads it in pieces too.
const big = file('big.log', logText.repeat(Math.ceil(2_500_000 / logText.length)));
const delivery = read('postfix.log')
  .split('\n')
  .filter((l) => l.includes('status=sent'))
  .join('\n');
const quiet = file('quiet.log', `${delivery}\n`.repeat(Math.ceil(2_500_000 / delivery.length)));
const inputs: Input[] = [
  ...expandInputs([path.join(fixtures, 'bounces')]).slice(0, 3),
  big,
  { path: path.join(fixtures, 'trickle.log'), name: 'trickle.log', regular: true },
  quiet,
];

async function oneJob(asJson: boolean) {
  let out = '';
  for (const input of inputs) await inputLines(input, { engine, asJson, link }, (l) => void (out += l));
  return out;
}

async function inJobs(jobs: number, asJson: boolean, rangeBytes: number) {
  let out = '';
  const problems: string[] = [];
  const tasks = replyTasks(inputs, jobs, rangeBytes)!;
  expect(tasks.filter((t) => t.input.name === 'big.log').length).toBeGreaterThan(jobs);
  await printInJobs(tasks, jobs, {
    engine,
    asJson,
    link,
    worker,
    workerData: { rules, asJson },
    put: (l) => void (out += l),
    problem: (p) => void problems.push(p),
    ready: () => undefined,
  });
  expect(problems).toEqual([]);
  return out;
}

describe('--jobs per reply', () => {
  it('leaves a folder of messages alone to one thread', () => {
    expect(replyTasks(expandInputs([path.join(fixtures, 'bounces')]), 2, 1000)).toBeUndefined();
  });

  for (const asJson of [false, true])
    it(`prints what one job prints${asJson ? ', with --json' : ''}`, async () => {
      const expected = await oneJob(asJson);
      expect(expected).toContain(asJson ? '"input":"quiet.log","results":[],"message":' : 'quiet.log: ');
      for (const [jobs, rangeBytes] of [
        [2, 600_000],
        [3, 400_000],
      ] as const)
        expect(await inJobs(jobs, asJson, rangeBytes)).toBe(expected);
    }, 60_000);
});
