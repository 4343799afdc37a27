// A file gone since the folder was listed (a log rotated away) or that fails to read: per reply it is
// said to be so on standard error in the report's words, the inputs after it are printed, and the run
// ends with 2; in the report (--summary, --jobs, the Node API) it is a file with a problem, read on
// past. Each was a stack trace.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { createEngine } from '../../src/lib/engine.ts';
import { analyzeInputs } from '../../src/node-api/analyze.ts';
import { inputBytes } from '../../src/node-api/inputs.ts';
import { planTasks } from '../../src/node-api/job-plan.ts';
import { printReplies } from '../../src/node-api/print-replies.ts';
import { loadEntries } from '../support/entries.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'gone-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const engine = createEngine(loadEntries().map((e) => e.rule));
const log = path.join(work, 'mail.log');
writeFileSync(log, readFileSync(path.join(root, 'tests/fixtures/analyze/postfix.log')));
const gone = { path: path.join(work, 'rotated.log'), name: 'logs/rotated.log', regular: true };
const inputs = [gone, { path: log, name: 'logs/mail.log', regular: true }];

it('says a file gone since it was listed cannot be read, and goes on to the next', async () => {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((s) => !!out.push(String(s)));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((s) => !!err.push(String(s)));
  const exitCode = process.exitCode;
  try {
    await printReplies(inputs, {
      engine,
      asJson: false,
      link: (entry) => `/${entry.path}/`,
    });
    expect(process.exitCode).toBe(2);
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    process.exitCode = exitCode;
  }
  expect(err).toEqual([
    'icloud-mail-reply-codes: logs/rotated.log: could not be read (no such file or folder).\n',
  ]);
  const lines = out.join('').split('\n').filter(Boolean);
  expect(lines.length).toBeGreaterThan(5);
  expect(lines.every((l) => /^\d{3}/.test(l))).toBe(true);
});

it('is a file with a problem in the report, which reads on past it, also planned for --jobs', async () => {
  const newReport = await engine.reports();
  const report = (await analyzeInputs(inputs, newReport({ rowLimit: 0 }))).report();
  const [rotated, mail] = report.files;
  expect(rotated!.name).toBe('logs/rotated.log');
  expect(rotated!.problem).toBe('logs/rotated.log: could not be read (no such file or folder).');
  expect(mail!.problem).toBeUndefined();
  expect(report.replies).toBeGreaterThan(5);
  expect(inputBytes(inputs)).toBe(readFileSync(log).length);
  expect(planTasks(inputs, 2, 100).map((t) => t.input.name)).toEqual([
    'logs/rotated.log',
    'logs/mail.log',
    'logs/mail.log',
  ]);
});
