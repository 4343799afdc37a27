// --jobs on a folder of many small files (bounce messages, a log cut into pieces): the files are
// shared between the command's thread and its workers, and what it prints is what one job prints,
// per reply (in input order) and for the summary, also as a partial report in another time zone.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FOLDER_MIN_FILES, worthFolderJobs } from '../../src/node-api/cli-jobs.ts';
import { expandInputs } from '../../src/node-api/inputs.ts';
import { bounceFolder } from '../support/bounce-folder.ts';
import { loadEntries } from '../support/entries.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'cli-folder-jobs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
writeFileSync(
  path.join(work, 'rules.json'),
  JSON.stringify(loadEntries().map((e) => ({ ...e.rule, url: `/${e.rule.path}` }))),
);
const folder = bounceFolder(path.join(work, 'bounces'));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/classify.ts'), ...args, folder], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env: { ...process.env, OUT_DIR: work, SITE: 'https://codes.example.net' },
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('--jobs on a folder of many small files', () => {
  const inputs = expandInputs([folder]);

  it('is taken for a folder this big, not for a smaller one, one job or standard input', () => {
    expect(worthFolderJobs(inputs, 2)).toBe(true);
    expect(worthFolderJobs(inputs, 1)).toBe(false);
    expect(worthFolderJobs([...inputs, { path: '-', name: 'stdin' }], 2)).toBe(false);
    const messages = inputs.filter((i) => !i.name.endsWith('.bin'));
    expect(messages.length).toBeGreaterThan(FOLDER_MIN_FILES);
    expect(worthFolderJobs(messages, 2)).toBe(false);
  });

  it('per reply: prints each file in input order, as one job does', () => {
    const one = run(['--json', '--jobs', '1']);
    const names = one
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { input: string }).input);
    expect(names).toEqual(inputs.map((i) => i.name));
    expect(run(['--json', '--jobs', '3'])).toBe(one);
  }, 120_000);

  it('--summary, and --partial in another time zone: what one job reports', () => {
    const one = run(['--summary', '--json', '--jobs', '1']);
    const report = JSON.parse(one) as { replies: number; warnings: { kind: string }[] };
    expect(report.replies).toBeGreaterThan(inputs.length / 2);
    expect(report.warnings.map((w) => w.kind)).toContain('incident');
    expect(run(['--summary', '--json', '--jobs', '2'])).toBe(one);
    const berlin = ['--partial', '--tz', 'Europe/Berlin'];
    expect(run([...berlin, '--jobs', '3'])).toBe(run([...berlin, '--jobs', '1']));
  }, 120_000);
});
