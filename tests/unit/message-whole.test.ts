// A file that is one message and arrives whole is taken at once (MessageReader.whole) instead of
// cut into lines and joined again: what it counts and what it queues for decoding must stay what
// the line-by-line reading gives, whatever its line ends (LF, CRLF, lone CR) and its last line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Classification } from '../../src/lib/classify/index.ts';
import { FileContext, type IntakeEnv } from '../../src/lib/report/intake/file.ts';
import { LineSplitter } from '../../src/lib/report/intake/lines.ts';
import { MessageReader } from '../../src/lib/report/intake/messages.ts';

/** What the reading of one file gave: its summary's counts, whether it read as mail, and each
 *  text handed to the decoder with the line it starts at. */
async function read(text: string, chunks: number[] | 'whole') {
  const decoded: { text: string; line: number }[] = [];
  let pending = '';
  const env = {
    now: 0,
    // One result per message, so the line it is counted at reaches the tally.
    classifyAny: async (t: string) => {
      pending = t;
      return { results: [{} as Classification] };
    },
    tally: {
      files: [],
      add: (_: unknown, source: { line: number }) => decoded.push({ text: pending, line: source.line }),
    },
  } as unknown as IntakeEnv;
  const file = new FileContext('m.eml', {}, env);
  const message = new MessageReader(file, false);
  const splitter = new LineSplitter(file, message);
  if (chunks === 'whole') message.whole(text);
  else {
    let at = 0;
    for (const size of chunks) {
      splitter.write(text.slice(at, at + size));
      at += size;
    }
    splitter.write(text.slice(at));
  }
  splitter.end();
  await splitter.drain();
  return { lines: file.summary.lines, records: file.summary.records, mailLike: file.mailLike, decoded };
}

const piece = fc.constantFrom(
  'Received: from mx.example.com',
  'Content-Type: multipart/report; report-type=delivery-status',
  'Diagnostic-Code: smtp; 550 5.1.1 <a@icloud.com>: user unknown',
  'plain words',
  'From nobody',
  '',
  ' ',
  '\r',
  'é and ✓',
);
const end = fc.constantFrom('\n', '\r\n', '\r', '\r\r\n', '\n\n');

describe('a message read whole', () => {
  it('counts the lines, reads as mail and queues the text that reading it line by line does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(piece, end), { maxLength: 12 }),
        fc.constantFrom('', '\n', '\r\n', 'tail'),
        fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 6 }),
        async (parts, last, chunks) => {
          const text = parts.map(([p, e]) => p + e).join('') + last;
          expect(await read(text, 'whole')).toEqual(await read(text, chunks));
        },
      ),
      { numRuns: 500 },
    );
  });
});
