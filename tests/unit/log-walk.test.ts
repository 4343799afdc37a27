// The log scanner's walk runs in WebAssembly (src/wasm/log-walk.ts) where it can and in JavaScript
// (src/lib/report/log-walk.ts) where it cannot: on generated logs (codes, marks, Apple's names,
// Postfix recipients, continuation lines, CRLF, blank lines, bytes over 0x7f, an unfinished last
// line) the two write the same words. The module in the repository is the one its source compiles to, and the nibble
// tables that let it skip bytes sixteen at a time say of each byte what the tables say.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstDigits, replyCodes } from '../../src/lib/lexicon.ts';
import { HEADER, jsWalk } from '../../src/lib/report/log-walk.ts';
import { nibbleTables, walkSpec } from '../../src/lib/report/log-walk-spec.ts';
import { wasmWalk } from '../../src/lib/report/log-walk-wasm.ts';
import { LOG_WALK_WASM } from '../../src/lib/report/log-walk-wasm.bytes.ts';
import { compileLogWalk } from '../../scripts/wasm-compile.ts';
import { loadEntries } from '../support/entries.ts';

const codeFirst = firstDigits(replyCodes(loadEntries().map((e) => e.rule.code)));
const spec = walkSpec(codeFirst);
const js = jsWalk(spec, codeFirst);
const wasm = wasmWalk(spec)!;

const piece = fc.constantFrom(
  'Mar  2 10:00:00 mail postfix/smtp[2000]: 4F2A1: ',
  'to=<r1@icloud.com>, ',
  'to=<',
  'orig_to=<',
  '>',
  '<',
  '@',
  'A.B@Example.COM',
  'Zz@AZ.az',
  '@`{[',
  'ü@exämple.de',
  'xstatus=sent',
  'status=sent2',
  'relay=mx01.mail.icloud.com[17.57.152.9]:25, ',
  'delay=1.1, delays=0.1/0/0.5/0.5, dsn=5.1.1, ',
  'status=sent (250 2.0.0 Ok)',
  'status=bounced',
  'stat=Sent',
  ' => ',
  ' <= ',
  'from=<news@example.com>',
  'x@me.com',
  'mac.com',
  'ME.COM',
  'said: 550 5.1.1 <x@icloud.com>: user does not exist',
  '550-5.1.1 first',
  '550 5.1.1 last',
  '<<< 554 5.7.1 [CS01]',
  '452 4.2.2',
  "(550, b'5.1.1 x')",
  '{"response":"550 5.1.1 unknown"}',
  '["x"]',
  '"quoted"',
  ' 5.7.1 ',
  'smtp; 5.1.1',
  '2.0.0',
  '45',
  '5',
  '3',
  '=',
  '.',
  '.c',
  '{',
  ' ',
  '\t',
  '  ',
  '\r',
  '\n',
  '\n\n',
  '\r\n',
  '\n 550 5.1.1 indented',
  '\n\t550-5.1.1 tabbed',
  'üñí',
  '\u2028',
  '\u00a0',
  'a'.repeat(40),
);
const pieces = fc.array(piece, { maxLength: 5 }).map((p) => p.join(''));
/** A Postfix-shaped delivery line with random pieces in its gaps. */
const postfix = fc
  .tuple(pieces, fc.constantFrom('to=<', 'orig_to=<'), pieces, fc.constantFrom('>', ''), pieces, pieces)
  .map(([a, to, address, close, gap, tail]) => `${a}${to}${address}${close}${gap}status=sent${tail}\n`);
const log = fc
  .array(fc.oneof(piece, postfix), { maxLength: 60 })
  .map((p) => new TextEncoder().encode(p.join('')));

/** Both walks' words for `bytes` walked to its last line's end (the rest an unfinished line). */
function words(bytes: Uint8Array) {
  const limit = bytes.lastIndexOf(10) + 1;
  if (limit === 0) return undefined;
  const a = js(bytes, limit);
  const b = wasm(bytes, limit);
  return { js: [...a.words.subarray(0, a.end)], wasm: [...b.words.subarray(0, b.end)] };
}

describe('the log walk', () => {
  it('runs in WebAssembly here', () => {
    expect(wasm).toBeTypeOf('function');
  });

  it('writes the same words in WebAssembly as in JavaScript', () => {
    fc.assert(
      fc.property(log, (bytes) => {
        const w = words(bytes);
        if (w) expect(w.wasm).toEqual(w.js);
      }),
      { numRuns: 3000 },
    );
  });

  it('writes the same words on a long log, with entries past the first page of memory', () => {
    const line =
      'Mar  2 10:00:00 mail postfix/smtp[2000]: 4F2A1: to=<r@icloud.com>, relay=mx01.mail.icloud.com[17.57.152.9]:25, status=sent (250 2.0.0 Ok)\n' +
      'Mar  2 10:00:00 mail postfix/smtp[2000]: 4F2A1: to=<r@icloud.com>, status=bounced (host x said: 550 5.1.1 no)\n';
    const w = words(new TextEncoder().encode(line.repeat(20_000)))!;
    expect(w.js.length).toBeGreaterThan(HEADER + 16_384);
    expect(w.wasm).toEqual(w.js);
  });

  it('is the module src/wasm/log-walk.ts compiles to', async () => {
    const compiled = Buffer.from(await compileLogWalk()).toString('base64');
    expect(compiled, 'run `node scripts/build-wasm.ts`').toBe(LOG_WALK_WASM);
  });
});

describe('nibble tables', () => {
  const sets = fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 255 }), { maxLength: 12 }), {
    minLength: 1,
    maxLength: 3,
  });

  it('say of every byte which sets hold it, when the sets fit in eight bits', () => {
    fc.assert(
      fc.property(sets, (lists) => {
        const tables = lists.map((list) => {
          const t = new Uint8Array(256);
          for (const c of list) t[c] = 1;
          return t;
        });
        let n: ReturnType<typeof nibbleTables>;
        try {
          n = nibbleTables(tables);
        } catch {
          return;
        }
        for (let c = 0; c < 256; c++)
          tables.forEach((t, k) =>
            expect(!!(n.lo[c & 15]! & n.hi[c >> 4]! & n.bits[k]!), `byte ${c}`).toBe(!!t[c]),
          );
      }),
    );
  });
});
