// What the log scanner's walk looks for, as data: the byte classes, the candidate tables (built from
// the lexicon in ./log-candidates.ts) and the marks of deliveries, senders, Postfix's recipient and
// Apple's names. The JavaScript walk (./log-walk.ts) reads it directly; the WebAssembly walk
// (./log-walk-wasm.ts) gets it written into its memory by memoryImage().
import { ICLOUD_DOMAINS } from '../apple-domains.ts';
import { LINE_START_REACH } from '../lexicon.ts';
import { isWord, needle, NL } from './bytes.ts';
import { DELIVERY_MARKS, RECIPIENT_MARK } from './deliveries-bytes.ts';
import { CANDIDATE_TABLES, codeFirstTable } from './log-candidates.ts';
import { SENDER_MARKS } from './senders.ts';

/** A record stops taking continuation lines at this size (as the line-by-line path does). */
export const MAX_RECORD = 256 * 1024;

/** The classes of what the walk stops at: a line's end, the bytes `2` to `5` (codes), `=` (in every
 *  mark), `{` (JSON) and `.` (in Apple's names). */
export const END = 1;
export const DIGIT = 2;
export const MARK = 3;
export const JSON_OPEN = 4;
export const DOT = 5;

export interface Mark {
  bytes: Uint8Array;
  /** Where in `bytes` the walk checks for the word: its `=`, or the dot before its last label. */
  at: number;
}

export interface WalkSpec {
  class: Uint8Array;
  inside: Uint8Array;
  notBeforeEnhanced: Uint8Array;
  afterCode: Uint8Array;
  blank: Uint8Array;
  markerEnd: Uint8Array;
  afterFirstDigit: Uint8Array;
  codeFirst: Uint8Array;
  /** The bytes that follow `=` in some mark, and the dot in some Apple name. */
  afterEquals: Uint8Array;
  afterDot: Uint8Array;
  /** `\w`'s bytes. */
  word: Uint8Array;
  /** In the order deliveredIn tries them: a line's kind is the index of its first. */
  delivery: readonly Mark[];
  sender: readonly Mark[];
  recipient: readonly Mark[];
  apple: readonly Mark[];
  /** How far into a line startsLikeReply looks, in bytes. */
  reach: number;
  maxRecord: number;
}

const marks = (words: readonly string[], at: (w: string) => number): Mark[] =>
  words.map((w) => ({ bytes: needle(w), at: at(w) }));
const byEquals = (w: string) => w.indexOf('=');
const following = (list: readonly Mark[]) => {
  const t = new Uint8Array(256);
  for (const { bytes, at } of list) t[bytes[at + 1]!] = 1;
  return t;
};

/** The spec for a classifier that reads basic codes starting with the digits `codeFirst`. */
export function walkSpec(codeFirst: string): WalkSpec {
  const cls = new Uint8Array(256);
  cls[NL] = END;
  for (const c of '2345') cls[c.charCodeAt(0)] = DIGIT;
  cls['='.charCodeAt(0)] = MARK;
  cls['{'.charCodeAt(0)] = JSON_OPEN;
  cls['.'.charCodeAt(0)] = DOT;
  const delivery = marks(DELIVERY_MARKS, byEquals);
  const sender = marks(SENDER_MARKS, byEquals);
  const recipient = marks([RECIPIENT_MARK], byEquals);
  const apple = marks(ICLOUD_DOMAINS, (name) => name.lastIndexOf('.'));
  return {
    class: cls,
    ...CANDIDATE_TABLES,
    codeFirst: codeFirstTable(codeFirst),
    afterEquals: following([...delivery, ...sender, ...recipient]),
    afterDot: following(apple),
    word: Uint8Array.from({ length: 256 }, (_, c) => (isWord(c) ? 1 : 0)),
    delivery,
    sender,
    recipient,
    apple,
    reach: LINE_START_REACH * 3,
    maxRecord: MAX_RECORD,
  };
}

/**
 * Tables of the low and the high nibble for up to eight sets of bytes (the "nibble lookup" of SIMD
 * byte classifiers): byte c is in set k when `lo[c & 15] & hi[c >> 4] & bits[k]` is not zero. Each
 * bit stands for the bytes of one set with one set of low nibbles and any of some high nibbles.
 */
export function nibbleTables(sets: readonly Uint8Array[]) {
  const groups: { set: number; low: number; high: number }[] = [];
  sets.forEach((table, set) => {
    for (let h = 0; h < 16; h++) {
      let low = 0;
      for (let l = 0; l < 16; l++) if (table[h * 16 + l]) low |= 1 << l;
      if (!low) continue;
      const group = groups.find((g) => g.set === set && g.low === low);
      if (group) group.high |= 1 << h;
      else groups.push({ set, low, high: 1 << h });
    }
  });
  if (groups.length > 8) throw new Error(`the walk's byte sets need ${groups.length} nibble bits, not 8`);
  const lo = new Uint8Array(16);
  const hi = new Uint8Array(16);
  const bits = sets.map(() => 0);
  groups.forEach(({ set, low, high }, b) => {
    for (let n = 0; n < 16; n++) {
      if (low & (1 << n)) lo[n]! |= 1 << b;
      if (high & (1 << n)) hi[n]! |= 1 << b;
    }
    bits[set]! |= 1 << b;
  });
  return { lo, hi, bits };
}

const ofClass = (spec: WalkSpec, c: number) => spec.class.map((k) => (k === c ? 1 : 0));

/** The tables in the WebAssembly walk's order (src/wasm/log-walk.ts); the nibble tables of what a
 *  byte is (a digit, `=`, a dot, and the other classes), of T_INSIDE and of what may follow a mark
 *  or a candidate's first digit, with the bits that tell them apart; then each mark list as a count and, per word, its checked
 *  byte's offset, its length and its bytes. */
export function memoryImage(spec: WalkSpec): Uint8Array {
  const what = nibbleTables([DIGIT, MARK, DOT, END, JSON_OPEN].map((c) => ofClass(spec, c)));
  const before = nibbleTables([spec.inside]);
  const after = nibbleTables([spec.afterEquals, spec.afterDot, spec.afterFirstDigit]);
  const tables = [
    spec.class,
    spec.inside,
    spec.notBeforeEnhanced,
    spec.afterCode,
    spec.blank,
    spec.markerEnd,
    spec.codeFirst,
    spec.afterEquals,
    spec.afterDot,
    spec.word,
  ];
  const out: number[] = tables.flatMap((t) => [...t]);
  for (const n of [what, before, after]) out.push(...n.lo, ...n.hi);
  out.push(...what.bits.slice(0, 3), ...after.bits, 0, 0);
  for (const list of [spec.delivery, spec.sender, spec.recipient, spec.apple]) {
    out.push(list.length);
    for (const { bytes, at } of list) out.push(at, bytes.length, ...bytes);
  }
  return Uint8Array.from(out);
}
