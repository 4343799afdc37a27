// Where a reply found on a line ends (./scan.ts): at Postfix's `(in reply to …)`, or where the
// quote, parenthesis, `<#…>` or bounce field it sits in closes; never more than MAX_REPLY characters.

/** The most of a line one reply can take; longer replies are cut. */
const MAX_REPLY = 2_000;
/** How far back brackets are looked for. */
const LOOKBACK = 2_000;

function count(line: string, from: number, to: number, ch: string): number {
  let n = 0;
  for (let i = line.indexOf(ch, from); i >= 0 && i < to; i = line.indexOf(ch, i + 1)) n++;
  return n;
}

/** What a reply's end is judged from: the line, where the reply starts, and the text from there on
 *  (at most MAX_REPLY characters). */
interface Bounds {
  line: string;
  start: number;
  /** How far back brackets are counted. */
  from: number;
  seg: string;
}

/** One way a reply can end: each returns where (an index into `seg`) it ends, given the end so far. */
type Ender = (b: Bounds, end: number) => number;

const lastCharBefore = ({ line, start, from }: Bounds) => {
  let k = start - 1;
  while (k >= from && (line[k] === ' ' || line[k] === '\t')) k--;
  return k >= from ? line[k] : '';
};

const OPEN = 40; // (
const CLOSE = 41; // )
const IN_REPLY = /\(in reply to\b/i;
const BLANK = /\s/;

/** Where `/\s*\(in reply to\b/i` first matches in `seg`, if it does: found by its parenthesis,
 *  then the blanks before it taken in, since a leading \s* makes the expression try every
 *  position of the line. */
export function inReplyAt(seg: string): number | undefined {
  const inReply = IN_REPLY.exec(seg);
  if (!inReply) return undefined;
  let i = inReply.index;
  while (i > 0 && BLANK.test(seg[i - 1]!)) i--;
  return i;
}

/** Applied in order, each narrowing the end found by the ones before. */
const ENDERS: readonly Ender[] = [
  // Postfix's `(in reply to … command)` follows the reply.
  ({ seg }, end) => inReplyAt(seg) ?? end,
  // Inside single quotes (Exchange's `returned '…'`, a JavaScript error object's `response: '…',`),
  // the first quote that ends a string closes it (an apostrophe sits inside a word); failing that,
  // the last quote before the end.
  (b, end) => {
    const lastChar = lastCharBefore(b);
    if (lastChar === "'") {
      const closing = /'(?=\s*(?:[,;})\]]|$))/.exec(b.seg.slice(0, end));
      if (closing && closing.index > 0) return closing.index;
      const q = b.seg.lastIndexOf("'", end - 1);
      return q > 0 ? q : end;
    }
    if (lastChar === '"' || count(b.line, b.from, b.start, '"') % 2 === 1) {
      const q = b.seg.indexOf('"');
      return q > 0 && q < end ? q : end;
    }
    return end;
  },
  // Inside an open parenthesis, the one that closes it.
  ({ line, start, from, seg }, end) => {
    if (count(line, from, start, '(') <= count(line, from, start, ')')) return end;
    let depth = 0;
    for (let i = 0; i < end; i++) {
      const c = seg.charCodeAt(i);
      if (c === OPEN) depth++;
      else if (c === CLOSE && depth-- === 0) return i;
    }
    return end;
  },
  // The next field of a bounce's human part, joined onto the same logical line (Oracle Messaging
  // Server: `Diagnostic code: smtp;550 … Remote system: dns;…`).
  ({ seg }, end) => {
    const field = /\s(?:Remote system|Recipient address|Reason):\s/.exec(seg.slice(0, end));
    return field ? field.index : end;
  },
  // Exchange's `<#5.7.1 smtp;550 …>`: the last `>`.
  ({ line, start, from, seg }, end) => {
    const hash = line.lastIndexOf('#', start);
    if (hash < from || !/<\s?#\d\.\d{1,3}\.\d{1,3}\s/.test(line.slice(Math.max(from, hash - 3), start)))
      return end;
    const q = seg.lastIndexOf('>', end - 1);
    return q > 0 ? q : end;
  },
];

/** Where the reply starting at `start` ends, judged by what it sits in. */
export function endOf(line: string, start: number): number {
  const seg = line.slice(start, Math.min(line.length, start + MAX_REPLY));
  const bounds: Bounds = { line, start, from: Math.max(0, start - LOOKBACK), seg };
  return start + ENDERS.reduce((end, ender) => ender(bounds, end), seg.length);
}
