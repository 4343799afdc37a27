// --jobs on a folder of many small files (bounce messages, a log cut into pieces): the files are
// shared between the command's thread and its workers, and what it prints is what one job prints,
// per reply (in input order) and for the summary, --partial and another time zone alike.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/node-api/inputs.ts';
import { FOLDER_MIN_BYTES, FOLDER_MIN_FILES, worthFolderJobs } from '../../src/node-api/cli-jobs.ts';
import { loadEntries } from '../support/entries.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'cli-folder-jobs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
writeFileSync(
  path.join(work, 'rules.json'),
  JSON.stringify(loadEntries().map((e) => ({ ...e.rule, url: `/${e.rule.path}` }))),
);

// Every bounce message of the tests, 24 times over, and a log of an incident cut into pieces that
// fall between the messages (and so into different threads' runs), one piece in a subfolder.
const folder = path.join(work, 'bounces');
mkdirSync(path.join(folder, 'sub'), { recursive: true });
const messages = [
  ...readdirSync(path.join(root, 'tests/unit/fixtures'), { recursive: true, withFileTypes: true }),
  ...readdirSync(path.join(root, 'tests/fixtures/analyze/bounces'), { withFileTypes: true }),
]
  .filter((d) => d.isFile() && d.name.endsWith('.eml'))
  .map((d) => path.join(d.parentPath, d.name));
for (let i = 0; i < 24; i++)
  for (const m of messages)
    copyFileSync(m, path.join(folder, `m${String(i).padStart(2, '0')}-${path.basename(m)}`));
const incident = readFileSync(path.join(root, 'tests/fixtures/analyze/incident.log'), 'utf8').split('\n');
for (let k = 0; k * 4 < incident.length; k++)
  writeFileSync(
    path.join(folder, k === 5 ? 'sub' : '', `m${String(k * 2).padStart(2, '0')}-incident.log`),
    incident.slice(k * 4, k * 4 + 4).join('\n') + '\n',
  );

function run(args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/classify.ts'), ...args, folder], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, OUT_DIR: work, SITE: 'https://codes.example.net' },
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('--jobs on a folder of many small files', () => {
  const inputs = expandInputs([folder]);

  it('is taken for this folder, and not for a few files or one job', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(FOLDER_MIN_FILES);
    expect(worthFolderJobs(inputs, 2)).toBe(true);
    expect(worthFolderJobs(inputs, 1)).toBe(false);
    expect(worthFolderJobs(inputs.slice(0, FOLDER_MIN_FILES - 1), 2)).toBe(false);
    expect(worthFolderJobs([...inputs, { path: '-', name: 'stdin' }], 2)).toBe(false);
    expect(FOLDER_MIN_BYTES).toBeGreaterThan(0);
  });

  it('per reply: prints each file in input order, as one job does', () => {
    const one = run(['--json', '--jobs', '1']);
    const names = one
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { input: string }).input);
    expect(names).toEqual(inputs.map((i) => i.name));
    expect(run(['--json', '--jobs', '2'])).toBe(one);
    expect(run(['--jobs', '3'])).toBe(run(['--jobs', '1']));
  }, 120_000);

  it('--summary, --partial and another time zone: what one job reports', () => {
    const one = run(['--summary', '--json', '--jobs', '1']);
    const report = JSON.parse(one) as { replies: number; warnings: { kind: string }[] };
    expect(report.replies).toBeGreaterThan(inputs.length / 2);
    expect(report.warnings.map((w) => w.kind)).toContain('incident');
    expect(run(['--summary', '--json', '--jobs', '2'])).toBe(one);
    expect(run(['--partial', '--jobs', '3'])).toBe(run(['--partial', '--jobs', '1']));
    const berlin = ['--summary', '--json', '--tz', 'Europe/Berlin'];
    expect(run([...berlin, '--jobs', '2'])).toBe(run([...berlin, '--jobs', '1']));
  }, 120_000);
});
