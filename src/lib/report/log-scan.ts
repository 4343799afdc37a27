// The fast path for mail logs, where the speed of the report comes from: a chunk of complete lines
// is walked once to find its records (a line, plus any indented or `550-` continuation lines), then
// one regular expression over the whole chunk finds the few records that may hold a reply, and
// only those are cut out as strings and given to the prefilter and the engine. Deliveries (to any
// provider) and Postfix's qmgr sender lines are looked up the same way.

import {
  ANY_MARKER,
  BLANK,
  LINE_START_REACH,
  PYTHON_OPEN,
  codeShape,
  continuesReply,
  firstDigits,
} from '../lexicon.ts';
import { SENDER_MARKS } from './senders.ts';

/** A record stops taking continuation lines at this size (as the line-by-line path does). */
export const MAX_RECORD = 256 * 1024;
const NL = 10;
const CR = 13;

/** Where a record may hold a reply: with the line starts checked in scan(), a superset of
 *  ./prefilter.ts for one-line records. (Line starts as alternatives here would be tried at every
 *  line and make the expression four times slower.) */
function candidateRegex(digits: string): RegExp {
  // An enhanced code counts only after a marker: any marker makes the record a candidate.
  return new RegExp([codeShape(digits), String.raw`\{`, PYTHON_OPEN, ANY_MARKER].join('|'), 'gi');
}

/** Lines that may be a delivery (./deliveries.ts reads them) or a qmgr line naming the sender. */
const DELIVERY_LINE = /status=sent|stat=Sent| => /g;
const BLANK_CHAR = new RegExp(BLANK);

export interface LogSink {
  /** A record that may hold a reply, with its first line number and its number of lines. */
  record(text: string, line: number, lines: number): void;
  /** Lines in records that cannot hold a reply. */
  skip(lines: number): void;
  /** A line that may be a delivery. */
  deliveryLine(text: string): void;
  /** A line that may name a queue id's envelope sender. */
  senderLine(text: string): void;
}

/** True when the line at [s, e) starts (after blanks) with what the engine reads as JSON or as a
 *  lone enhanced code: `"`, `[`, or `5.`, `4.`, `2.`. */
function startsLikeReply(text: string, s: number, e: number): boolean {
  let i = s;
  for (; i < e && i - s <= LINE_START_REACH; i++) {
    const c = text.charCodeAt(i);
    // Printable ASCII other than a space ends the blanks without the regular expression.
    if (c !== 32 && c !== 9 && ((c > 32 && c < 127) || !BLANK_CHAR.test(text[i]!))) break;
  }
  const c = text.charCodeAt(i);
  return c === 34 || c === 91 || ((c === 50 || c === 52 || c === 53) && text.charCodeAt(i + 1) === 46);
}

/** Calls `fn` once for each whole line of `region` that `re` (global) matches. */
function eachLine(region: string, consumed: number, re: RegExp, fn: (line: string) => void) {
  re.lastIndex = 0;
  for (let m = re.exec(region); m; m = re.exec(region)) {
    const s = region.lastIndexOf('\n', m.index) + 1;
    let e = region.indexOf('\n', m.index);
    if (e < 0) e = consumed;
    fn(region.slice(s, e));
    re.lastIndex = e + 1;
  }
}

/** A record found in a chunk: its text is [start, end), its first line number and line count. */
interface LogRecord {
  start: number;
  end: number;
  first: number;
  count: number;
  /** May hold a reply: its line starts like one, or the candidate expression touched it. */
  hit: boolean;
}

/** Walks the complete lines of text[0, limit) once, grouping them into records. `open` says the
 *  last record may still take continuation lines from the next chunk. */
function frame(text: string, limit: number, firstLine: number) {
  const records: LogRecord[] = [];
  let line = firstLine;
  let open = false;
  let prevStart = 0;
  let prevEnd = 0;
  for (let pos = 0; pos < limit;) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0 || nl >= limit) nl = limit;
    const end = nl > pos && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
    line++;
    if (end === pos) open = false;
    else {
      const r = records[records.length - 1];
      const c = text.charCodeAt(pos);
      const continues =
        open &&
        r !== undefined &&
        end - r.start < MAX_RECORD &&
        (c === 32 ||
          c === 9 ||
          ((c === 50 || c === 52 || c === 53 || c === 60) &&
            continuesReply(text.slice(prevStart, prevEnd), text.slice(pos, end))));
      if (continues) {
        r.end = end;
        r.count++;
      } else {
        records.push({ start: pos, end, first: line, count: 1, hit: startsLikeReply(text, pos, end) });
        open = true;
      }
      prevStart = pos;
      prevEnd = end;
    }
    pos = nl + 1;
  }
  return { records, lines: line - firstLine, open };
}

export class LogScanner {
  private readonly candidates: RegExp;

  /** `codes` are the basic codes the classifier reads (lexicon.ts's replyCodes). */
  constructor(codes: Iterable<number>) {
    this.candidates = candidateRegex(firstDigits(codes));
  }

  /**
   * Scans `text` from its start; unless `final`, the last record (which the next chunk may
   * continue) and any unfinished line are left unread. Returns where reading stopped and how many
   * lines were read.
   */
  scan(text: string, firstLine: number, final: boolean, sink: LogSink): { consumed: number; lines: number } {
    const limit = final ? text.length : text.lastIndexOf('\n') + 1;
    if (limit === 0) return { consumed: 0, lines: 0 };
    const { records, lines: read, open } = frame(text, limit, firstLine);
    let n = records.length;
    let consumed = limit;
    let lines = read;
    const last = records[n - 1];
    if (!final && open && last) {
      n--;
      consumed = last.start;
      lines -= last.count;
    }

    // Records the candidate expression touches (multi-line records always count).
    const region = consumed === text.length ? text : text.slice(0, consumed);
    const re = this.candidates;
    re.lastIndex = 0;
    let k = 0;
    for (let m = re.exec(region); m; m = re.exec(region)) {
      const at = text.charCodeAt(m.index) === NL ? m.index + 1 : m.index;
      while (k < n && records[k]!.end < at) k++;
      if (k >= n) break;
      records[k]!.hit = true;
      re.lastIndex = Math.max(re.lastIndex, records[k]!.end);
      if (re.lastIndex === m.index) re.lastIndex++;
    }
    // Senders before the records: a reply's qmgr line is earlier in the log, often in the same chunk.
    for (const mark of SENDER_MARKS) linesWith(region, mark, consumed, sink.senderLine);
    for (let i = 0; i < n; i++) {
      const r = records[i]!;
      if (r.hit || r.count > 1) sink.record(text.slice(r.start, r.end), r.first, r.count);
      else sink.skip(1);
    }

    eachLine(region, consumed, DELIVERY_LINE, sink.deliveryLine);
    return { consumed, lines };
  }
}

/** Calls `line` once with each line of `region` that holds `mark`. */
function linesWith(region: string, mark: string, end: number, line: (text: string) => void) {
  for (let i = region.indexOf(mark); i >= 0;) {
    const s = region.lastIndexOf('\n', i) + 1;
    let e = region.indexOf('\n', i);
    if (e < 0) e = end;
    line(region.slice(s, e));
    i = region.indexOf(mark, e + 1);
  }
}
