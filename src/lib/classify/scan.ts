// Finds the SMTP replies in one logical line. A reply starts at a basic code (with an enhanced code
// of the same class anywhere, or without one only after a marker such as `said:`, `<<<` or `smtp;`),
// or at a lone enhanced code after such a marker. It ends at `(in reply to …)` or where the quote,
// parenthesis or `<#…>` it sits in closes (./reply-end.ts). `550-` continuation markers inside it
// are dropped, and a reply quoted inside another (a forwarder relaying iCloud's answer) replaces the
// outer one.
import {
  AFTER_ENHANCED,
  BEFORE_CODE,
  BEFORE_ENHANCED,
  ENHANCED,
  ENHANCED_MARKER,
  LINE_START_REACH,
  PYTHON_OPEN,
  PYTHON_REPLY,
  WEAK_MARKER,
} from '../lexicon.ts';
import { squashBlanks } from '../match.ts';
import { matchesOf } from '../regexp.ts';
import type { Stage } from '../vocabulary.ts';
import { stageFromCommand } from './context.ts';
import { endOf } from './reply-end.ts';

export interface ScannedReply {
  code?: number;
  enhanced?: string;
  text: string;
  /** Text before the reply back to the previous reply (or the outer reply's start, when nested). */
  before: string;
  /** Text after the reply up to the next one: holds `(in reply to … command)`. */
  after: string;
  /** When the reply was quoted inside another, the text before that outer reply. */
  outerBefore?: string;
  python?: boolean;
  /** An earlier command's error that the reply itself names (`… - MAIL FROM error: 451 …`). */
  earlier?: { text: string; stage?: Stage };
}

/** The most replies read from one logical line. */
const MAX_PER_LINE = 64;

const CODE_RE = new RegExp(
  String.raw`${BEFORE_CODE}([245]\d\d)(-|: ?|[ \t])(?:(${ENHANCED})${AFTER_ENHANCED})?`,
  'g',
);
const ENHANCED_RE = new RegExp(String.raw`${BEFORE_ENHANCED}(${ENHANCED})${AFTER_ENHANCED}[ \t:]`, 'g');
/** How every code starts: most lines of a bounce have none, and one look spares them the scans. */
const MAY_HOLD_CODE = /[245](?:\d\d|\.\d)/;
const PYTHON_RE = new RegExp(PYTHON_REPLY, 'g');
/** How every Python tuple starts: PYTHON_RE's costlier search runs only where one does. */
const PYTHON_START = new RegExp(PYTHON_OPEN);
/** Text right before a code that makes it something else: a web server's status after the request. */
const NOT_A_REPLY = [/HTTP\/\d(?:\.\d)?"\s*$/];
/** Words as replies have them (`Error`, `unknown`, `DENIED`, or CJK text). A basic code without an
 *  enhanced code is a reply only when words make up a good part of its text: digits amid random
 *  characters or a web server's `503 512` are not replies. */
const WORDS = /(?<![\p{L}\p{N}])(?:\p{Lu}?\p{Ll}{2,}|\p{Lu}{3,}|\p{Lo}{2,})(?![\p{L}\p{N}])/gu;
const MIN_WORD_SHARE = 0.2;
function readsLikeReply(text: string): boolean {
  const body = text.slice(3).replace(/\s+/g, '');
  let letters = 0;
  for (const w of body.length ? matchesOf(WORDS, text.slice(3)) : []) letters += w[0].length;
  return letters > 0 && letters >= body.length * MIN_WORD_SHARE;
}
/** A server naming an earlier command's error inside its reply, as iCloud's front end does:
 *  all of `503 5.5.1 Error: need MAIL command - MAIL FROM error: 451 4.7.1 …` is iCloud's text
 *  (content/codes/503-5-5-1-need-mail-command.mdx). */
const EARLIER_ERROR = /\s*-?\s*\b(MAIL FROM|RCPT TO|DATA|EHLO|HELO)\s+error:\s*$/i;

interface Occurrence {
  index: number;
  code?: number;
  sep?: string;
  enhanced?: string;
  /** Length of `550-5.2.1 ` style marker, dropped when the occurrence continues a reply. */
  markerLength: number;
}

const atLineStart = (line: string, index: number) =>
  index <= LINE_START_REACH && line.slice(0, index).trim() === '';

function marked(line: string, index: number, marker: RegExp): boolean {
  return atLineStart(line, index) || marker.test(line.slice(Math.max(0, index - 48), index));
}

function occurrences(line: string, allowed: ReadonlySet<number>): Occurrence[] {
  const found: Occurrence[] = [];
  if (!MAY_HOLD_CODE.test(line)) return found;
  // exec loops: matchAll would copy the expression for every line (../regexp.ts's matchesOf).
  CODE_RE.lastIndex = 0;
  for (let m = CODE_RE.exec(line); m; m = CODE_RE.exec(line)) {
    const code = Number(m[1]);
    if (code < 400) continue;
    const enhanced = m[3] && m[3][0] === m[1]![0] ? m[3] : undefined;
    if (!enhanced && (!allowed.has(code) || !marked(line, m.index, WEAK_MARKER))) continue;
    const lead = line.slice(Math.max(0, m.index - 48), m.index);
    if (NOT_A_REPLY.some((re) => re.test(lead))) continue;
    const markerLength = m[1]!.length + m[2]!.length + (enhanced ? enhanced.length : 0);
    found.push({ index: m.index, code, sep: m[2], enhanced, markerLength });
    if (found.length > MAX_PER_LINE * 4) break;
  }
  ENHANCED_RE.lastIndex = 0;
  for (let m = ENHANCED_RE.exec(line); m; m = ENHANCED_RE.exec(line)) {
    if (!marked(line, m.index, ENHANCED_MARKER)) continue;
    found.push({ index: m.index, enhanced: m[1], markerLength: m[1]!.length });
    if (found.length > MAX_PER_LINE * 8) break;
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Python's smtplib tuples, `(550, b'5.7.1 …')`, whose lines are joined with a literal `\n`. */
function pythonReplies(line: string): { replies: ScannedReply[]; rest: string } {
  const replies: ScannedReply[] = [];
  let rest = line;
  let from = 0;
  for (const m of matchesOf(PYTHON_RE, line)) {
    const code = Number(m[1]);
    if (code < 200 || code > 599) continue;
    const parts = m[3]!.split(/\\r\\n|\\n/);
    const enhanced = /^([245]\.\d{1,3}\.\d{1,3})\s/.exec(parts[0]!)?.[1];
    const body = parts
      .map((p, i) => (i > 0 && enhanced && p.startsWith(`${enhanced} `) ? p.slice(enhanced.length + 1) : p))
      .join(' ')
      .replace(/\\(['"\\])/g, '$1');
    replies.push({
      code,
      enhanced: enhanced && enhanced[0] === m[1]![0] ? enhanced : undefined,
      text: squashBlanks(`${code} ${body}`),
      before: line.slice(from, m.index),
      after: '',
      python: true,
    });
    from = m.index + m[0].length;
    rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(from);
  }
  return { replies, rest };
}

/** One reply's occurrences: a head and its `550-` continuations, with where the reply ends. */
interface Span {
  chain: Occurrence[];
  end: number;
  /** Index in `occ` of the first occurrence after the reply. */
  next: number;
  /** When the reply was quoted inside others: where the outermost and the nearest outer reply start. */
  outermost?: number;
  outer?: number;
  /** An earlier command's error named inside this reply (see EARLIER_ERROR), and where it ends. */
  earlier?: { text: string; stage?: Stage };
  afterFrom?: number;
}

/** The reply starting at occurrence `i`, and the innermost reply quoted inside it (a forwarder
 *  relaying iCloud's answer), which is the one that matters. */
function spanAt(rest: string, occ: readonly Occurrence[], i: number): Span {
  const span: Span = { chain: [occ[i]!], end: endOf(rest, occ[i]!.index), next: i + 1 };
  for (; span.next < occ.length && occ[span.next]!.index < span.end; span.next++) {
    const q = occ[span.next]!;
    const head = span.chain[0]!;
    if (span.chain.at(-1)!.sep === '-' && q.code !== undefined && q.code === head.code) {
      span.chain.push(q);
      continue;
    }
    const named = EARLIER_ERROR.exec(rest.slice(Math.max(head.index, q.index - 40), q.index));
    if (named) {
      // The server's own account of an earlier command's error, inside this reply: the cause of
      // this reply, not a reply of its own.
      const innerEnd = Math.min(span.end, endOf(rest, q.index));
      span.earlier = {
        text: squashBlanks(rest.slice(q.index, innerEnd)),
        stage: stageFromCommand(named[1]!),
      };
      span.afterFrom = innerEnd;
      span.end = q.index - named[0].length;
      for (span.next++; span.next < occ.length && occ[span.next]!.index < innerEnd;) span.next++;
      return span;
    }
    span.outermost ??= head.index;
    span.outer = head.index;
    span.chain = [q];
    span.end = Math.min(span.end, endOf(rest, q.index));
  }
  return span;
}

/** The reply's text: the head's codes, then each piece without its `550-5.2.1 ` marker. */
function textOf(rest: string, { chain, end }: Span): string {
  const pieces = chain.map((c, k) => {
    const body = rest.slice(c.index + c.markerLength, k + 1 < chain.length ? chain[k + 1]!.index : end);
    if (k > 0) return body;
    return [c.code, c.enhanced].filter(Boolean).join(' ') + (body.startsWith(' ') ? '' : ' ') + body;
  });
  return squashBlanks(pieces.join(' '));
}

export function scanLine(line: string, allowed: ReadonlySet<number>): ScannedReply[] {
  const { replies, rest } = PYTHON_START.test(line) ? pythonReplies(line) : { replies: [], rest: line };
  const occ = occurrences(rest, allowed);
  let from = 0;
  for (let i = 0; i < occ.length && replies.length < MAX_PER_LINE;) {
    const span = spanAt(rest, occ, i);
    const head = span.chain[0]!;
    const nextStart = span.next < occ.length ? occ[span.next]!.index : rest.length;
    const text = textOf(rest, span);
    i = span.next;
    if (!head.enhanced && !readsLikeReply(text)) {
      from = span.afterFrom ?? span.end;
      continue;
    }
    replies.push({
      code: head.code,
      enhanced: head.enhanced,
      text,
      before: rest.slice(span.outer ?? from, head.index),
      after: rest.slice(span.afterFrom ?? span.end, Math.max(span.afterFrom ?? span.end, nextStart)),
      outerBefore: span.outermost === undefined ? undefined : rest.slice(from, span.outermost),
      ...(span.earlier && { earlier: span.earlier }),
    });
    from = span.afterFrom ?? span.end;
  }
  return replies;
}
