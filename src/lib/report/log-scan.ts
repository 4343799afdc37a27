// The fast path for mail logs, where the speed of the report comes from. A chunk of bytes is walked
// once to find its records (a line, plus any indented or `550-` continuation lines); the few that may
// hold a reply (./log-candidates.ts) are decoded and given to the prefilter and the engine. Lines
// that may be deliveries (to any provider) or name a queue's sender are found by searching the bytes
// for their marks and handed on as byte ranges: the rest of the log is never turned into text.
import { ICLOUD_DOMAINS } from '../apple-domains.ts';
import { firstDigits } from '../lexicon.ts';
import { CR, NL, type ByteSearch, lastIndexOfBytes, lineStart, needle, searchBytes } from './bytes.ts';
import { DELIVERY_MARKS, type DeliveryLine } from './deliveries-bytes.ts';
import { candidateTest, startsLikeReply } from './log-candidates.ts';
import { SENDER_MARKS } from './senders.ts';

/** A record stops taking continuation lines at this size (as the line-by-line path does). */
export const MAX_RECORD = 256 * 1024;

const DELIVERY_NEEDLES = DELIVERY_MARKS.map(needle);
const SENDER_NEEDLES = SENDER_MARKS.map(needle);
/** A delivery naming one of these anywhere counts as iCloud's (see ./intake/file.ts). */
const APPLE_NEEDLES = ICLOUD_DOMAINS.map(needle);
const LT = 60;
const SPACE = 32;
const TAB = 9;
const DASH = 45;

export interface LogSink {
  /** A record that may hold a reply: bytes [start, end), its first line number and line count. */
  record(bytes: Uint8Array, start: number, end: number, line: number, lines: number): void;
  /** Lines in records that cannot hold a reply. */
  skip(lines: number): void;
  /** A line that may be a delivery (the object is reused from line to line). */
  deliveryLine(bytes: Uint8Array, line: DeliveryLine): void;
  /** A line that may name a queue id's envelope sender. */
  senderLine(bytes: Uint8Array, start: number, end: number): void;
}

const isDigit = (c: number | undefined) => c !== undefined && c >= 48 && c <= 57;

/** The reply code a line starts with when it may continue a multi-line reply (`550-…`, `550 …`,
 *  `<<< 550 …`; lexicon.ts's continuesReply, on bytes), as the offset of its three digits. */
function replyLineCode(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  if (bytes[i] === LT && bytes[i + 1] === LT && bytes[i + 2] === LT) {
    i += 3;
    if (bytes[i] === SPACE || bytes[i] === TAB) i++;
  }
  const c = bytes[i];
  if (c !== 50 && c !== 52 && c !== 53) return -1;
  if (!isDigit(bytes[i + 1]) || !isDigit(bytes[i + 2]) || i + 3 >= end) return -1;
  const sep = bytes[i + 3];
  return sep === SPACE || sep === DASH ? i : -1;
}

/** True when the line [start, end) continues a multi-line reply that the line [prevStart, prevEnd)
 *  ends inside: its last line with that code is `NNN-`. */
function continuesReply(bytes: Uint8Array, prevStart: number, prevEnd: number, start: number, end: number) {
  const at = replyLineCode(bytes, start, end);
  if (at < 0) return false;
  const dash = Uint8Array.of(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, DASH);
  const d = lastIndexOfBytes(bytes, dash, prevStart, prevEnd);
  if (d < 0) return false;
  dash[3] = SPACE;
  return d > lastIndexOfBytes(bytes, dash, prevStart, prevEnd);
}

/** The records of a chunk, in arrays reused from chunk to chunk (a log has millions of lines). */
class Records {
  n = 0;
  start = new Int32Array(4096);
  end = new Int32Array(4096);
  first = new Float64Array(4096);
  count = new Int32Array(4096);
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

  private grow() {
    const size = this.start.length * 2;
    const more = <T extends Int32Array | Float64Array | Uint8Array>(a: T, b: T) => (b.set(a), b);
    this.start = more(this.start, new Int32Array(size));
    this.end = more(this.end, new Int32Array(size));
    this.first = more(this.first, new Float64Array(size));
    this.count = more(this.count, new Int32Array(size));
    this.hit = more(this.hit, new Uint8Array(size));
  }
}

export class LogScanner {
  private readonly mayHoldReply: ReturnType<typeof candidateTest>;
  private readonly search: ByteSearch;
  private readonly records = new Records();
  private readonly marks: number[] = [];
  private readonly apple: number[] = [];
  private readonly delivery: DeliveryLine = {
    start: 0,
    end: 0,
    apple: false,
    kind: 0,
    mark: 0,
    plain: false,
  };

  /** `codes` are the basic codes the classifier reads (lexicon.ts's replyCodes); `search` finds
   *  bytes (Node passes a faster one). */
  constructor(codes: Iterable<number>, search: ByteSearch = searchBytes) {
    this.mayHoldReply = candidateTest(firstDigits(codes));
    this.search = search;
  }

  /** Walks the complete lines of bytes [0, limit) once, grouping them into records. Returns the
   *  lines read and whether the last record may still take continuation lines from the next chunk. */
  private frame(bytes: Uint8Array, limit: number, firstLine: number) {
    const r = this.records;
    r.n = 0;
    let line = firstLine;
    let open = false;
    let prevStart = 0;
    let prevEnd = 0;
    for (let pos = 0; pos < limit;) {
      let nl = this.search(bytes, NL, pos);
      if (nl < 0 || nl >= limit) nl = limit;
      const end = nl > pos && bytes[nl - 1] === CR ? nl - 1 : nl;
      line++;
      if (end === pos) open = false;
      else {
        const k = r.n - 1;
        const c = bytes[pos];
        const continues =
          open &&
          k >= 0 &&
          end - r.start[k]! < MAX_RECORD &&
          (c === SPACE ||
            c === TAB ||
            ((c === 50 || c === 52 || c === 53 || c === LT) &&
              continuesReply(bytes, prevStart, prevEnd, pos, end)));
        if (continues) {
          r.end[k] = end;
          r.count[k]!++;
        } else {
          r.push(pos, end, line, startsLikeReply(bytes, pos, end));
          open = true;
        }
        prevStart = pos;
        prevEnd = end;
      }
      pos = nl + 1;
    }
    return { lines: line - firstLine, open };
  }

  /**
   * Scans `bytes` from its start; unless `final`, the last record (which the next chunk may
   * continue) and any unfinished line are left unread. Returns where reading stopped and how many
   * lines were read.
   */
  scan(
    bytes: Uint8Array,
    firstLine: number,
    final: boolean,
    sink: LogSink,
  ): { consumed: number; lines: number } {
    const limit = final ? bytes.length : bytes.lastIndexOf(NL) + 1;
    if (limit === 0) return { consumed: 0, lines: 0 };
    const { lines: read, open } = this.frame(bytes, limit, firstLine);
    const r = this.records;
    let n = r.n;
    let consumed = limit;
    let lines = read;
    if (!final && open && n > 0) {
      n--;
      consumed = r.start[n]!;
      lines -= r.count[n]!;
    }
    // JSON anywhere in a record: the engine reads webhook events and fragments in log lines.
    this.markRecords(bytes, consumed, n);
    // Senders before the records: a reply's qmgr line is earlier in the log, often in the same chunk.
    for (const mark of SENDER_NEEDLES)
      this.eachLine(bytes, mark, consumed, (start, end) => sink.senderLine(bytes, start, end));
    for (let k = 0; k < n; k++) {
      const start = r.start[k]!;
      const end = r.end[k]!;
      const count = r.count[k]!;
      if (r.hit[k] || count > 1 || this.mayHoldReply(bytes, start, end))
        sink.record(bytes, start, end, r.first[k]!, count);
      else sink.skip(1);
    }
    this.deliveries(bytes, consumed, sink);
    return { consumed, lines };
  }

  /** Marks the records holding a `{`. */
  private markRecords(bytes: Uint8Array, to: number, n: number) {
    const r = this.records;
    let k = 0;
    for (let i = this.search(bytes, 123, 0); i >= 0 && i < to; i = this.search(bytes, 123, i + 1)) {
      while (k < n && r.end[k]! < i) k++;
      if (k >= n) break;
      r.hit[k] = 1;
    }
  }

  /** Calls `line` with the bounds of each line of bytes [0, to) that holds `mark`, once per line,
   *  and where the mark is. Lines are found from the records, without searching the bytes again.
   *  A mark that starts with a space is searched without it (a space is in every line) and the
   *  space checked after. */
  private eachLine(
    bytes: Uint8Array,
    mark: Uint8Array,
    to: number,
    line: (start: number, end: number, at: number) => void,
  ) {
    const r = this.records;
    const spaced = mark[0] === SPACE ? 1 : 0;
    const what = spaced ? mark.subarray(1) : mark;
    let k = 0;
    for (let i = this.search(bytes, what, 0); i >= 0 && i < to;) {
      if (spaced && bytes[i - 1] !== SPACE) {
        i = this.search(bytes, what, i + 1);
        continue;
      }
      while (k < r.n && r.end[k]! < i) k++;
      let s: number;
      let e: number;
      if (k < r.n && r.count[k] === 1 && r.start[k]! <= i) {
        s = r.start[k]!;
        e = r.end[k]!;
      } else {
        // A line of a multi-line record.
        s = lineStart(bytes, i);
        e = this.search(bytes, NL, i);
        if (e < 0 || e > to) e = to;
        if (e > s && bytes[e - 1] === CR) e--;
      }
      line(s, e, i - spaced);
      i = this.search(bytes, what, e + 1);
    }
  }

  /** Each line that holds a delivery mark, once, in order, with the first mark deliveredIn would
   *  try (a line may hold two kinds). */
  private deliveries(bytes: Uint8Array, to: number, sink: LogSink) {
    const found = this.marks;
    found.length = 0;
    let kinds = 0;
    DELIVERY_NEEDLES.forEach((mark, kind) => {
      const before = found.length;
      this.eachLine(bytes, mark, to, (s, e, at) => found.push(s, e, kind, at));
      if (found.length > before) kinds++;
    });
    if (!found.length) return;
    const lines = kinds > 1 ? byStart(found) : found;
    const apple = this.appleNames(bytes, to);
    const d = this.delivery;
    // `.` in deliveredIn's expressions stops at CR, U+2028 and U+2029 (bytes E2 80 A8/A9).
    d.plain = this.search(bytes, CR, 0) < 0 && this.search(bytes, 0xe2, 0) < 0;
    let a = 0;
    for (let k = 0; k < lines.length; k += 4) {
      const s = lines[k]!;
      if (k > 0 && s === lines[k - 4]) continue;
      const e = lines[k + 1]!;
      while (a < apple.length && apple[a]! < s) a += 2;
      // Some name starts in the line and ends before its end.
      let named = false;
      for (let b = a; b < apple.length && apple[b]! < e; b += 2) if (apple[b + 1]! <= e) named = true;
      d.start = s;
      d.end = e;
      d.apple = named;
      d.kind = lines[k + 2]!;
      d.mark = lines[k + 3]!;
      sink.deliveryLine(bytes, d);
    }
  }

  /** Where Apple's mail domains occur in bytes [0, to): start, end, start, end, … by start. */
  private appleNames(bytes: Uint8Array, to: number): number[] {
    const found = this.apple;
    found.length = 0;
    for (const name of APPLE_NEEDLES)
      for (let i = this.search(bytes, name, 0); i >= 0 && i < to; i = this.search(bytes, name, i + 1))
        found.push(i, i + name.length);
    return APPLE_NEEDLES.length > 1 ? byStart(found, 2) : found;
  }
}

/** Groups of `size` numbers sorted by their first, then their third (a stable order of kinds). */
function byStart(flat: number[], size = 4): number[] {
  const order = Array.from({ length: flat.length / size }, (_, g) => g * size);
  order.sort((x, y) => flat[x]! - flat[y]! || (flat[x + 2] ?? 0) - (flat[y + 2] ?? 0));
  return order.flatMap((g) => flat.slice(g, g + size));
}
