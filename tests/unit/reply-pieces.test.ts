// Per reply, a big mail log is classified in pieces of whole records, never as one string: the
// pieces join to the input, each cut falls where a record starts, and the lines printed from the
// pieces are those of the input classified whole. An mbox is cut into its messages, each decoded,
// as the report reads it; anything else stays one text.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/lib/engine.ts';
import type { ClassifyOutcome } from '../../src/lib/classify/index.ts';
import type { RuleEntry } from '../../src/lib/rules.ts';
import { pieceLines, replyLines } from '../../src/node-api/reply-lines.ts';
import { BrokenGzip, readPieces, wholeText } from '../../src/node-api/reply-pieces.ts';
import { commandWith, writeRules } from '../support/command.ts';
import { loadEntries } from '../support/entries.ts';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'tests/fixtures/analyze');
const work = mkdtempSync(path.join(tmpdir(), 'reply-pieces-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const engine = createEngine(loadEntries().map((e) => e.rule));
const link = (entry: RuleEntry) => `/${entry.path}/`;

const logs = ['postfix.log', 'mixed.log', 'incident.log', 'cs01-block.log', 'trickle.log'];
const logText = logs.map((f) => readFileSync(path.join(fixtures, f), 'utf8')).join('');
const log = path.join(work, 'mail.log');
writeFileSync(log, logText);
const mbox = path.join(fixtures, 'bounces.mbox');
const mboxText = readFileSync(mbox, 'utf8');

/** A record may go on in a line that starts so (src/lib/report/log-records.ts). */
const mayContinue = /^[ \t<245\r\n]/;

async function* classified(texts: Iterable<string> | AsyncIterable<string>): AsyncGenerator<ClassifyOutcome> {
  for await (const text of texts) yield await engine.classify(text);
}

async function printed(texts: Iterable<string> | AsyncIterable<string>, asJson: boolean, name = 'mail.log') {
  let out = '';
  for await (const lines of pieceLines(name, classified(texts), asJson, link)) out += lines;
  return out;
}

describe('readPieces', () => {
  it('reads a file smaller than a piece as one text', async () => {
    expect(await Array.fromAsync(readPieces(log, 'mail.log'))).toEqual([logText]);
  });

  it('cuts a bigger plain log where records start, into pieces that join to it', async () => {
    for (const size of [100, 1000, 4096]) {
      const pieces = await Array.fromAsync(readPieces(log, 'mail.log', size));
      expect(pieces.length).toBeGreaterThan(logText.length / (size + 2000));
      expect(pieces.join('')).toBe(logText);
      for (const [i, piece] of pieces.entries()) {
        if (i === pieces.length - 1) continue;
        expect(Buffer.byteLength(piece)).toBeGreaterThanOrEqual(size);
        expect(piece.endsWith('\n')).toBe(true);
        expect(pieces[i + 1]).not.toMatch(mayContinue);
      }
    }
  });

  it('tells how many bytes it read, each once, read whole or in pieces', async () => {
    let read = 0;
    const count = (bytes: number) => (read += bytes);
    expect(wholeText(log, count)).toBe(logText);
    expect(read).toBe(Buffer.byteLength(logText));
    read = 0;
    expect((await Array.fromAsync(readPieces(log, 'mail.log', 1000, count))).join('')).toBe(logText);
    expect(read).toBe(Buffer.byteLength(logText));
    read = 0;
    expect(wholeText(mbox, count)).toBeUndefined();
    expect(read).toBe(0);
    await Array.fromAsync(readPieces(mbox, 'bounces.mbox', 1000, count));
    expect(read).toBe(Buffer.byteLength(mboxText));
  });

  it('unpacks gzip, and stops at damaged gzip after the texts before the damage', async () => {
    const gz = path.join(work, 'mail.log.gz');
    const packed = gzipSync(readFileSync(log));
    writeFileSync(gz, packed);
    expect(await Array.fromAsync(readPieces(gz, 'mail.log.gz', 1000))).toEqual(
      await Array.fromAsync(readPieces(log, 'mail.log', 1000)),
    );
    expect(wholeText(gz)).toBeUndefined();
    const cut = path.join(work, 'cut.log.gz');
    writeFileSync(cut, packed.subarray(0, packed.length >> 1));
    const texts: string[] = [];
    const error = await (async () => {
      try {
        for await (const text of readPieces(cut, 'cut.log.gz', 1000)) texts.push(text);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(BrokenGzip);
    expect(texts.length).toBeGreaterThan(0);
    expect(logText.startsWith(texts.join(''))).toBe(true);
    expect((error as BrokenGzip).lines).toBe(texts.join('').split('\n').length - 1);
  });

  it('keeps whatever is neither a log nor an mbox whole: webhook JSON, lines of it, a message', async () => {
    const message = readdirSync(path.join(fixtures, 'bounces'))[0]!;
    for (const name of ['events.jsonl', path.join('bounces', message)]) {
      const file = path.join(fixtures, name);
      expect(await Array.fromAsync(readPieces(file, name, 100))).toEqual([readFileSync(file, 'utf8')]);
    }
  });

  it('cuts an mbox into its messages, at a From line after an empty one, however small', async () => {
    const pieces = await Array.fromAsync(readPieces(mbox, 'bounces.mbox'));
    expect(pieces).toHaveLength(mboxText.match(/^From /gm)!.length);
    expect(pieces.join('')).toBe(mboxText);
    for (const piece of pieces) expect(piece).toMatch(/^From \S/);
    // Blank lines before the first message belong to it.
    const blank = path.join(work, 'blank.mbox');
    writeFileSync(blank, `\n\n${mboxText}`);
    const after = await Array.fromAsync(readPieces(blank, 'blank.mbox'));
    expect(after).toEqual([`\n\n${pieces[0]}`, ...pieces.slice(1)]);
    expect(wholeText(mbox)).toBeUndefined();
  });
});

describe('pieceLines', () => {
  it('prints every message of an mbox, as the report reads them, in one object per input', async () => {
    const pieces = await Array.fromAsync(readPieces(mbox, 'bounces.mbox'));
    const each = await Promise.all(pieces.map((p) => engine.classify(p)));
    const results = each.flatMap((o) => o.results);
    expect(results.length).toBeGreaterThan(1);
    expect(results.length).toBeGreaterThan((await engine.classify(mboxText)).results.length);
    const json = JSON.parse(await printed(pieces, true, 'bounces.mbox')) as {
      input: string;
      results: unknown[];
    };
    expect(json).toEqual(JSON.parse(JSON.stringify({ input: 'bounces.mbox', results })));
    const reports = await engine.reports();
    const aggregator = reports({ rowLimit: 0 });
    const file = aggregator.file('bounces.mbox');
    await file.write(mboxText);
    await file.end();
    expect(aggregator.report().replies).toBe(results.length);
  });

  it('prints for a log read in pieces what the log classified whole prints, as lines and as JSON', async () => {
    const whole = await engine.classify(logText);
    expect(whole.results.length).toBeGreaterThan(10);
    for (const asJson of [false, true]) {
      const expected = replyLines('mail.log', whole, asJson, link);
      for (const size of [100, 1000, 4096, 1 << 20])
        expect(await printed(readPieces(log, 'mail.log', size), asJson)).toBe(expected);
    }
  });

  it('gives an input without a reply its message once, however many pieces it was read in', async () => {
    const quiet = 'Mar  2 10:00:00 mail postfix/qmgr[1]: A1: removed\n'.repeat(50);
    const whole = await engine.classify(quiet);
    expect(whole.message).toBeTruthy();
    const pieces = [quiet.slice(0, 1000), quiet.slice(1000, 2000), quiet.slice(2000)];
    for (const asJson of [false, true])
      expect(await printed(pieces, asJson, 'quiet.log')).toBe(replyLines('quiet.log', whole, asJson, link));
  });
});

describe('per reply on the command line', () => {
  writeRules(work);
  const run = commandWith(work);

  it('reads gzip and standard input as it reads the log itself', () => {
    const plain = run(['--json', log]);
    expect(plain.status).toBe(0);
    const gz = path.join(work, 'cli.log.gz');
    writeFileSync(gz, gzipSync(readFileSync(log)));
    const named = (out: string, name: string) =>
      out.replace(`"input":${JSON.stringify(log)}`, `"input":${JSON.stringify(name)}`);
    expect(run(['--json', gz]).stdout).toBe(named(plain.stdout, gz));
    expect(run(['--json', '-'], readFileSync(log)).stdout).toBe(named(plain.stdout, 'stdin'));
    expect(run(['--json', '-'], gzipSync(readFileSync(log))).stdout).toBe(named(plain.stdout, 'stdin'));
  });

  it('prints what came before damaged gzip, says so on standard error, reads on, and ends with 2', () => {
    const packed = gzipSync(readFileSync(log));
    const cut = path.join(work, 'cli-cut.log.gz');
    writeFileSync(cut, packed.subarray(0, packed.length >> 1));
    const r = run([cut, path.join(fixtures, 'postfix.log')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^icloud-mail-reply-codes: .*cli-cut\.log\.gz: the gzip data is cut off or damaged; the \d+ lines before the damage were read\.\n$/,
    );
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(
      run([path.join(fixtures, 'postfix.log')])
        .stdout.trimEnd()
        .split('\n').length,
    );
  });
});
