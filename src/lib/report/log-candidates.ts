// Which records of a log may hold a reply, judged from their bytes. Built from the engine's lexicon
// (../lexicon.ts) and looser than it: a record is a candidate when it has a basic code as the
// scanner reads one, a lone enhanced code right after a marker (`said: 5.1.1`, `smtp; 5.1.1`), a
// Python smtplib tuple, JSON, or a line that starts like a reply. Deliveries (`status=sent (250
// 2.0.0 Ok)`) have none of these. tests/unit/prefilter.test.ts holds the scanner to the engine.
import { isDigit, isWord } from './bytes.ts';
import { ENHANCED_MARKER_ENDS, LINE_START_REACH, NOT_BEFORE_CODE, NOT_BEFORE_ENHANCED } from '../lexicon.ts';

const table = (test: (c: number) => boolean) => Uint8Array.from({ length: 256 }, (_, c) => (test(c) ? 1 : 0));
const among = (chars: string) => {
  const set = new Set([...chars].map((ch) => ch.charCodeAt(0)));
  return (c: number) => set.has(c);
};

/** Bytes that may not come right before a code (a word character, `.`, `@`, …). */
const NOT_BEFORE = table((c) => isWord(c) || among(NOT_BEFORE_CODE)(c));
const NOT_BEFORE_ENH = table((c) => isWord(c) || among(NOT_BEFORE_ENHANCED)(c));
/** What may follow a basic code: `-`, `:`, or a blank once control characters are spaces. Bytes
 *  of 0x80 and over may be part of a Unicode space, a C1 control or U+FFFD. */
const AFTER_CODE = table((c) => c === 45 || c === 58 || c <= 32 || c >= 127);
/** A blank as the engine sees one, loosely: the same bytes but `-` and `:`. */
const BLANK = table((c) => c <= 32 || c >= 127);
const MARKER_END = table(among(ENHANCED_MARKER_ENDS));
/** What follows the first digit of anything candidateAt takes: a digit (a code), or `.` (an
 *  enhanced code). */
const AFTER_FIRST_DIGIT = table((c) => isDigit(c) || c === 46);

/** The tables the walk's twin in WebAssembly (src/wasm/log-walk.ts) reads, as ./log-walk-spec.ts
 *  hands them on. `inside`: after these nothing a candidate needs starts, since a basic or enhanced
 *  code or a Python tuple's code never follows them (the walk's cheap test before candidateTest's). */
export const CANDIDATE_TABLES = {
  inside: NOT_BEFORE,
  notBeforeEnhanced: NOT_BEFORE_ENH,
  afterCode: AFTER_CODE,
  blank: BLANK,
  markerEnd: MARKER_END,
  afterFirstDigit: AFTER_FIRST_DIGIT,
};

/** The first digits of the basic codes the classifier reads (lexicon's firstDigits), as a table. */
export const codeFirstTable = (codeFirst: string) => table(among(codeFirst));

const DOT = 46;
const PAREN = 40;
const COMMA = 44;
const QUOTE = 34;
const BRACKET = 91;
const SPACE = 32;
const NL = 10;

/** True when the line at [start, end) starts, after blanks, with what the engine reads as JSON or
 *  as a lone enhanced code: `"`, `[`, or `2.`, `4.`, `5.`. */
export function startsLikeReply(bytes: Uint8Array, start: number, end: number): boolean {
  // A blank of more than one byte (a Unicode space) counts as one character of the reach.
  const reach = start + LINE_START_REACH * 3;
  let i = start;
  while (i < end && i <= reach && BLANK[bytes[i]!]) i++;
  // Reads stay inside the array: a read past its end costs the optimised code (V8 deoptimises).
  if (i + 1 >= end) return i < end && (bytes[i] === QUOTE || bytes[i] === BRACKET);
  const c = bytes[i];
  return c === QUOTE || c === BRACKET || ((c === 50 || c === 52 || c === 53) && bytes[i + 1] === DOT);
}

/** `codeFirst` are the first digits of the basic codes the classifier reads (lexicon's firstDigits).
 *  The test returned says whether what starts at `i`, a byte from `2` to `5` in the line that starts
 *  at `start`, makes the line a candidate. */
export function candidateTest(codeFirst: string) {
  const CODE_FIRST = codeFirstTable(codeFirst);
  /** A lone enhanced code at i whose blanks before it follow a marker, or start the line. */
  function markedEnhanced(bytes: Uint8Array, start: number, i: number): boolean {
    if (i + 2 >= bytes.length || bytes[i + 1] !== DOT || !isDigit(bytes[i + 2])) return false;
    if (i > start && NOT_BEFORE_ENH[bytes[i - 1]!]) return false;
    let j = i - 1;
    while (j >= start && BLANK[bytes[j]!]) j--;
    return j < start || MARKER_END[bytes[j]!] === 1;
  }
  return function candidateAt(bytes: Uint8Array, start: number, i: number): boolean {
    // Reads stay inside the array: a read past its end costs the optimised code (V8 deoptimises).
    if (i + 3 >= bytes.length || !AFTER_FIRST_DIGIT[bytes[i + 1]!]) return false;
    const c = bytes[i]!;
    const before = i > start ? bytes[i - 1]! : SPACE;
    if (isDigit(bytes[i + 1]) && isDigit(bytes[i + 2])) {
      // A basic code: the byte after it is in the line (a line's end is not after it).
      const after = bytes[i + 3]!;
      if (CODE_FIRST[c] && after !== NL && AFTER_CODE[after] && !NOT_BEFORE[before]) return true;
      // Python's `(550, b'…')`, `(354, …)`.
      return before === PAREN && after === COMMA;
    }
    // 3 starts no enhanced code.
    return c !== 51 && markedEnhanced(bytes, start, i);
  };
}
