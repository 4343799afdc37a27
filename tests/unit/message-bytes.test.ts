// What the command does with a decoded message's bytes, checked against the plain way: the Blob the
// bundled command gives postal-mime joins the same bytes as Node's, and an attached message's header
// block cut from its bytes is the text cut from the whole decoded part.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerBlock } from '../../src/lib/classify/message.ts';
import { JoinedBlob } from '../../src/node-api/joined-blob.ts';

const bytesOf = (parts: number[]) => new Uint8Array(parts);
/** Bytes a header block is made of: line ends, ASCII, UTF-8 (whole and cut), a BOM, invalid bytes. */
const byte = fc.constantFrom(
  13,
  10,
  10,
  32,
  97,
  58,
  0xc3,
  0xa9,
  0xe2,
  0x82,
  0xac,
  0xef,
  0xbb,
  0xbf,
  0xff,
  0x80,
);

describe('JoinedBlob', () => {
  it('holds the bytes a Blob of the same parts holds', async () => {
    const buffer = new TextEncoder().encode('ab\r\nçd€\n').buffer;
    const parts = [
      'héllo\n',
      new Uint8Array(buffer, 2, 5),
      '\n',
      buffer,
      new DataView(buffer, 1, 3),
      '\ud800 lone surrogate, emoji 😀',
      new Uint8Array(0),
    ];
    const joined = new JoinedBlob(parts, { type: 'application/octet-stream' });
    const blob = new Blob(parts);
    expect(new Uint8Array(await joined.arrayBuffer())).toEqual(new Uint8Array(await blob.arrayBuffer()));
    expect(joined.size).toBe(blob.size);
    expect(joined.type).toBe('application/octet-stream');
  });
});

describe('headerBlock', () => {
  it('is the decoded text up to the first blank line, for any bytes', () => {
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 60 }), (parts) => {
        const bytes = bytesOf(parts);
        const expected = new TextDecoder().decode(bytes).split(/\r?\n\r?\n/)[0];
        expect(headerBlock(bytes)).toBe(expected);
        expect(headerBlock(bytes.buffer)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('cuts text the same way, and reads anything else as empty', () => {
    expect(headerBlock('To: x@icloud.com\r\nSubject: hi\r\n\r\nbody\n\nmore')).toBe(
      'To: x@icloud.com\r\nSubject: hi',
    );
    expect(headerBlock(null)).toBe('');
  });
});
