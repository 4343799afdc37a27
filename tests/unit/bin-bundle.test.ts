// The package's command as npm ships it: bundled by scripts/build-bin.ts with its MIME decoder (and
// the Blob it is given) inside, it runs from a folder with no node_modules and prints what the
// program from its sources prints, per reply and for the summary, on every bounce message of the
// tests, one thread or several (its worker threads are bundled alike); and where WebAssembly cannot
// run, its logs' reports are the same. The Node API is bundled with it and answers as its sources do.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBin } from '../../scripts/build-bin.ts';
import { analyzePaths } from '../../src/node-api/analyze.ts';
import { engineFromFile } from '../../src/node-api/engine.ts';
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
  // Where the Node API looks for its rule data: beside its folder, as in dist-node/.
  writeFileSync(path.join(bin, 'rules.json'), rules);
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

  it('prints per reply with --jobs 2 what one job prints, its worker bundled too', () => {
    // Big enough to be cut into ranges (src/node-api/job-plan.ts' RANGE_BYTES).
    const logs = ['postfix.log', 'mixed.log', 'incident.log', 'cs01-block.log'];
    const text = logs.map((f) => readFileSync(path.join(root, 'tests/fixtures/analyze', f), 'utf8')).join('');
    const big = path.join(work, 'big.log');
    writeFileSync(big, text.repeat(Math.ceil((33 * 1_048_576) / text.length)));
    const one = run(path.join(bin, 'cli.js'), ['--jobs', '1', big]);
    expect(one.split('\n').length).toBeGreaterThan(10_000);
    expect(run(path.join(bin, 'cli.js'), ['--jobs', '2', big])).toBe(one);
  }, 120_000);
});

describe('the bundled Node API', () => {
  it('classifies every message and reads a folder as its sources do', async () => {
    const api = path.join(bin, 'node-api/index.js');
    // Its own code only: the engine, the report and the MIME decoder (with the Blob it is given)
    // are the chunks the command loads.
    const imports = [...readFileSync(api, 'utf8').matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
    expect(imports.length).toBeGreaterThan(0);
    for (const i of imports) expect(i).toMatch(/^\.\.\/cli\/[\w-]+\.mjs$/);

    const files = readdirSync(folder)
      .filter((f) => f.endsWith('.eml'))
      .sort()
      .slice(0, 60);
    const script = path.join(work, 'api.mjs');
    writeFileSync(
      script,
      `import { readFileSync } from 'node:fs';
const api = await import(${JSON.stringify(pathToFileURL(api).href)});
const out = [];
for (const f of ${JSON.stringify(files)})
  out.push((await api.classifyEmail(readFileSync(${JSON.stringify(folder)} + '/' + f, 'utf8'))).results);
out.push((await api.analyzeFiles([${JSON.stringify(folder)}])).entries);
process.stdout.write(JSON.stringify(out));
`,
    );
    const engine = engineFromFile(path.join(work, 'rules.json'));
    const expected: unknown[] = [];
    for (const f of files)
      expected.push((await engine.classify(readFileSync(path.join(folder, f), 'utf8'))).results);
    expected.push((await analyzePaths([folder], (await engine.reports())())).report().entries);
    const bundled = JSON.parse(run(script, []));
    expect(bundled).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(
      bundled
        .slice(0, -1)
        .flat()
        .some((r: { reply: { format: string } }) => r.reply.format === 'eml'),
    ).toBe(true);
  }, 120_000);
});
