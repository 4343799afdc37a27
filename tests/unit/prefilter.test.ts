// The report's fast path never drops a line the engine would classify: on generated lines (codes,
// markers, words, quotes, JSON and Python shapes, control characters, in any order) and on every
// line of every fixture, a line with a reply passes the prefilter, and the log scanner hands it on
// as part of a record, whatever lines come before and after it; with the walk in WebAssembly and in
// JavaScript.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/lib/engine.ts';
import { replyCodes } from '../../src/lib/lexicon.ts';
import { LogScanner } from '../../src/lib/report/log-scan.ts';
import { createClassifier } from '../../src/lib/classify/index.ts';
import { createPrefilter, createTextPrefilter } from '../../src/lib/classify/prefilter.ts';
import { loadEntries } from '../support/entries.ts';

const rules = loadEntries().map((e) => e.rule);
const engine = createEngine(rules);
const codes = replyCodes(rules.map((r) => r.code));
const prefilter = createPrefilter(codes);
const textPrefilter = createTextPrefilter(codes);
const classifier = createClassifier(rules);
/** The scanner as it runs (its walk in WebAssembly) and as it runs where WebAssembly cannot. */
const scanners = { wasm: new LogScanner(codes), js: new LogScanner(codes, 'js') };
let scanner = scanners.wasm;

const holdsReply = (line: string) => engine.classifyText(line).results.length > 0;

/** The line numbers (from 1) the scanner passes on in records. */
function recordedLines(text: string): Set<number> {
  const recorded = new Set<number>();
  scanner.scan(new TextEncoder().encode(text), 0, true, {
    record: (_b, _s, _e, line, lines) => {
      for (let i = 0; i < lines; i++) recorded.add(line + i);
    },
    skip: () => {},
    deliveryLine: () => {},
    senderLine: () => {},
  });
  return recorded;
}

/** Lines that hold a reply but that the prefilter or the scanner would drop. */
function dropped(lines: string[]): string[] {
  const recorded = recordedLines(lines.join('\n'));
  return lines.filter((line, i) => holdsReply(line) && (!prefilter(line) || !recorded.has(i + 1)));
}

const digit = fc.constantFrom(...'0123456789');
const token = fc.oneof(
  fc.tuple(fc.constantFrom('2', '4', '5'), digit, digit).map((d) => d.join('')),
  fc.tuple(fc.constantFrom('2', '4', '5'), digit, digit).map(([c, s, d]) => `${c}.${s}.${d}`),
  fc.constantFrom(...[...codes].map(String)),
  fc.constantFrom('said:', 'me:', '<<<', ';', "'", '"', 'response:', 'reply=', 'Status:', 'smtp;'),
  fc.constantFrom('command', 'error:', 'rejected.', 'failed', 'returned', '(in reply to RCPT TO command)'),
  fc.constantFrom('Mailbox', 'unknown', 'user', 'DENIED', 'Message', 'rejected', 'policy', '拒否'),
  fc.constantFrom('-', ':', ' ', '\t', '(', ')', '[', ']', '{', '}', '<', '>', '@', '.', '/', '=', ','),
  fc.constantFrom('\u0000', '\u0007', '\u001b', '\u0085', '\ufffd', '\u000b'),
  fc.constantFrom('mx01.mail.icloud.com', 'x@icloud.com', 'dsn=5.1.1', 'status=bounced', 'HTTP/1.1"'),
  fc.constantFrom("(550, b'5.1.1 User unknown')", '{"response":"550 5.1.1 unknown"}', '["x"]'),
  fc.constantFrom(...rules.map((r) => r.reply)),
);
const line = fc
  .array(fc.tuple(token, fc.constantFrom('', ' ', '  ')), { maxLength: 14 })
  .map((parts) => parts.map(([t, gap]) => t + gap).join(''));

describe.each(['wasm', 'js'] as const)('the prefilter and the log scanner (walk in %s)', (walk) => {
  beforeAll(() => {
    scanner = scanners[walk];
  });

  it('never drop a generated line the engine would classify', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), (lines) => {
        expect(dropped(lines)).toEqual([]);
      }),
      { numRuns: 2_000 },
    );
  });

  it('never drop a fixture line the engine would classify', () => {
    const dir = path.resolve(import.meta.dirname, 'fixtures');
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    for (const f of files) {
      const lines = readFileSync(path.join(f.parentPath, f.name), 'utf8').split('\n');
      expect(dropped(lines), f.name).toEqual([]);
    }
  });

  it('do skip lines without a reply, so the test can tell', () => {
    const lines = ['Nov 27 10:00:01 mx postfix/qmgr[1]: 4F2: removed', 'status=sent (250 2.0.0 Ok)'];
    expect(lines.filter((l) => prefilter(l))).toEqual([]);
    expect(recordedLines(lines.join('\n')).size).toBe(0);
  });
});

describe('the prefilter on a text of many lines (a message source the engine reads again)', () => {
  /** Lines as a message's source holds them: folded, CRLF or CR, in HTML, escaped, cut. */
  const text = fc
    .array(
      fc.tuple(
        line,
        fc.constantFrom('\n', '\r\n', '\r', '\n    ', '\n\n', '<br>\n', '</td><td>', '&nbsp;', '&#53;'),
      ),
      { minLength: 1, maxLength: 8 },
    )
    .chain((parts) =>
      fc
        .oneof(
          fc.constant(''),
          fc.constant('<html><body><p>'),
          // The first line starts where the engine cuts a line too long for it, after a `-`.
          fc.constant(`${'x'.repeat(16_383)}-`),
        )
        .map((head) => head + parts.map(([l, end]) => l + end).join('')),
    );

  it('classifies a generated text exactly as the engine does without it', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(classifier.classify(t, { prefilter: true })).toEqual(classifier.classify(t));
      }),
      { numRuns: 1_000 },
    );
  });

  it('classifies every fixture file whole exactly as the engine does without it', () => {
    const dir = path.resolve(import.meta.dirname, 'fixtures');
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    for (const f of files) {
      const t = readFileSync(path.join(f.parentPath, f.name), 'utf8');
      expect(classifier.classify(t, { prefilter: true }), f.name).toEqual(classifier.classify(t));
    }
  });

  it('does rule out a text without a reply, so the tests can tell', () => {
    const plain =
      'From: shop@example.com\r\nSubject: Your order\r\n\r\nThanks for order 1234, shipped on 2026-12-01.\r\n';
    expect(textPrefilter(plain)).toBe(false);
    expect(textPrefilter(`${plain}\r\n  ["5.1.1"]`)).toBe(true);
  });
});
