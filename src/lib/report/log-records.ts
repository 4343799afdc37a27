// Whether a line of a log continues the record before it (an indented line, or the next line of a
// `550-` multi-line reply), on bytes: the JavaScript walk's test (./log-walk.ts); its WebAssembly
// twin is src/wasm/log-walk.ts's continuesRecord.
import { isDigit, lastIndexOfBytes } from './bytes.ts';

const LT = 60;
const SPACE = 32;
const TAB = 9;
const DASH = 45;

/** The reply code a line starts with when it may continue a multi-line reply (`550-…`, `550 …`,
 *  `<<< 550 …`; lexicon.ts's continuesReply, on bytes), as the offset of its three digits. */
function replyLineCode(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  if (i + 3 < end && bytes[i] === LT && bytes[i + 1] === LT && bytes[i + 2] === LT) {
    i += 3;
    if (bytes[i] === SPACE || bytes[i] === TAB) i++;
  }
  if (i + 3 >= end) return -1;
  const c = bytes[i];
  if (c !== 50 && c !== 52 && c !== 53) return -1;
  if (!isDigit(bytes[i + 1]) || !isDigit(bytes[i + 2])) return -1;
  const sep = bytes[i + 3];
  return sep === SPACE || sep === DASH ? i : -1;
}

/** True when the line [start, end) may continue the record before it: it is indented, or it
 *  continues a multi-line reply that the line [prevStart, prevEnd) ends inside (the last line with
 *  that code is `NNN-`). */
export function continuesRecord(
  bytes: Uint8Array,
  prevStart: number,
  prevEnd: number,
  start: number,
  end: number,
): boolean {
  const c = bytes[start];
  if (c === SPACE || c === TAB) return true;
  if (c !== 50 && c !== 52 && c !== 53 && c !== LT) return false;
  const at = replyLineCode(bytes, start, end);
  if (at < 0) return false;
  const dash = Uint8Array.of(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, DASH);
  const d = lastIndexOfBytes(bytes, dash, prevStart, prevEnd);
  if (d < 0) return false;
  dash[3] = SPACE;
  return d > lastIndexOfBytes(bytes, dash, prevStart, prevEnd);
}
