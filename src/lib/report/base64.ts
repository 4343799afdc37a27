// Base64 of large byte arrays (a report's 8 MiB filter of delivered addresses), written out by hand:
// btoa and atob take "binary strings", built one character per byte, which cost far more than the
// bytes themselves at this size.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
/** The value of each UTF-16 unit: 255 for all but the alphabet's. */
const VALUES = new Uint8Array(65_536).fill(255);
CODES.forEach((code, value) => (VALUES[code] = value));
const ascii = new TextDecoder('latin1');

export function toBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = CODES[n >>> 18]!;
    out[o++] = CODES[(n >>> 12) & 63]!;
    out[o++] = CODES[(n >>> 6) & 63]!;
    out[o++] = CODES[n & 63]!;
  }
  if (i < bytes.length) {
    const two = i + 1 < bytes.length;
    const n = (bytes[i]! << 16) | (two ? bytes[i + 1]! << 8 : 0);
    out[o++] = CODES[n >>> 18]!;
    out[o++] = CODES[(n >>> 12) & 63]!;
    out[o++] = two ? CODES[(n >>> 6) & 63]! : 61;
    out[o++] = 61;
  }
  return ascii.decode(out);
}

/** The bytes of `text`, or undefined when it is not base64. */
export function fromBase64(text: string): Uint8Array | undefined {
  if (text.length % 4) return undefined;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  const body = pad ? text.length - 4 : text.length;
  // Invalid characters are 255: any of them leaves a bit of 0x80 set here.
  let bad = 0;
  let o = 0;
  for (let i = 0; i < body; i += 4) {
    const a = VALUES[text.charCodeAt(i)]!;
    const b = VALUES[text.charCodeAt(i + 1)]!;
    const c = VALUES[text.charCodeAt(i + 2)]!;
    const d = VALUES[text.charCodeAt(i + 3)]!;
    bad |= a | b | c | d;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >>> 16;
    out[o++] = (n >>> 8) & 255;
    out[o++] = n & 255;
  }
  if (pad) {
    const a = VALUES[text.charCodeAt(body)]!;
    const b = VALUES[text.charCodeAt(body + 1)]!;
    const c = pad === 1 ? VALUES[text.charCodeAt(body + 2)]! : 0;
    bad |= a | b | c;
    const n = (a << 18) | (b << 12) | (c << 6);
    out[o++] = n >>> 16;
    if (pad === 1) out[o] = (n >>> 8) & 255;
  }
  return bad & 0x80 ? undefined : out;
}
