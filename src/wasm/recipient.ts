// Postfix's recipient on a delivery line, read where the walk found it (../lib/report/
// deliveries-bytes.ts's postfixRecipient, whose answers it gives): `to=<…@…>` before the first
// `status=sent`, or "read the line as text" where bytes over 0x7f or a later mark could change the
// answer; and the hash of the recipient's domain (deliveries-bytes.ts's domainHash).
import { CHUNK, CR, LT, T_WORD, byte, markEntry, table } from './memory';

const AT: u32 = 64;
const GT: u32 = 62;
/** The first byte of U+2028 and U+2029, which end a line for `.` as CR does. */
const E2: u32 = 0xe2;
export const NONE: i32 = -1;
export const TEXT: i32 = -2;

/** The last answer's recipient [recipientStart, recipientEnd), domain and domain hash. */
export let recipientStart: i32 = 0;
export let recipientEnd: i32 = 0;
export let domainStart: i32 = 0;
export let domainHash: i32 = 0;

/** True when bytes [0, limit) hold no CR and no E2, sixteen at a time (a few bytes past the limit
 *  may be read too: a CR there only costs the recipients their shortcut). */
export function plainUpTo(limit: i32): bool {
  const cr = i8x16.splat(<i8>CR);
  const e2 = i8x16.splat(<i8>E2);
  for (let b = 0; b < limit; b += 16) {
    const v = v128.load(CHUNK + <usize>b);
    if (v128.any_true(v128.or(i8x16.eq(v, cr), i8x16.eq(v, e2)))) return false;
  }
  return true;
}

/** JavaScript's `\s` on ASCII. */
function isSpace(c: u32): bool {
  return c == 32 || c - 9 < 5;
}

/** Where `word` (`size` bytes) starts in [from, to), or -1. */
function indexIn(word: usize, size: i32, from: i32, to: i32): i32 {
  const first = <u32>load<u8>(word);
  for (let i = from; i <= to - size; i++) {
    if (byte(i) != first) continue;
    let k = 1;
    while (k < size && byte(i + k) == <u32>load<u8>(word + <usize>k)) k++;
    if (k == size) return i;
  }
  return -1;
}

/** The recipient of the line [start, end) whose first `status=sent` (the first word of
 *  `deliveries`) is at `mark` and first `to=<` (the first word of `recipients`) at `to`: its start
 *  (then the globals above hold the rest), NONE or TEXT. */
export function postfixRecipient(
  deliveries: usize,
  recipients: usize,
  start: i32,
  end: i32,
  mark: i32,
  to: i32,
  plain: bool,
): i32 {
  const toEntry = markEntry(recipients, 0);
  const toSize = <i32>load<u8>(toEntry + 1);
  const markSize = <i32>load<u8>(markEntry(deliveries, 0) + 1);
  for (let i = to; i >= 0; i = indexIn(toEntry + 2, toSize, i + 1, end)) {
    if (i > start && table(T_WORD, byte(i - 1))) continue;
    const from = i + toSize;
    let j = from;
    for (; j < end && j - from <= 64; j++) {
      const c = byte(j);
      if (c > 0x7f) return TEXT;
      if (c == AT || c == LT || c == GT || isSpace(c)) break;
    }
    if (j == from || j - from > 64 || byte(j) != AT) continue;
    let k = j + 1;
    for (; k < end && k - j <= 256; k++) {
      const c = byte(k);
      if (c > 0x7f) return TEXT;
      if (c == LT || c == GT || isSpace(c)) break;
    }
    if (k == j + 1 || k - j - 1 > 255 || k >= end || byte(k) != GT) continue;
    const after = mark + markSize;
    if (mark <= k || table(T_WORD, byte(mark - 1)) || (after < end && table(T_WORD, byte(after))))
      return TEXT;
    if (!plain) for (let m = k + 1; m < mark; m++) if (byte(m) == CR || byte(m) == E2) return TEXT;
    recipientStart = from;
    recipientEnd = k;
    let d = k - 1;
    while (byte(d) != AT) d--;
    domainStart = d + 1;
    let h: u32 = 0x811c9dc5;
    for (let n = domainStart; n < k; n++) {
      const c = byte(n);
      h = (h ^ (c - 65 < 26 ? c + 32 : c)) * 0x01000193;
    }
    domainHash = <i32>h;
    return from;
  }
  return NONE;
}
