// --summary --jobs on a big folder of many small files (bounce messages, a log cut into pieces):
// runs of files are shared between the command's thread and its workers, and the report is the one
// one job makes, also as a partial report in another time zone.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  FOLDER_MIN_FILES,
  folderThreads,
  JOBS_MIN_BYTES,
  worthFolderJobs,
} from '../../src/node-api/cli-jobs.ts';
import { inputBytes } from '../../src/node-api/inputs.ts';
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

describe('--summary --jobs on a big folder of small files', () => {
  const inputs = expandInputs([folder]);

  it('is taken for a folder this big, not for a smaller one, one job or standard input', () => {
    expect(worthFolderJobs(inputs, 2)).toBe(true);
    expect(worthFolderJobs(inputs, 1)).toBe(false);
    expect(worthFolderJobs([...inputs, { path: '-', name: 'stdin' }], 2)).toBe(false);
    const messages = inputs.filter((i) => !i.name.endsWith('.bin'));
    expect(messages.length).toBeGreaterThan(FOLDER_MIN_FILES);
    expect(worthFolderJobs(messages, 2)).toBe(false);
  });

  it('takes no more threads than give each half of the bytes that make jobs worth it', () => {
    const most = Math.floor(inputBytes(inputs) / (JOBS_MIN_BYTES / 2));
    expect(most).toBeGreaterThanOrEqual(2);
    expect(folderThreads(inputs, 64)).toBe(most);
    expect(folderThreads(inputs, 2)).toBe(2);
    expect(folderThreads(inputs.slice(0, 3), 64)).toBe(1);
  });

  it('reports what one job reports, also --partial in another time zone', () => {
    const one = run(['--summary', '--json', '--jobs', '1']);
    const report = JSON.parse(one) as { replies: number; warnings: { kind: string }[] };
    expect(report.replies).toBeGreaterThan(inputs.length / 2);
    expect(report.warnings.map((w) => w.kind)).toContain('incident');
    expect(run(['--summary', '--json', '--jobs', '2'])).toBe(one);
    const berlin = ['--partial', '--tz', 'Europe/Berlin'];
    expect(run([...berlin, '--jobs', '3'])).toBe(run([...berlin, '--jobs', '1']));
  }, 120_000);
});
