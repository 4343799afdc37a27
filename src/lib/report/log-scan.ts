// The fast path for mail logs, where the speed of the report comes from: a chunk of complete lines
// is walked once to find its records (a line, plus any indented or `550-` continuation lines), then
// one regular expression over the whole chunk finds the few records that may hold a reply, and
// only those are cut out as strings and given to the prefilter and the engine. Deliveries are
// looked up the same way, from the lines that name an Apple domain.

import {
  ANY_MARKER,
  APPLE_MAIL_NAME,
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

/** Lines that may be a delivery to an Apple-hosted address (its host or its domain is Apple's). */
const APPLE_LINE = new RegExp(APPLE_MAIL_NAME, 'g');
const BLANK_CHAR = new RegExp(BLANK);

export interface LogSink {
  /** A record that may hold a reply, with its first line number and its number of lines. */
  record(text: string, line: number, lines: number): void;
  /** Lines in records that cannot hold a reply. */
  skip(lines: number): void;
  /** A line that names an Apple domain. */
  appleLine(text: string): void;
  /** A line that may name a message's envelope sender (read before the chunk's records). */
  senderLine?(text: string): void;
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
    const starts: number[] = [];
    const ends: number[] = [];
    const firsts: number[] = [];
    const counts: number[] = [];
    const flagged: boolean[] = [];
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
        const r = starts.length - 1;
        const c = text.charCodeAt(pos);
        const continues =
          open &&
          end - starts[r]! < MAX_RECORD &&
          (c === 32 ||
            c === 9 ||
            ((c === 50 || c === 52 || c === 53 || c === 60) &&
              continuesReply(text.slice(prevStart, prevEnd), text.slice(pos, end))));
        if (continues) {
          ends[r] = end;
          counts[r]!++;
        } else {
          starts.push(pos);
          ends.push(end);
          firsts.push(line);
          counts.push(1);
          flagged.push(startsLikeReply(text, pos, end));
          open = true;
        }
        prevStart = pos;
        prevEnd = end;
      }
      pos = nl + 1;
    }
    let n = starts.length;
    let consumed = limit;
    let lines = line - firstLine;
    if (!final && open && n > 0) {
      n--;
      consumed = starts[n]!;
      lines -= counts[n]!;
    }

    // Records the candidate expression touches (multi-line records always count).
    const region = consumed === text.length ? text : text.slice(0, consumed);
    const hit = flagged;
    const re = this.candidates;
    re.lastIndex = 0;
    let k = 0;
    for (let m = re.exec(region); m; m = re.exec(region)) {
      const at = text.charCodeAt(m.index) === NL ? m.index + 1 : m.index;
      while (k < n && ends[k]! < at) k++;
      if (k >= n) break;
      hit[k] = true;
      re.lastIndex = Math.max(re.lastIndex, ends[k]!);
      if (re.lastIndex === m.index) re.lastIndex++;
    }
    if (sink.senderLine) for (const mark of SENDER_MARKS) linesWith(region, mark, consumed, sink.senderLine);
    for (let i = 0; i < n; i++) {
      if (hit[i] || counts[i]! > 1) sink.record(text.slice(starts[i], ends[i]), firsts[i]!, counts[i]!);
      else sink.skip(1);
    }

    eachLine(region, APPLE_LINE, consumed, sink.appleLine);
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

/** Calls `line` once with each line of `region` that the global expression `re` matches in. */
function eachLine(region: string, re: RegExp, end: number, line: (text: string) => void) {
  re.lastIndex = 0;
  for (let m = re.exec(region); m; m = re.exec(region)) {
    const s = region.lastIndexOf('\n', m.index) + 1;
    let e = region.indexOf('\n', m.index);
    if (e < 0) e = end;
    line(region.slice(s, e));
    re.lastIndex = e + 1;
  }
}
