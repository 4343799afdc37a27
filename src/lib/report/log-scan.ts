// The fast path for mail logs, where the speed of the report comes from. A chunk of bytes is walked
// once, byte by byte: lines are grouped into records (a line, plus any indented or `550-`
// continuation lines), and the few records that may hold a reply (./log-candidates.ts) are
// decoded and given to the prefilter and the engine. Lines that may be deliveries (to any provider)
// or name a queue's sender are found in the same walk by their marks and handed on as byte ranges:
// the rest of the log is never turned into text.
import { ICLOUD_DOMAINS } from '../apple-domains.ts';
import { firstDigits } from '../lexicon.ts';
import { CR, NL, type ByteSearch, needle, searchBytes } from './bytes.ts';
import { DELIVERY_MARKS, type DeliveryLine, RECIPIENT_MARK } from './deliveries-bytes.ts';
import { candidateTest, INSIDE, startsLikeReply } from './log-candidates.ts';
import { continuesRecord, Records } from './log-records.ts';
import { SENDER_MARKS } from './senders.ts';

/** A record stops taking continuation lines at this size (as the line-by-line path does). */
export const MAX_RECORD = 256 * 1024;

/** A delivery naming one of these anywhere counts as iCloud's (see ./intake/file.ts): each is
 *  checked where the walk meets the dot before its last label. */
const APPLE = ICLOUD_DOMAINS.map((name) => ({ bytes: needle(name), at: name.lastIndexOf('.') }));
/** What the walk stops at: a line's end, the bytes `2` to `5` (codes), `=` (in every mark) and `{`. */
const END = 1;
const DIGIT = 2;
const MARK = 3;
const JSON_OPEN = 4;
const DOT = 5;
const CLASS = new Uint8Array(256);
CLASS[NL] = END;
for (const c of '2345') CLASS[c.charCodeAt(0)] = DIGIT;
CLASS['='.charCodeAt(0)] = MARK;
CLASS['{'.charCodeAt(0)] = JSON_OPEN;
CLASS['.'.charCodeAt(0)] = DOT;

/** Each mark has an `=`; where, so a mark is checked where the walk meets one. */
const marks = (words: readonly string[]) => words.map((w) => ({ bytes: needle(w), at: w.indexOf('=') }));
const DELIVERY = marks(DELIVERY_MARKS);
const SENDER = marks(SENDER_MARKS);
/** Where a Postfix delivery's recipient starts (./deliveries-bytes.ts starts reading there). */
const RECIPIENT = marks([RECIPIENT_MARK]);

/** The bytes that follow the checked dot in some Apple name. */
const AFTER_DOT = new Uint8Array(256);
for (const { bytes, at } of APPLE) AFTER_DOT[bytes[at + 1]!] = 1;

/** The bytes that follow `=` in some mark. */
const AFTER_EQUALS = new Uint8Array(256);
for (const { bytes, at } of [...DELIVERY, ...SENDER, ...RECIPIENT]) AFTER_EQUALS[bytes[at + 1]!] = 1;

/** The first of `list` that `bytes` hold around the `=` at i, as its index, or -1. */
function markAt(bytes: Uint8Array, i: number, list: readonly { bytes: Uint8Array; at: number }[]): number {
  for (let m = 0; m < list.length; m++) {
    const { bytes: word, at } = list[m]!;
    const from = i - at;
    // Reads stay inside the array (a read past either end deoptimises the walk).
    if (from < 0 || from + word.length > bytes.length) continue;
    let k = 0;
    while (k < word.length && bytes[from + k] === word[k]) k++;
    if (k === word.length) return m;
  }
  return -1;
}

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

export class LogScanner {
  private readonly candidateAt: ReturnType<typeof candidateTest>;
  private readonly search: ByteSearch;
  private readonly records = new Records();
  /** Delivery lines of the chunk: start, end, kind, mark, to, apple (1 or 0), … */
  private readonly deliveryLines: number[] = [];
  /** Sender lines of the chunk: start, end, … */
  private readonly senderLines: number[] = [];
  private readonly delivery: DeliveryLine = {
    start: 0,
    end: 0,
    apple: false,
    kind: 0,
    mark: 0,
    to: -1,
    plain: false,
  };

  /** `codes` are the basic codes the classifier reads (lexicon.ts's replyCodes); `search` finds
   *  bytes (Node passes a faster one). */
  constructor(codes: Iterable<number>, search: ByteSearch = searchBytes) {
    this.candidateAt = candidateTest(firstDigits(codes));
    this.search = search;
  }

  /** Walks bytes [0, limit) of complete lines once: records, whether each may hold a reply, and the
   *  delivery and sender lines. Returns the lines read and whether the last record may still take
   *  continuation lines from the next chunk. */
  private walk(bytes: Uint8Array, limit: number, firstLine: number) {
    const r = this.records;
    const deliveries = this.deliveryLines;
    const senders = this.senderLines;
    r.n = 0;
    deliveries.length = 0;
    senders.length = 0;
    let line = firstLine;
    let open = false;
    let prevStart = 0;
    let prevEnd = 0;
    let start = 0;
    // What the current line holds so far.
    let hit = false;
    let kind = DELIVERY.length;
    let mark = 0;
    let to = -1;
    let apple = false;
    let sender = false;
    // bytes[limit - 1] is a line's end (scan() sees to it).
    for (let i = 0; i < limit; i++) {
      const t = CLASS[bytes[i]!]!;
      // Most bytes: nothing to look at.
      if (t === 0) continue;
      if (t === DIGIT) {
        // Inside a number or a word nothing starts (a cheap test before the full one).
        if (!hit && (i === start || !INSIDE[bytes[i - 1]!]) && this.candidateAt(bytes, start, i)) hit = true;
        continue;
      }
      if (t === MARK) {
        // Most `=` are fields (`relay=`, `delay=`) that no mark has.
        if (i + 1 === limit || !AFTER_EQUALS[bytes[i + 1]!]) continue;
        const d = markAt(bytes, i, DELIVERY);
        if (d >= 0 && d < kind) {
          kind = d;
          mark = i - DELIVERY[d]!.at;
        }
        if (!sender && markAt(bytes, i, SENDER) >= 0) sender = true;
        if (to < 0 && markAt(bytes, i, RECIPIENT) >= 0) to = i - RECIPIENT[0]!.at;
        continue;
      }
      if (t === JSON_OPEN) {
        hit = true;
        continue;
      }
      if (t === DOT) {
        if (!apple && i + 1 < limit && AFTER_DOT[bytes[i + 1]!] && markAt(bytes, i, APPLE) >= 0) apple = true;
        continue;
      }
      // The end of a line.
      const end = i > start && bytes[i - 1] === CR ? i - 1 : i;
      line++;
      if (end === start) open = false;
      else {
        const k = r.n - 1;
        if (
          open &&
          k >= 0 &&
          end - r.start[k]! < MAX_RECORD &&
          continuesRecord(bytes, prevStart, prevEnd, start, end)
        )
          r.extend(end);
        else {
          r.push(start, end, line, hit || startsLikeReply(bytes, start, end));
          open = true;
        }
        prevStart = start;
        prevEnd = end;
        if (kind < DELIVERY.length) deliveries.push(start, end, kind, mark, to, apple ? 1 : 0);
        if (sender) senders.push(start, end);
      }
      start = i + 1;
      hit = false;
      kind = DELIVERY.length;
      to = -1;
      apple = false;
      sender = false;
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
    // The last line of the input ends with it: the walk then only meets lines that end with `\n`.
    if (final && bytes.length && bytes[bytes.length - 1] !== NL) {
      const ended = new Uint8Array(bytes.length + 1);
      ended.set(bytes);
      ended[bytes.length] = NL;
      const { lines } = this.scan(ended, firstLine, true, sink);
      return { consumed: bytes.length, lines };
    }
    const limit = bytes.lastIndexOf(NL) + 1;
    if (limit === 0) return { consumed: 0, lines: 0 };
    const { lines: read, open } = this.walk(bytes, limit, firstLine);
    const r = this.records;
    let n = r.n;
    let consumed = limit;
    let lines = read;
    if (!final && open && n > 0) {
      n--;
      consumed = r.start[n]!;
      lines -= r.count[n]!;
    }
    // Senders before the records: a reply's qmgr line is earlier in the log, often in the same chunk.
    const senders = this.senderLines;
    for (let k = 0; k < senders.length && senders[k]! < consumed; k += 2)
      sink.senderLine(bytes, senders[k]!, senders[k + 1]!);
    for (let k = 0; k < n; k++) {
      const count = r.count[k]!;
      if (r.hit[k] || count > 1) sink.record(bytes, r.start[k]!, r.end[k]!, r.first[k]!, count);
      else sink.skip(1);
    }
    this.deliveries(bytes, consumed, sink);
    return { consumed, lines };
  }

  /** Each line that holds a delivery mark, once, in order, with the first mark of the first kind
   *  deliveredIn would try. */
  private deliveries(bytes: Uint8Array, to: number, sink: LogSink) {
    const lines = this.deliveryLines;
    if (!lines.length) return;
    const d = this.delivery;
    // `.` in deliveredIn's expressions stops at CR, U+2028 and U+2029 (bytes E2 80 A8/A9).
    d.plain = this.search(bytes, CR, 0) < 0 && this.search(bytes, 0xe2, 0) < 0;
    for (let k = 0; k < lines.length && lines[k]! < to; k += 6) {
      d.start = lines[k]!;
      d.end = lines[k + 1]!;
      d.kind = lines[k + 2]!;
      d.mark = lines[k + 3]!;
      d.to = lines[k + 4]!;
      d.apple = lines[k + 5] === 1;
      sink.deliveryLine(bytes, d);
    }
  }
}
