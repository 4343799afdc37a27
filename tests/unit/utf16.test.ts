// Text saved as UTF-16 with a byte order mark (what Windows PowerShell 5.1's `>` writes) is read as
// the text it is, not refused as binary data: by the report however its bytes are cut (inside a
// character, between a surrogate pair's halves), and by the command per reply and --summary, from a
// file, a big one read in pieces, gzip and standard input.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/lib/engine.ts';
import { decodeText, utf16Of } from '../../src/lib/report/utf16.ts';
import { commandWith, writeRules } from '../support/command.ts';
import { loadEntries } from '../support/entries.ts';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'tests/fixtures/analyze');
const work = mkdtempSync(path.join(tmpdir(), 'utf16-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
writeRules(work);
const command = commandWith(work);
const engine = createEngine(loadEntries().map((e) => e.rule));

const le = (text: string) => Buffer.from(`\ufeff${text}`, 'utf16le');
const be = (text: string) => le(text).swap16();

// Not ASCII, and a character beyond U+FFFF (two UTF-16 units), on lines the report counts.
const wide = `Jan 12 10:00:00 mx postfix/smtp[1]: Q1: to=<jörg@icloud.com>, relay=mx01.mail.icloud.com[17.57.152.9]:25, status=bounced (host mx01.mail.icloud.com[17.57.152.9] said: 550 5.1.1 <jörg@icloud.com>: user does not exist ✉📧 (in reply to RCPT TO command))
Jan 12 10:00:01 mx postfix/smtp[2]: Q2: to=<zoë@icloud.com>, relay=mx01.mail.icloud.com[17.57.152.9]:25, status=sent (250 2.0.0 Ok 配信)
`;
const logText =
  wide +
  ['postfix.log', 'mixed.log', 'incident.log', 'cs01-block.log']
    .map((f) => readFileSync(path.join(fixtures, f), 'utf8'))
    .join('');

describe('utf16Of and decodeText', () => {
  it('name the byte order of a UTF-16 byte order mark, and decode by it', () => {
    expect(utf16Of(le('a'))).toBe('utf-16le');
    expect(utf16Of(be('a'))).toBe('utf-16be');
    expect(utf16Of(Buffer.from('\ufeffa'))).toBeUndefined();
    expect(utf16Of(Buffer.from('550'))).toBeUndefined();
    for (const bytes of [le(wide), be(wide), Buffer.from(wide), Buffer.from(`\ufeff${wide}`)])
      expect(decodeText(bytes)).toBe(wide);
  });
});

describe('the report', () => {
  async function reportOf(chunks: Uint8Array[]) {
    const report = (await engine.reports())({ now: Date.UTC(2026, 11, 1) });
    const file = report.file('mail.log');
    for (const chunk of chunks) await file.write(chunk);
    await file.end();
    return report.report();
  }
  /** The bytes in chunks: the first holds the byte order mark and one byte more, the rest `size`. */
  const cut = (bytes: Buffer, size: number) => {
    const chunks = [bytes.subarray(0, 3)];
    for (let i = 3; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
    return chunks;
  };

  it('reads UTF-16 as the UTF-8 of its text, however it is cut', async () => {
    const expected = await reportOf([Buffer.from(logText)]);
    expect(expected.replies).toBeGreaterThan(20);
    expect(expected.files[0]!.problem).toBeUndefined();
    for (const encode of [le, be])
      for (const size of [1, 3, 7, 4096])
        expect(await reportOf(cut(encode(logText), size))).toEqual(expected);
  });
});

describe('the command', () => {
  // Over a megabyte: per reply, read in pieces.
  const big = logText.repeat(Math.ceil(2_100_000 / logText.length));
  const plain = path.join(work, 'plain.log');
  writeFileSync(plain, big);
  const files = {
    le: path.join(work, 'le.log'),
    be: path.join(work, 'be.log'),
    gz: path.join(work, 'le.log.gz'),
  };
  writeFileSync(files.le, le(big));
  writeFileSync(files.be, be(big));
  writeFileSync(files.gz, gzipSync(le(big)));
  const small = path.join(work, 'small.log');
  writeFileSync(small, le(wide));

  const out = (args: string[], input?: Buffer) => {
    const r = command(args, input);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return r.stdout;
  };

  it('prints per reply what it prints for the UTF-8 text', () => {
    const expected = out([plain]);
    expect(expected.split('\n').length).toBeGreaterThan(1000);
    for (const file of [files.le, files.be, files.gz]) expect(out([file])).toBe(expected);
    expect(out(['-'], be(big))).toBe(expected);
    expect(out([small])).toMatch(/^550 5\.1\.1\t550-5-1-1-user-does-not-exist .*jörg@icloud\.com/);
  });

  it('--summary reports what it reports for the UTF-8 text', () => {
    const expected = out(['--summary', plain]);
    expect(expected).toContain('User does not exist');
    expect(out(['--summary', files.le])).toBe(expected);
    expect(out(['--summary', '-'], be(big))).toBe(expected);
  });
});
