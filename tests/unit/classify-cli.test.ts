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

  describe('automatic replies (tests/unit/auto-reply.test.ts has where the fixtures come from)', () => {
    const fixtures = path.join(root, 'tests/unit/fixtures/auto-reply');
    const vacation = path.join(fixtures, 'apple-vacation.eml');
    const rfc3834 = path.join(fixtures, 'rfc3834-exim.eml');

    it('plain output: one line naming each as an automatic reply, not a bounce', () => {
      const r = run([vacation, rfc3834]);
      expect(r.status).toBe(0);
      expect(r.stdout.trim().split('\n')).toEqual([
        `${vacation}: This is an iCloud Mail vacation reply (X-Apple-Action: VACATION), not a bounce: nothing was refused, so it is no reason to suppress the address.`,
        `${rfc3834}: This is an automatic reply (Auto-Submitted: auto-replied), not a bounce: nothing was refused, so it is no reason to suppress the address.`,
      ]);
    });

    it('--json: the autoReply field, and no result', () => {
      const r = run(['--json', vacation]);
      const out = JSON.parse(r.stdout) as {
        results: unknown[];
        autoReply?: { kind: string; marker: string };
      };
      expect(out.results).toEqual([]);
      expect(out.autoReply).toMatchObject({ kind: 'apple-vacation', marker: 'X-Apple-Action: VACATION' });
    });

    it('--summary counts them apart, in the text and in --json', () => {
      const text = run(['--summary', vacation, rfc3834]);
      expect(text.stdout).toContain(
        '2 automatic replies (vacation or out-of-office) counted apart: not bounces, no address listed for them.',
      );
      expect(text.stdout).toContain('0 SMTP replies');
      const json = JSON.parse(run(['--summary', '--json', vacation, rfc3834]).stdout) as {
        autoReplies: number;
        replies: number;
        suppress: string[];
      };
      expect([json.autoReplies, json.replies, json.suppress]).toEqual([2, 0, []]);
    });
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
