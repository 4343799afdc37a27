// Reading log bytes without turning them into text: searches in a Uint8Array, and UTF-8 decoding
// of only the ranges the report keeps (a candidate record, a recipient, a time). Pure: the browser
// worker and Node share it.

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

export const NL = 10;
export const CR = 13;

/** A digit, as `\d` has it. */
export const isDigit = (c: number | undefined) => c !== undefined && c >= 48 && c <= 57;
/** A letter or digit of ASCII. */
export const isAlnum = (c: number | undefined) =>
  isDigit(c) || (c !== undefined && ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)));
/** A word character, as `\w` has it. */
export const isWord = (c: number | undefined) => c === 95 || isAlnum(c);

/** The text of bytes [start, end). */
export const decode = (bytes: Uint8Array, start: number, end: number): string =>
  utf8.decode(bytes.subarray(start, end));

/** The bytes of an ASCII needle. */
export const needle = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** Where `what` starts in bytes [from, to), or -1: for short ranges such as one line (the typed
 *  array's own search would run on past `to`). */
export function indexIn(bytes: Uint8Array, what: Uint8Array, from: number, to: number): number {
  const first = what[0]!;
  const last = to - what.length;
  for (let i = from; i <= last; i++) {
    if (bytes[i] !== first) continue;
    let k = 1;
    while (k < what.length && bytes[i + k] === what[k]) k++;
    if (k === what.length) return i;
  }
  return -1;
}

/** Where the last `what` in bytes [from, to) starts, or -1. */
export function lastIndexOfBytes(bytes: Uint8Array, what: Uint8Array, from: number, to: number): number {
  for (let i = to - what.length; i >= from; i--) {
    let k = 0;
    while (k < what.length && bytes[i + k] === what[k]) k++;
    if (k === what.length) return i;
  }
  return -1;
}

/** True when bytes [start, end) are all ASCII (then each byte is one character). */
export function isAscii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i]! > 0x7f) return false;
  return true;
}
