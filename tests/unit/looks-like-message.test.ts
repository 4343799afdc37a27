// looksLikeMessage reads only a message's header block, without normalising its line ends first.
// Its answer must stay the one of the plain definition below: CR and CRLF made LF, leading
// whitespace and an mbox `From ` line dropped, the header block up to the first blank line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeMessage } from '../../src/lib/classify/index.ts';

const HEADER_LINE = /^[A-Za-z][A-Za-z0-9-]{0,76}:[ \t]?\S?/;
const MESSAGE_HEADERS =
  /^(?:received|from|to|subject|date|message-id|return-path|delivered-to|mime-version|content-type|x-failed-recipients|auto-submitted|x-apple-action)$/i;

function byDefinition(input: string): boolean {
  const head = input
    .slice(0, 65_536)
    .replace(/\r\n?/g, '\n')
    .replace(/^\s*(?:From \S[^\n]*\n)?/, '');
  const blank = head.indexOf('\n\n');
  if (blank < 0) return false;
  const names: string[] = [];
  for (const line of head.slice(0, blank).split('\n')) {
    if (/^[ \t]/.test(line)) continue;
    if (!HEADER_LINE.test(line)) return false;
    names.push(line.slice(0, line.indexOf(':')).toLowerCase());
  }
  const known = names.filter((n) => MESSAGE_HEADERS.test(n)).length;
  const automatic = names.includes('auto-submitted') || names.includes('x-apple-action');
  return known >= 2 && (automatic || names.includes('mime-version') || names.includes('content-type'));
}

const piece = fc.constantFrom(
  'From: a@example.com',
  'To: b@icloud.com',
  'Subject: Undelivered Mail Returned to Sender',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; report-type=delivery-status;',
  '\tboundary="x"',
  ' folded',
  'Auto-Submitted: auto-replied',
  'X-Apple-Action: vacation',
  'Date: Mon, 7 Dec 2026 10:00:00 +0000',
  'From MAILER-DAEMON Mon Dec  7 10:00:00 2026',
  'From x',
  'not a header',
  '550 5.1.1 user unknown',
  '',
  ' ',
  '\t',
);
const lineEnd = fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\r\r', '\n\r\n', '\r\n\n');

describe('looksLikeMessage', () => {
  it('answers as the definition on generated header blocks, whatever the line ends', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(piece, lineEnd), { maxLength: 14 }),
        fc.string({ maxLength: 40 }),
        (lines, tail) => {
          const input = lines.map(([l, e]) => l + e).join('') + tail;
          expect(looksLikeMessage(input)).toBe(byDefinition(input));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('answers as the definition on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'From: \r\n\t Ta-z'.split('')), maxLength: 200 }),
        (input) => {
          expect(looksLikeMessage(input)).toBe(byDefinition(input));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reads only the first 64 KB, with a header block that ends right at the cut', () => {
    const header = 'From: a@example.com\r\nTo: b@icloud.com\r\nMIME-Version: 1.0\r\nX-Pad: ';
    for (const pad of [65_536 - header.length - 4, 65_536 - header.length - 3, 65_536 - header.length - 2]) {
      const input = `${header}${'x'.repeat(pad)}\r\n\r\nbody`;
      expect(looksLikeMessage(input)).toBe(byDefinition(input));
    }
  });
});
