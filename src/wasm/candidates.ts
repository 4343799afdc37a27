// Whether a line may hold a reply, and whether a line continues the record before it: the
// JavaScript walk's tests (../lib/report/log-candidates.ts, log-records.ts) on the chunk in memory.
import {
  BRACKET,
  COMMA,
  DASH,
  LT,
  NL,
  PAREN,
  PERIOD,
  QUOTE,
  SPACE,
  TAB,
  T_AFTER_CODE,
  T_BLANK,
  T_CODE_FIRST,
  T_INSIDE,
  T_MARKER_END,
  T_NOT_BEFORE_ENH,
  byte,
  isDigit,
  length,
  table,
} from './memory';

/** How far into a line startsLikeReply looks, in bytes. */
let reach: i32 = 0;

export function setReach(bytes: i32): void {
  reach = bytes;
}

export function markedEnhanced(start: i32, i: i32): bool {
  if (i + 2 >= length || byte(i + 1) != PERIOD || !isDigit(byte(i + 2))) return false;
  if (i > start && table(T_NOT_BEFORE_ENH, byte(i - 1))) return false;
  let j = i - 1;
  while (j >= start && table(T_BLANK, byte(j))) j--;
  return j < start || table(T_MARKER_END, byte(j)) == 1;
}

export function candidateAt(start: i32, i: i32): bool {
  if (i + 3 >= length) return false;
  const c = byte(i);
  const before = i > start ? byte(i - 1) : SPACE;
  if (isDigit(byte(i + 1)) && isDigit(byte(i + 2))) {
    const after = byte(i + 3);
    if (table(T_CODE_FIRST, c) && after != NL && table(T_AFTER_CODE, after) && !table(T_INSIDE, before))
      return true;
    return before == PAREN && after == COMMA;
  }
  return c != 51 && markedEnhanced(start, i);
}

export function startsLikeReply(start: i32, end: i32): bool {
  const last = start + reach;
  let i = start;
  while (i < end && i <= last && table(T_BLANK, byte(i))) i++;
  if (i + 1 >= end) return i < end && (byte(i) == QUOTE || byte(i) == BRACKET);
  const c = byte(i);
  return c == QUOTE || c == BRACKET || ((c == 50 || c == 52 || c == 53) && byte(i + 1) == PERIOD);
}

export function replyLineCode(start: i32, end: i32): i32 {
  let i = start;
  if (i + 3 < end && byte(i) == LT && byte(i + 1) == LT && byte(i + 2) == LT) {
    i += 3;
    if (byte(i) == SPACE || byte(i) == TAB) i++;
  }
  if (i + 3 >= end) return -1;
  const c = byte(i);
  if (c != 50 && c != 52 && c != 53) return -1;
  if (!isDigit(byte(i + 1)) || !isDigit(byte(i + 2))) return -1;
  const sep = byte(i + 3);
  return sep == SPACE || sep == DASH ? i : -1;
}

/** Where the last `code` followed by `sep` in [from, to) starts, or -1. */
export function lastCode(code: i32, sep: u32, from: i32, to: i32): i32 {
  const a = byte(code);
  const b = byte(code + 1);
  const c = byte(code + 2);
  for (let i = to - 4; i >= from; i--)
    if (byte(i) == a && byte(i + 1) == b && byte(i + 2) == c && byte(i + 3) == sep) return i;
  return -1;
}

export function continuesRecord(prevStart: i32, prevEnd: i32, start: i32, end: i32): bool {
  const c = byte(start);
  if (c == SPACE || c == TAB) return true;
  if (c != 50 && c != 52 && c != 53 && c != LT) return false;
  const at = replyLineCode(start, end);
  if (at < 0) return false;
  const d = lastCode(at, DASH, prevStart, prevEnd);
  if (d < 0) return false;
  return d > lastCode(at, SPACE, prevStart, prevEnd);
}
