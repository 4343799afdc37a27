// The terminal classifier (npm run classify) reads a log file with the built site's rule data and
// prints one line per reply, with the entry, its advice and where to read more.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEntries } from '../support/entries.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'classify-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
// The same records /rules.json serves, written where the script looks for a build.
writeFileSync(
  path.join(work, 'rules.json'),
  JSON.stringify(loadEntries().map((e) => ({ ...e.rule, url: `/${e.rule.path}` }))),
);

function run(args: string[], input?: string) {
  return spawnSync(process.execPath, [path.join(root, 'scripts/classify.ts'), ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, OUT_DIR: work, SITE: 'https://codes.example.net' },
  });
}

describe('npm run classify', () => {
  it('prints one line per reply from a Postfix log file, in input order', () => {
    const r = run([path.join(root, 'tests/unit/fixtures/postfix-log/mailcow.txt')]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^\d{3} \d\.\d{1,3}\.\d{1,3}\t/);
    expect(r.stdout).toContain('https://codes.example.net/codes/');
  });

  it('reads standard input and prints JSON with --json', () => {
    const r = run(['--json'], '554 5.7.1 [HM08] Message rejected due to local policy.\n');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { results: { entry?: { id: string }; confidence?: string }[] };
    expect(out.results.map((x) => [x.entry?.id, x.confidence])).toEqual([['554-5-7-1-hm08', 'exact']]);
  });

  it('says "none" for another provider’s reply', () => {
    const r = run([], '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found\n');
    expect(r.stdout).toMatch(/\tnone\t/);
  });

  it('explains what to do when the site has not been built', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts/classify.ts')], {
      cwd: root,
      input: '',
      encoding: 'utf8',
      env: { ...process.env, OUT_DIR: path.join(work, 'missing') },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('npm run build');
  });
});
