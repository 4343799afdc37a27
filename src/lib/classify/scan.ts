// Finds the SMTP replies in one logical line. A reply starts at a basic code (with an enhanced code
// of the same class anywhere, or without one only after a marker such as `said:`, `<<<` or `smtp;`),
// or at a lone enhanced code after such a marker. It ends at `(in reply to …)` or where the quote,
// parenthesis or `<#…>` it sits in closes. `550-` continuation markers inside it are dropped, and
// a reply quoted inside another (a forwarder relaying iCloud's answer) replaces the outer one.

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
}

/** The most of a line one reply can take; longer replies are cut. */
const MAX_REPLY = 2_000;
/** The most replies read from one logical line. */
const MAX_PER_LINE = 64;
/** How far back markers and brackets are looked for. */
const LOOKBACK = 2_000;

const CODE_RE = /(?<![\w.@/#%+-])([245]\d\d)(-|: ?|[ \t])(?:([245]\.\d{1,3}\.\d{1,3})(?![\w.]))?/g;
const ENHANCED_RE = /(?<![\w.@/#%+=-])([245]\.\d{1,3}\.\d{1,3})(?![\w.])[ \t:]/g;
const PYTHON_RE = /\((\d{3}),[ \t]{0,3}b?(['"])(.{0,2000}?)\2\)/g;

/** Markers after which a basic code without an enhanced code is taken as a reply. */
const WEAK_MARKER =
  /(?:said:|me:|<<<|[;'"]|[\]>]:|(?:response|reply)[=:]|\b(?:command|data|connection|greeting|deferred|error|returned|rejected|failed)[:.]?)\s*$/i;
/** Markers after which a lone enhanced code (no basic code) starts a reply. */
const ENHANCED_MARKER = /(?:said:|me:|<<<|[;'"]|(?:response|reply)[=:])\s*$/i;

interface Occurrence {
  index: number;
  code?: number;
  sep?: string;
  enhanced?: string;
  /** Length of `550-5.2.1 ` style marker, dropped when the occurrence continues a reply. */
  markerLength: number;
}

const atLineStart = (line: string, index: number) => index <= 64 && line.slice(0, index).trim() === '';

function marked(line: string, index: number, marker: RegExp): boolean {
  return atLineStart(line, index) || marker.test(line.slice(Math.max(0, index - 48), index));
}

function occurrences(line: string, allowed: ReadonlySet<number>): Occurrence[] {
  const found: Occurrence[] = [];
  for (const m of line.matchAll(CODE_RE)) {
    const code = Number(m[1]);
    if (!allowed.has(code)) continue;
    const enhanced = m[3] && m[3][0] === m[1]![0] ? m[3] : undefined;
    if (!enhanced && !marked(line, m.index, WEAK_MARKER)) continue;
    const markerLength = m[1]!.length + m[2]!.length + (enhanced ? enhanced.length : 0);
    found.push({ index: m.index, code, sep: m[2], enhanced, markerLength });
    if (found.length > MAX_PER_LINE * 4) break;
  }
  for (const m of line.matchAll(ENHANCED_RE)) {
    if (!marked(line, m.index, ENHANCED_MARKER)) continue;
    found.push({ index: m.index, enhanced: m[1], markerLength: m[1]!.length });
    if (found.length > MAX_PER_LINE * 8) break;
  }
  return found.sort((a, b) => a.index - b.index);
}

function count(line: string, from: number, to: number, ch: string): number {
  let n = 0;
  for (let i = line.indexOf(ch, from); i >= 0 && i < to; i = line.indexOf(ch, i + 1)) n++;
  return n;
}

/** Where the reply starting at `start` ends, judged by what it sits in. */
function endOf(line: string, start: number): number {
  const limit = Math.min(line.length, start + MAX_REPLY);
  const from = Math.max(0, start - LOOKBACK);
  const seg = line.slice(start, limit);
  let end = seg.length;
  const inReply = /\s*\(in reply to\b/i.exec(seg);
  if (inReply) end = inReply.index;
  let k = start - 1;
  while (k >= from && (line[k] === ' ' || line[k] === '\t')) k--;
  const lastChar = k >= from ? line[k] : '';
  if (lastChar === "'") {
    const q = seg.lastIndexOf("'", end - 1);
    if (q > 0) end = q;
  } else if (lastChar === '"' || count(line, from, start, '"') % 2 === 1) {
    const q = seg.indexOf('"');
    if (q > 0 && q < end) end = q;
  }
  if (count(line, from, start, '(') > count(line, from, start, ')')) {
    let depth = 0;
    for (let i = 0; i < end; i++) {
      const ch = seg[i];
      if (ch === '(') depth++;
      else if (ch === ')' && depth-- === 0) {
        end = i;
        break;
      }
    }
  }
  const hash = line.lastIndexOf('#', start);
  if (hash >= from && /<\s?#\d\.\d{1,3}\.\d{1,3}\s/.test(line.slice(Math.max(from, hash - 3), start))) {
    const q = seg.lastIndexOf('>', end - 1);
    if (q > 0) end = q;
  }
  return start + end;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Python's smtplib tuples, `(550, b'5.7.1 …')`, whose lines are joined with a literal `\n`. */
function pythonReplies(line: string): { replies: ScannedReply[]; rest: string } {
  const replies: ScannedReply[] = [];
  let rest = line;
  let from = 0;
  for (const m of line.matchAll(PYTHON_RE)) {
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
      text: squash(`${code} ${body}`),
      before: line.slice(from, m.index),
      after: '',
      python: true,
    });
    from = m.index + m[0].length;
    rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(from);
  }
  return { replies, rest };
}

export function scanLine(line: string, allowed: ReadonlySet<number>): ScannedReply[] {
  const { replies, rest } = line.includes('(') ? pythonReplies(line) : { replies: [], rest: line };
  const occ = occurrences(rest, allowed);
  let from = 0;
  let i = 0;
  while (i < occ.length && replies.length < MAX_PER_LINE) {
    let o = occ[i]!;
    let end = endOf(rest, o.index);
    let outerBefore: string | undefined;
    let innerFrom = from;
    // Chain of `550-` continuation lines, and any reply quoted inside this one.
    let chain: Occurrence[] = [o];
    let open = o.sep === '-';
    let j = i + 1;
    for (; j < occ.length && occ[j]!.index < end; j++) {
      const q = occ[j]!;
      if (open && q.code === o.code && q.code !== undefined) {
        chain.push(q);
        open = q.sep === '-';
        continue;
      }
      // A reply inside this one: the innermost is the one that matters.
      outerBefore ??= rest.slice(from, chain[0]!.index);
      innerFrom = chain[0]!.index;
      o = q;
      chain = [q];
      open = q.sep === '-';
      end = Math.min(end, endOf(rest, q.index));
    }
    const pieces: string[] = [];
    for (let k = 0; k < chain.length; k++) {
      const c = chain[k]!;
      const stop = k + 1 < chain.length ? chain[k + 1]!.index : end;
      const body = rest.slice(c.index + c.markerLength, stop);
      pieces.push(
        k === 0
          ? [c.code, c.enhanced].filter(Boolean).join(' ') + (body.startsWith(' ') ? '' : ' ') + body
          : body,
      );
    }
    const nextStart = j < occ.length ? occ[j]!.index : rest.length;
    replies.push({
      code: o.code,
      enhanced: o.enhanced,
      text: squash(pieces.join(' ')),
      before: rest.slice(innerFrom, o.index),
      after: rest.slice(end, Math.max(end, nextStart)),
      outerBefore,
    });
    from = end;
    i = j;
    while (i < occ.length && occ[i]!.index < end) i++;
  }
  return replies;
}
