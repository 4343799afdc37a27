// The Blob the bundled command gives postal-mime (scripts/build-bin.ts injects it in place of the
// global): postal-mime 4.0 assembles each decoded MIME part as a Blob of one chunk per line, then
// reads it back with arrayBuffer(). Node's Blob keeps every chunk apart and reads them back one
// asynchronous step each, half of the decoder's time on a folder of bounces; this one joins them
// at once. The bytes are the same: strings as UTF-8, buffers and views as they are.
// It relies on how postal-mime uses Blob, so postal-mime is pinned (package.json) and
// tests/unit/bin-bundle.test.ts runs the bundled command on messages.
const utf8 = new TextEncoder();
/** The string postal-mime puts after every line of a part, as its byte. */
const NEWLINE = 10;

export class JoinedBlob {
  readonly #bytes: Uint8Array<ArrayBuffer>;
  readonly type: string;

  constructor(
    parts: readonly (string | ArrayBuffer | ArrayBufferView)[] = [],
    options: { type?: string } = {},
  ) {
    // Two passes over the parts, sizes then bytes, with no array of views between them: a part
    // holds a line, every other one is the '\n' after it, and a bounce has a few hundred.
    let size = 0;
    for (const p of parts)
      size += typeof p === 'string' ? (p === '\n' ? 1 : utf8.encode(p).length) : p.byteLength;
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const p of parts) {
      if (p === '\n') bytes[at++] = NEWLINE;
      else {
        const v =
          typeof p === 'string'
            ? utf8.encode(p)
            : p instanceof Uint8Array
              ? p
              : p instanceof ArrayBuffer
                ? new Uint8Array(p)
                : new Uint8Array(p.buffer, p.byteOffset, p.byteLength);
        bytes.set(v, at);
        at += v.byteLength;
      }
    }
    this.#bytes = bytes;
    this.type = options.type ?? '';
  }

  get size(): number {
    return this.#bytes.byteLength;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#bytes.buffer;
  }
}
