// The package's command as npm ships it: bundled by scripts/build-bin.ts with its MIME decoder (and
// the Blob it is given) inside, it runs from a folder with no node_modules and prints what the
// program from its sources prints, per reply and for the summary, on every bounce message of the
// tests, one thread or several.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBin } from '../../scripts/build-bin.ts';
import { FOLDER_MIN_FILES } from '../../src/node-api/cli-jobs.ts';
import { loadEntries } from '../support/entries.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'bin-bundle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const bin = path.join(work, 'bin');
const rules = JSON.stringify(loadEntries().map((e) => ({ ...e.rule, url: `/${e.rule.path}` })));

const folder = path.join(work, 'messages');
mkdirSync(folder);
const messages = readdirSync(path.join(root, 'tests'), { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile() && d.name.endsWith('.eml'))
  .map((d) => path.join(d.parentPath, d.name));
// Enough copies for the threads to share them (src/node-api/cli-jobs.ts).
for (let i = 0; i * messages.length < FOLDER_MIN_FILES * 2; i++)
  for (const m of messages) copyFileSync(m, path.join(folder, `${i}-${path.basename(m)}`));

beforeAll(async () => {
  await buildBin(bin);
  writeFileSync(path.join(work, 'rules.json'), rules);
}, 60_000);

function run(program: string, args: string[]) {
  const r = spawnSync(process.execPath, [program, ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, OUT_DIR: work },
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('the bundled command', () => {
  it('decodes messages as the program from its sources does', () => {
    for (const args of [['--json'], ['--summary', '--json'], ['--json', '--jobs', '1']]) {
      const bundled = run(path.join(bin, 'cli.js'), [...args, folder]);
      expect(bundled).toBe(run(path.join(root, 'scripts/classify.ts'), [...args, folder]));
      expect(bundled).toContain('"format":"eml"');
    }
  }, 120_000);
});
