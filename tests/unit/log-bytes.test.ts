// The log scanner reads delivery and queue lines from their bytes: on generated lines (ASCII and
// not, CR and U+2028 included), the recipient the scanner and the byte reader find is the one
// deliveredIn finds in the decoded line, the queue senders are the ones the expressions find, and the delivered filter's bits from
// bytes are the bits from text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../src/lib/report/base64.ts';
import { decode } from '../../src/lib/report/bytes.ts';
import { DeliveredSet } from '../../src/lib/report/delivered-set.ts';
import { deliveredIn } from '../../src/lib/report/deliveries.ts';
import { deliveredInBytes, type DeliveryLine } from '../../src/lib/report/deliveries-bytes.ts';
import { APPLE_MAIL_NAME } from '../../src/lib/lexicon.ts';
import { LogScanner } from '../../src/lib/report/log-scan.ts';
import { postfixSendersIn } from '../../src/lib/report/senders.ts';

const encode = (text: string) => new TextEncoder().encode(text);

const piece = fc.constantFrom(
  'to=<',
  'orig_to=<',
  '>',
  '<',
  '@',
  'x@icloud.com',
  'a.b@Example.COM',
  'üser@exämple.de',
  ', ',
  ' ',
  '\t',
  '\r',
  '\u2028',
  '\u00a0',
  'status=sent',
  'status=sent2',
  'xstatus=sent',
  ' (250 2.0.0 Ok)',
  'stat=Sent',
  ' => ',
  'relay=mx01.mail.icloud.com[17.57.152.9]:25',
  'Mar  2 10:00:00 mail postfix/smtp[2000]: 4F2A1: ',
  'a'.repeat(70),
  'home.com',
  'mac.com',
  'ME.COM',
  'icloud.co',
);
const pieces = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
/** Random pieces, and Postfix-shaped lines with random pieces in each gap. */
const line = fc.oneof(
  fc.array(piece, { maxLength: 12 }).map((p) => p.join('')),
  fc
    .tuple(pieces, fc.constantFrom('to=<', 'orig_to=<'), pieces, fc.constantFrom('>', ''), pieces, pieces)
    .map(([a, to, address, close, gap, tail]) => `${a}${to}${address}${close}${gap}status=sent${tail}`),
);

const scanner = new LogScanner([550]);

/** The delivery line as the log scanner hands it on, if it finds one. */
function scanned(text: string) {
  const bytes = encode(text);
  let line: DeliveryLine | undefined;
  let read: Uint8Array = bytes;
  scanner.scan(bytes, 0, true, {
    record: () => {},
    skip: () => {},
    senderLine: () => {},
    deliveryLine: (b, d) => {
      read = b;
      line = { ...d };
    },
  });
  return line && { bytes: read, line };
}

describe('delivery and queue lines read from bytes', () => {
  it('find the recipient deliveredIn finds in the text', () => {
    fc.assert(
      fc.property(line, (text) => {
        const found = scanned(text);
        if (!found) return;
        const r = deliveredInBytes(found.bytes, found.line);
        const got = typeof r === 'object' ? decode(found.bytes, r.start, r.end) : r;
        expect(got).toBe(deliveredIn(text));
      }),
      { numRuns: 5_000 },
    );
  });

  it("say a delivery line is Apple's when it names one of Apple's domains anywhere", () => {
    const APPLE = new RegExp(APPLE_MAIL_NAME);
    fc.assert(
      fc.property(line, (text) => {
        const found = scanned(text);
        if (found) expect(found.line.apple).toBe(APPLE.test(text));
      }),
      { numRuns: 3_000 },
    );
  });

  it('read a Postfix delivery without decoding it, and fall back to text past ASCII', () => {
    const text = 'Mar  2 10:00:00 mx postfix/smtp[1]: 4F2A1: to=<x@icloud.com>, status=sent (250 Ok)';
    const plain = scanned(text)!;
    const start = text.indexOf('x@');
    expect(deliveredInBytes(plain.bytes, plain.line)).toEqual({ start, end: start + 'x@icloud.com'.length });
    const wide = scanned(
      'Mar  2 10:00:00 mx postfix/smtp[1]: 4F2A1: to=<ü@icloud.com>, status=sent (250 Ok)',
    )!;
    expect(deliveredInBytes(wide.bytes, wide.line)).toBe('ü@icloud.com');
  });

  it('find the queue senders the expressions find', () => {
    const FROM = /\]: ([0-9A-Za-z]{5,20}): from=<([^<>\s]*)>/g;
    const sender = fc
      .array(fc.constantFrom(']: ', '4F2A1C', 'AB', ': from=<', 'a@b.example', '<', '>', ' ', ''), {
        maxLength: 10,
      })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(sender, (text) => {
        const bytes = encode(text);
        const got = [...postfixSendersIn(bytes, 0, bytes.length)].map((m) => [m.id, m.sender]);
        const first = [...text.matchAll(FROM)].map((m) => [m[1], m[2]]);
        expect(got.slice(0, 1)).toEqual(first.slice(0, 1));
      }),
      { numRuns: 3_000 },
    );
  });

  it('set the same filter bits from bytes as from text', () => {
    const a = new DeliveredSet();
    const b = new DeliveredSet();
    for (const address of ['X@iCloud.com', 'someone@me.com', 'r1@mac.com']) {
      a.add(address);
      const bytes = encode(`to=<${address}>`);
      b.addBytes(bytes, 4, bytes.length - 1);
    }
    expect(b.save()).toEqual(a.save());
    expect(b.has('x@icloud.com')).toBe(true);
  });

  it('base64 round-trips and matches the standard encoding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = toBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(fromBase64(text)).toEqual(bytes);
      }),
    );
    expect(fromBase64('ab*d')).toBeUndefined();
    expect(fromBase64('abc')).toBeUndefined();
  });
});
