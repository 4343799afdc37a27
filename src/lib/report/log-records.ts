// The records of a chunk of a log (a line, plus any indented or `550-` continuation lines), kept in
// typed arrays reused from chunk to chunk (a log has millions of lines), and the test of whether a
// line continues the reply of the line before it.
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

const grown = <T extends Int32Array | Float64Array | Uint8Array>(from: T, to: T): T => (to.set(from), to);

export class Records {
  n = 0;
  start = new Int32Array(4096);
  end = new Int32Array(4096);
  /** Line numbers (from 1) of the records' first lines. */
  first = new Float64Array(4096);
  count = new Int32Array(4096);
  /** May hold a reply. */
  hit = new Uint8Array(4096);

  push(start: number, end: number, first: number, hit: boolean) {
    if (this.n === this.start.length) this.grow();
    const k = this.n++;
    this.start[k] = start;
    this.end[k] = end;
    this.first[k] = first;
    this.count[k] = 1;
    this.hit[k] = hit ? 1 : 0;
  }

  /** The last record takes the line that ends at `end`. */
  extend(end: number) {
    const k = this.n - 1;
    this.end[k] = end;
    this.count[k]!++;
  }

  private grow() {
    const size = this.start.length * 2;
    this.start = grown(this.start, new Int32Array(size));
    this.end = grown(this.end, new Int32Array(size));
    this.first = grown(this.first, new Float64Array(size));
    this.count = grown(this.count, new Int32Array(size));
    this.hit = grown(this.hit, new Uint8Array(size));
  }
}
