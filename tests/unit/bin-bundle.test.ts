// The package's command as npm ships it: bundled by scripts/build-bin.ts with its MIME decoder (and
// the Blob it is given) inside, it runs from a folder with no node_modules and prints what the
// program from its sources prints, per reply and for the summary, on every bounce message of the
// tests, one thread or several (its worker threads are bundled alike); and where WebAssembly cannot
// run, its logs' reports are the same.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBin } from '../../scripts/build-bin.ts';
import { bounceFolder } from '../support/bounce-folder.ts';
import { loadEntries } from '../support/entries.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'bin-bundle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const bin = path.join(work, 'bin');
const rules = JSON.stringify(loadEntries().map((e) => ({ ...e.rule, url: `/${e.rule.path}` })));

const folder = bounceFolder(path.join(work, 'messages'));

beforeAll(async () => {
  await buildBin(bin);
  writeFileSync(path.join(work, 'rules.json'), rules);
}, 60_000);

function run(program: string, args: string[], node: string[] = []) {
  const r = spawnSync(process.execPath, [...node, program, ...args], {
    cwd: work,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env: { ...process.env, OUT_DIR: work },
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('the bundled command', () => {
  it('decodes messages as the program from its sources does', () => {
    for (const args of [['--json'], ['--summary', '--json', '--jobs', '2']]) {
      const bundled = run(path.join(bin, 'cli.js'), [...args, folder]);
      expect(bundled).toBe(run(path.join(root, 'scripts/classify.ts'), [...args, folder]));
      expect(bundled).toContain('"format":"eml"');
    }
  }, 120_000);

  it('reads logs the same where WebAssembly cannot run (node --jitless: the walk in JavaScript)', () => {
    const logs = ['postfix.log', 'mixed.log', 'incident.log', 'cs01-block.log', 'trickle.log'];
    const args = [
      '--summary',
      '--json',
      '--jobs',
      '1',
      ...logs.map((f) => path.join(root, 'tests/fixtures/analyze', f)),
    ];
    const jitless = run(path.join(bin, 'cli.js'), args, ['--jitless']);
    expect(jitless).toBe(run(path.join(bin, 'cli.js'), args));
    expect(JSON.parse(jitless).replies).toBeGreaterThan(0);
  });
});
