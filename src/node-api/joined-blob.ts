// The Blob the bundled command gives postal-mime (scripts/build-bin.ts injects it in place of the
// global): postal-mime 4.0 assembles each decoded MIME part as a Blob of one chunk per line, then
// reads it back with arrayBuffer(). Node's Blob keeps every chunk apart and reads them back one
// asynchronous step each, half of the decoder's time on a folder of bounces; this one joins them
// at once. The bytes are the same: strings as UTF-8, buffers and views as they are.
// It relies on how postal-mime uses Blob, so postal-mime is pinned (package.json) and
// tests/unit/bin-bundle.test.ts runs the bundled command on messages.
const utf8 = new TextEncoder();
/** The string postal-mime puts after every line of a part: encoded once, not once a line. */
const NEWLINE = utf8.encode('\n');

export class JoinedBlob {
  readonly #bytes: Uint8Array<ArrayBuffer>;
  readonly type: string;

  constructor(
    parts: readonly (string | ArrayBuffer | ArrayBufferView)[] = [],
    options: { type?: string } = {},
  ) {
    const views = parts.map((p) =>
      typeof p === 'string'
        ? p === '\n'
          ? NEWLINE
          : utf8.encode(p)
        : p instanceof Uint8Array
          ? p
          : p instanceof ArrayBuffer
            ? new Uint8Array(p)
            : new Uint8Array(p.buffer, p.byteOffset, p.byteLength),
    );
    this.#bytes = new Uint8Array(views.reduce((n, v) => n + v.byteLength, 0));
    let at = 0;
    for (const v of views) {
      this.#bytes.set(v, at);
      at += v.byteLength;
    }
    this.type = options.type ?? '';
  }

  get size(): number {
    return this.#bytes.byteLength;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#bytes.buffer;
  }
}
