// `--partial` and `--merge` on the command line: two halves of a log cut at a line boundary, each
// made a partial report and merged, give the entries, totals, suppress and keep counts and warnings
// of `--summary` of the whole log; a file that is not a partial report is one line and exit 2.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEntries } from '../support/entries.ts';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'tests/fixtures/analyze');
const work = mkdtempSync(path.join(tmpdir(), 'cli-merge-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
writeFileSync(
  path.join(work, 'rules.json'),
  JSON.stringify(loadEntries().map((e) => ({ ...e.rule, url: `/${e.rule.path}` }))),
);

function run(args: string[], input = '') {
  return spawnSync(process.execPath, [path.join(root, 'scripts/classify.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    env: { ...process.env, OUT_DIR: work },
  });
}

function ok(args: string[], input = '') {
  const r = run(args, input);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

// The incident log and the postfix log together: a burst of unknown users and after-repeats days.
const whole = path.join(work, 'mail.log');
const text = ['incident.log', 'postfix.log']
  .map((f) => readFileSync(path.join(fixtures, f), 'utf8'))
  .join('');
writeFileSync(whole, text);
const lines = text.split(/(?<=\n)/);
// The cut falls inside the incident's burst.
const cut = 30;
writeFileSync(path.join(work, 'a.log'), lines.slice(0, cut).join(''));
writeFileSync(path.join(work, 'b.log'), lines.slice(cut).join(''));

describe('--partial and --merge', () => {
  it('two halves of a log, each --partial, then --merge, report what --summary of the whole does', () => {
    for (const half of ['a', 'b'])
      writeFileSync(path.join(work, `${half}.json`), ok(['--partial', path.join(work, `${half}.log`)]));
    const partial = JSON.parse(readFileSync(path.join(work, 'a.json'), 'utf8'));
    expect(partial).toMatchObject({ format: 'icloud-mail-reply-codes/partial-report', version: 2 });
    const merged = JSON.parse(
      ok(['--merge', '--json', path.join(work, 'a.json'), path.join(work, 'b.json')]),
    );
    const summary = JSON.parse(ok(['--summary', '--json', whole]));
    for (const key of [
      'entries',
      'lines',
      'records',
      'replies',
      'icloud',
      'other',
      'suppress',
      'keep',
      'warnings',
    ])
      expect(merged[key], key).toEqual(summary[key]);
    expect(summary.warnings.some((w: { kind: string }) => w.kind === 'incident')).toBe(true);
    expect(summary.suppress.length).toBeGreaterThan(0);
    // The readable summary too, but for the line that counts the files.
    const plain = (out: string) =>
      out
        .split('\n')
        .filter((l) => !/^Read \d+ files?:/.test(l))
        .join('\n');
    expect(plain(ok(['--merge', path.join(work, 'a.json'), path.join(work, 'b.json')]))).toBe(
      plain(ok(['--summary', whole])),
    );
  }, 60_000);

  it('a file that is not a partial report is one line on stderr and exit 2', () => {
    const r = run(['--merge', whole]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `icloud-mail-reply-codes: ${whole} is not a partial report (made with --partial): it is not JSON.\n`,
    );
    const s = run(['--merge']);
    expect(s.stderr).toBe(
      'icloud-mail-reply-codes: --merge needs the partial reports to merge (files made with --partial, or - for standard input).\n',
    );
  });

  it('reads partials one per line, from standard input (-) or a file, gzipped, pretty-printed', () => {
    const [a, b] = ['a', 'b'].map((half) => readFileSync(path.join(work, `${half}.json`), 'utf8'));
    const expected = ok(['--merge', '--json', path.join(work, 'a.json'), path.join(work, 'b.json')]);
    expect(ok(['--merge', '--json', '-'], a! + b!)).toBe(expected);
    const both = path.join(work, 'both.jsonl');
    writeFileSync(both, `${a}\n${b}`);
    expect(ok(['--merge', '--json', both])).toBe(expected);
    const pretty = path.join(work, 'a-pretty.json');
    writeFileSync(pretty, JSON.stringify(JSON.parse(a!), null, 2));
    expect(ok(['--merge', '--json', pretty, '-'], b)).toBe(expected);
    const packed = path.join(work, 'both.jsonl.gz');
    writeFileSync(packed, gzipSync(`${a}${b}`));
    expect(ok(['--merge', '--json', packed])).toBe(expected);
    writeFileSync(packed, gzipSync(`${a}${b}`).subarray(0, 100));
    expect(run(['--merge', packed]).stderr).toBe(
      `icloud-mail-reply-codes: ${packed}: the gzip data is cut off or damaged.\n`,
    );
    const r = run(['--merge', '-'], `${a}{"format":\n`);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'icloud-mail-reply-codes: stdin, line 2, is not a partial report (made with --partial): it is not JSON.\n',
    );
  }, 60_000);
});
