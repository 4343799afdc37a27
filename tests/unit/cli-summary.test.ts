// `npm run classify -- --summary [--json] FILE…`: the report of /analyze/ in a terminal, streamed
// from files, folders, gzip and standard input; and a missing or unreadable path is one line on
// stderr with exit code 2, never a stack trace.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEntries } from '../support/entries.ts';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'tests/fixtures/analyze');
const work = mkdtempSync(path.join(tmpdir(), 'cli-summary-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
writeFileSync(
  path.join(work, 'rules.json'),
  JSON.stringify(loadEntries().map((e) => ({ ...e.rule, url: `/${e.rule.path}` }))),
);
const log = path.join(fixtures, 'postfix.log');

/** `wrap` runs the command through another (setpriv, below). */
function run(args: string[], input?: string | Buffer, wrap: string[] = []) {
  const argv = [process.execPath, path.join(root, 'scripts/classify.ts'), ...args];
  return spawnSync(wrap[0] ?? argv[0]!, [...wrap.slice(1), ...(wrap.length ? argv : argv.slice(1))], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, OUT_DIR: work },
  });
}

const json = (args: string[], input?: string | Buffer) => {
  const r = run(['--summary', '--json', ...args], input);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown> & { entries: Record<string, number>; lines: number };
};

describe('npm run classify -- --summary', () => {
  it('prints one JSON object with the agreed fields', () => {
    const out = json([log]);
    for (const key of ['lines', 'replies', 'icloud', 'entries', 'suppress', 'keep', 'warnings'])
      expect(out).toHaveProperty(key);
    expect(out.lines).toBe(readFileSync(log, 'utf8').trimEnd().split('\n').length);
    expect(out.entries['554-5-7-1-hm08']).toBe(2);
    expect(out.suppress).toContain('ivy@icloud.com');
    expect(out.keep).toContain('carl@me.com');
  });

  it('reads standard input (-) and gzip, and both match the file', () => {
    const plain = json([log]).entries;
    expect(json(['-'], readFileSync(log)).entries).toEqual(plain);
    const gz = path.join(work, 'postfix.log.gz');
    writeFileSync(gz, gzipSync(readFileSync(log)));
    expect(json([gz]).entries).toEqual(plain);
  });

  it('reads a named pipe and a device, which cannot be read at an offset, as it reads a file', () => {
    const fifo = path.join(work, 'postfix.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // The pipe is written while the command reads it.
    const r = run(['--summary', '--json', fifo], undefined, [
      'sh',
      '-c',
      `cat '${log}' > '${fifo}' & exec "$0" "$@"`,
    ]);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as {
      entries: Record<string, number>;
      lines: number;
      problems: unknown[];
    };
    expect(out.problems).toEqual([]);
    expect(out.lines).toBe(json([log]).lines);
    expect(out.entries).toEqual(json([log]).entries);
    const empty = json(['/dev/null']) as unknown as { problems: { message: string }[] };
    expect(empty.problems.map((p) => p.message)).toEqual(['/dev/null: the file is empty.']);
  });

  it('names a cut-off gzip and an empty one, and still reports the rest', () => {
    const cut = path.join(work, 'cut.log.gz');
    writeFileSync(cut, gzipSync(readFileSync(log)).subarray(0, 300));
    const zero = path.join(work, 'zero.log.gz');
    writeFileSync(zero, '');
    const out = json([cut, zero, log]) as unknown as {
      problems: { file: string; message: string }[];
      entries: Record<string, number>;
    };
    expect(out.problems.map((p) => [p.file, p.message])).toEqual([
      [cut, expect.stringMatching(/cut off or damaged/)],
      [zero, `${zero}: the file is empty (0 bytes), so it holds no gzip data.`],
    ]);
    expect(out.entries['554-5-7-1-hm08']).toBeGreaterThanOrEqual(2);
  });

  it('reads a folder of .eml files', () => {
    const out = json([path.join(fixtures, 'bounces')]);
    expect(out.entries).toMatchObject({ '554-5-7-1-hm08': 1, '550-5-1-1-user-does-not-exist': 1 });
    expect((out.files as { name: string }[]).map((f) => f.name)).toEqual([
      'bounces/gmail.eml',
      'bounces/hm08.eml',
      'bounces/unknown-user.eml',
    ]);
  });

  it('warns of an incident as { kind: "incident", … }', () => {
    const out = json([path.join(fixtures, 'incident.log')]);
    expect(out.warnings).toEqual([expect.objectContaining({ kind: 'incident', recipients: 12 })]);
    expect(out.suppress).toEqual([]);
  });

  it('prints a readable table without --json', () => {
    const r = run(['--summary', log]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\nRead 1 file: 26 lines/);
    expect(r.stdout).toMatch(/count\s+share\s+entry\s+suppress/);
    expect(r.stdout).toMatch(/\n\s+2\s+[\d.]+%\s+554-5-7-1-hm08\s/);
    expect(r.stdout).toContain('Suppress (2):');
  });

  const mixed = path.join(fixtures, 'mixed.log');

  it('opens with what to do first, ranked, each with its share, trend and link', () => {
    const r = run(['--summary', mixed]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^What to do first:\n1\. \[CS01\] [^\n]+: 20\.8% of iCloud attempts \(30 permanent\)\. New since 2026-04-27 08:30 UTC\.\n {3}[^\n]+\/codes\/554-5-7-1-cs01\/#what-to-do\n2\. Messages deferred due to excessive volume/,
    );
    expect(r.stdout).toContain(
      'Deliveries: 110 to all providers, 60 to iCloud (54.5%); iCloud refused 84 of 144 attempts (58.3%).',
    );
  });

  it('gives the ranked list as a `todo` array in --json', () => {
    const out = json([mixed]) as unknown as { todo: { entry: string; share: number }[] };
    expect(out.todo.map((t) => t.entry).slice(0, 2)).toEqual([
      '554-5-7-1-cs01',
      '421-4-7-1-excessive-volume',
    ]);
  });
});

// Each case runs the command two or three times.
describe('--summary breakdowns and --tz', { timeout: 30_000 }, () => {
  const block = path.join(fixtures, 'cs01-block.log');

  it('breaks the iCloud replies down by sending domain, MX host, named IP and status', () => {
    const out = json([block]) as unknown as { breakdowns: Record<string, unknown> };
    expect(out.breakdowns).toMatchObject({
      senders: [
        { key: 'shop.example', count: 3 },
        { key: 'invoices.example', count: 1 },
      ],
      ips: [{ key: '198.51.100.7', count: 1 }],
      status: { bounced: 3, deferred: 1 },
    });
    const text = run(['--summary', block]).stdout;
    expect(text).toContain('iCloud replies: 3 bounced, 1 deferred.');
    expect(text).toContain('By sending domain: shop.example 3, invoices.example 1.');
    expect(text).toContain('By iCloud MX host: mx01.mail.icloud.com 2, mx02.mail.icloud.com 2.');
    expect(text).toContain('By sending IP named in the reply: 198.51.100.7 1.');
  });

  it('reads and shows zone-less times in UTC unless --tz names a zone, and says which', () => {
    const utc = run(['--summary', block]).stdout;
    expect(utc).toMatch(/iCloud replies from \d{4}-12-04 08:30 UTC to \d{4}-12-04 09:20 UTC\./);
    expect(utc).toMatch(/were read as UTC \(--tz names another zone\)/);
    const ny = run(['--summary', '--tz', 'America/New_York', block]).stdout;
    expect(ny).toMatch(/iCloud replies from \d{4}-12-04 08:30 EST to/);
    expect(ny).toContain('were read as America/New_York; times are shown in America/New_York.');
    const out = json(['--tz=America/New_York', block]) as unknown as { first: string; timeZone: unknown };
    expect(out.first).toMatch(/-12-04T13:30:02\.000Z$/);
    expect(out.timeZone).toMatchObject({ zone: 'America/New_York' });
  });

  it('refuses a zone it does not know, in one line', () => {
    const r = run(['--summary', '--tz', 'Mars/Olympus', block]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'icloud-mail-reply-codes: --tz needs an IANA time zone name such as Europe/Berlin or UTC, not "Mars/Olympus".\n',
    );
  });
});

describe('a missing or unreadable file', () => {
  for (const mode of [[], ['--summary'], ['--summary', '--json']]) {
    it(`is one line on stderr and exit 2 (${mode.join(' ') || 'per-reply mode'})`, () => {
      const r = run([...mode, log, path.join(work, 'nope.log')]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `icloud-mail-reply-codes: cannot read ${path.join(work, 'nope.log')}: no such file or folder\n`,
      );
    });
  }

  // Root reads any file whatever its mode through the capabilities that override file modes; as
  // root the CLI runs without them (util-linux's setpriv), so the mode holds as for anyone else.
  const asAnyone =
    process.getuid?.() === 0 ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search'] : [];

  it('names a file it may not read', () => {
    const locked = path.join(work, 'locked.log');
    writeFileSync(locked, 'x');
    chmodSync(locked, 0);
    const r = run(['--summary', locked], undefined, asAnyone);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`icloud-mail-reply-codes: cannot read ${locked}: permission denied\n`);
  });

  it("names a folder's file it may not read and reads the others", () => {
    const box = path.join(work, 'box');
    mkdirSync(box);
    writeFileSync(path.join(box, 'a.log'), readFileSync(log));
    writeFileSync(path.join(box, 'b.log'), 'x');
    chmodSync(path.join(box, 'b.log'), 0);
    const problem = 'box/b.log: could not be read (permission denied).';
    const perReply = run([box], undefined, asAnyone);
    expect(perReply.status).toBe(2);
    expect(perReply.stderr).toBe(`icloud-mail-reply-codes: ${problem}\n`);
    expect(perReply.stdout).toBe(run([log]).stdout);
    const summary = run(['--summary', box], undefined, asAnyone);
    expect(summary.stdout).toContain(`Problem: ${problem}`);
    expect(summary.stdout).toContain('iCloud replies: ');
  });
});
