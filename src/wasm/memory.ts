// The WebAssembly walk's memory (./log-walk.ts): where each table is, the bytes it reads, and the
// mark lists. Memory: the tables from address 0 (256 bytes each, in the order of the T_ constants
// below), the nibble tables and their bits, the mark lists (../lib/report/log-walk-spec.ts's
// memoryImage writes all three), the chunk at CHUNK, then the output.

export const T_CLASS: u32 = 0;
export const T_INSIDE: u32 = 1;
export const T_NOT_BEFORE_ENH: u32 = 2;
export const T_AFTER_CODE: u32 = 3;
export const T_BLANK: u32 = 4;
export const T_MARKER_END: u32 = 5;
export const T_CODE_FIRST: u32 = 6;
export const T_AFTER_EQUALS: u32 = 7;
export const T_AFTER_DOT: u32 = 8;
export const T_WORD: u32 = 9;

// The classes of T_CLASS.
export const END: u32 = 1;
export const DIGIT: u32 = 2;
export const MARK: u32 = 3;
export const JSON_OPEN: u32 = 4;
export const DOT: u32 = 5;

export const NL: u32 = 10;
export const CR: u32 = 13;
export const SPACE: u32 = 32;
export const TAB: u32 = 9;
export const QUOTE: u32 = 34;
export const PAREN: u32 = 40;
export const COMMA: u32 = 44;
export const DASH: u32 = 45;
export const PERIOD: u32 = 46;
export const LT: u32 = 60;
export const BRACKET: u32 = 91;

// The tables start the memory and the chunk starts at CHUNK: addresses the compiler folds into each
// load (a global's value would be read again at every byte). After the tables: the nibble tables of
// three lookups (what a byte is; whether it is of T_INSIDE; whether it may follow a mark's `=`, an
// Apple name's dot or a candidate's first digit), 16 bytes for low nibbles and 16 for high nibbles
// each, then the bits of the first lookup that mean a digit, an `=` and a dot, and of the third that
// mean "may follow `=`", "may follow the dot" and "may follow the first digit".
export const NIBBLES: usize = 10 * 256;
export const BITS: usize = NIBBLES + 6 * 16;
export const MARKS: usize = BITS + 8;
export const CHUNK: usize = 4096;

/** The chunk being walked has `length` bytes. */
export let length: i32 = 0;

export function setLength(n: i32): void {
  length = n;
}

export function byte(i: i32): u32 {
  return <u32>load<u8>(CHUNK + <usize>i);
}

export function table(t: u32, c: u32): u32 {
  return <u32>load<u8>(((<usize>t) << 8) + <usize>c);
}

/** Per lane, the AND of the low nibble's and the high nibble's entries in the tables at `at`. */
export function lookup(at: usize, v: v128): v128 {
  const low = i8x16.swizzle(v128.load(at), v128.and(v, i8x16.splat(15)));
  return v128.and(low, i8x16.swizzle(v128.load(at, 16), i8x16.shr_u(v, 4)));
}

export function isDigit(c: u32): bool {
  return c - 48 < 10;
}

/** A mark list is a count, then per word: where its checked byte is, its length, its bytes. */
export function listAfter(list: usize): usize {
  let p = list + 1;
  const n = <i32>load<u8>(list);
  for (let m = 0; m < n; m++) p += 2 + <usize>load<u8>(p + 1);
  return p;
}

/** The first word of `list` that the chunk holds around its checked byte at i, as its index, or -1. */
export function markAt(list: usize, i: i32): i32 {
  const n = <i32>load<u8>(list);
  let p = list + 1;
  for (let m = 0; m < n; m++) {
    const at = <i32>load<u8>(p);
    const size = <i32>load<u8>(p + 1);
    const word = p + 2;
    const from = i - at;
    if (from >= 0 && from + size <= length) {
      let k = 0;
      while (k < size && byte(from + k) == <u32>load<u8>(word + <usize>k)) k++;
      if (k == size) return m;
    }
    p = word + <usize>size;
  }
  return -1;
}

/** Where word m of `list` is: its checked byte's offset, its length, then its bytes. */
export function markEntry(list: usize, m: i32): usize {
  let p = list + 1;
  for (let k = 0; k < m; k++) p += 2 + <usize>load<u8>(p + 1);
  return p;
}

/** Where the checked byte of word m of `list` is in it. */
export function markOffset(list: usize, m: i32): i32 {
  return <i32>load<u8>(markEntry(list, m));
}
