// The walk of a chunk of a log, once over its bytes: lines grouped into records (a line, plus any
// indented or `550-` continuation lines), whether each record may hold a reply (./log-candidates.ts),
// and the lines with a delivery or sender mark. This is the walk in JavaScript; its twin in
// WebAssembly (src/wasm/log-walk.ts, run by ./log-walk-wasm.ts) is faster and writes the same
// words, which tests/unit/log-walk.test.ts checks on generated logs. This one runs where
// WebAssembly cannot (Safari's Lockdown Mode, `node --jitless`).
import { CR } from './bytes.ts';
import { domainHash, postfixRecipient, RECIPIENT_NONE, RECIPIENT_TEXT } from './deliveries-bytes.ts';
import { candidateTest, startsLikeReply } from './log-candidates.ts';
import { continuesRecord } from './log-records.ts';
import { DIGIT, DOT, JSON_OPEN, MARK, type Mark, type WalkSpec } from './log-walk-spec.ts';

/**
 * A walk's output: `words[0, HEADER)` is the header (the H_ indices), then entries to `end`, each a
 * tag and its fields: the records before the last that may hold a reply or have more than one line
 * (RECORD: start, end, line, count), and each line with a delivery mark (DELIVERY: start, end, kind,
 * mark, to, apple, and for Postfix's the recipient, its end, its domain and the domain's hash: the
 * fields of DeliveryLine) or a sender mark (SENDER: start, end), in the order of the chunk. Line
 * numbers count from 1 at the chunk's first line.
 */
export interface WalkWords {
  words: Int32Array;
  end: number;
}
/** Walks bytes [0, limit) (bytes[limit - 1] ends a line). */
export type Walk = (bytes: Uint8Array, limit: number) => WalkWords;

export const HEADER = 10;
/** Lines read; whether the last record may still take continuation lines; whether there is a last
 *  record; its start, end, line and line count, and whether it may hold a reply; the records before
 *  it that were skipped (one line, no reply); the output's length in bytes. */
export const H = {
  lines: 0,
  open: 1,
  has: 2,
  start: 3,
  end: 4,
  line: 5,
  count: 6,
  hit: 7,
  skipped: 8,
  bytes: 9,
};
export const SENDER = 1;
export const RECORD = 2;
export const DELIVERY = 3;

/** The first of `list` that `bytes` hold around its checked byte at i, as its index, or -1. */
function markAt(bytes: Uint8Array, i: number, list: readonly Mark[]): number {
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

/** The walk in JavaScript for `spec`; `codeFirst` as given to walkSpec. */
export function jsWalk(spec: WalkSpec, codeFirst: string): Walk {
  const candidateAt = candidateTest(codeFirst);
  const { class: CLASS, inside: INSIDE, afterEquals: AFTER_EQUALS, afterDot: AFTER_DOT, maxRecord } = spec;
  const { delivery: DELIVERY_MARKS, sender: SENDER_MARKS, recipient: RECIPIENT, apple: APPLE } = spec;
  const kinds = DELIVERY_MARKS.length;
  const out: WalkWords = { words: new Int32Array(4096), end: 0 };
  const put = (...fields: number[]) => {
    if (out.end + fields.length > out.words.length) {
      const grown = new Int32Array(out.words.length * 2);
      grown.set(out.words);
      out.words = grown;
    }
    out.words.set(fields, out.end);
    out.end += fields.length;
  };

  return (bytes, limit) => {
    // No CR or U+2028/U+2029 in the chunk: recipients need not look for them (postfixRecipient).
    const lines = bytes.subarray(0, limit);
    const plain = !lines.includes(CR) && !lines.includes(0xe2);
    out.end = HEADER;
    let line = 0;
    let open = false;
    let prevStart = 0;
    let prevEnd = 0;
    let start = 0;
    // The last record so far: only it may still take lines.
    let has = false;
    let lastStart = 0;
    let lastEnd = 0;
    let lastLine = 0;
    let lastCount = 0;
    let lastHit = false;
    let skipped = 0;
    // What the current line holds so far.
    let hit = false;
    let kind = kinds;
    let mark = 0;
    let to = -1;
    let apple = false;
    let sender = false;
    // bytes[limit - 1] is a line's end.
    for (let i = 0; i < limit; i++) {
      const t = CLASS[bytes[i]!]!;
      // Most bytes: nothing to look at.
      if (t === 0) continue;
      if (t === DIGIT) {
        // Inside a number or a word nothing starts (a cheap test before the full one).
        if (!hit && (i === start || !INSIDE[bytes[i - 1]!]) && candidateAt(bytes, start, i)) hit = true;
        continue;
      }
      if (t === MARK) {
        // Most `=` are fields (`relay=`, `delay=`) that no mark has.
        if (i + 1 === limit || !AFTER_EQUALS[bytes[i + 1]!]) continue;
        const d = markAt(bytes, i, DELIVERY_MARKS);
        if (d >= 0 && d < kind) {
          kind = d;
          mark = i - DELIVERY_MARKS[d]!.at;
        }
        if (!sender && markAt(bytes, i, SENDER_MARKS) >= 0) sender = true;
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
        if (
          open &&
          has &&
          end - lastStart < maxRecord &&
          continuesRecord(bytes, prevStart, prevEnd, start, end)
        ) {
          lastEnd = end;
          lastCount++;
        } else {
          if (has) {
            if (lastHit || lastCount > 1) put(RECORD, lastStart, lastEnd, lastLine, lastCount);
            else skipped++;
          }
          has = true;
          lastStart = start;
          lastEnd = end;
          lastLine = line;
          lastCount = 1;
          lastHit = hit || startsLikeReply(bytes, start, end);
          open = true;
        }
        prevStart = start;
        prevEnd = end;
        if (kind < kinds) {
          let recipient = RECIPIENT_TEXT;
          let recipientEnd = 0;
          let domain = 0;
          let hash = 0;
          if (kind === 0) {
            const r = postfixRecipient(bytes, start, end, mark, to, plain);
            if (r === undefined) recipient = RECIPIENT_NONE;
            else if (typeof r === 'object') {
              recipient = r.start;
              recipientEnd = r.end;
              domain = bytes.lastIndexOf(64, r.end - 1) + 1;
              hash = domainHash(bytes, domain, r.end);
            }
          }
          put(DELIVERY, start, end, kind, mark, to, apple ? 1 : 0, recipient, recipientEnd, domain, hash);
        }
        if (sender) put(SENDER, start, end);
      }
      start = i + 1;
      hit = false;
      kind = kinds;
      to = -1;
      apple = false;
      sender = false;
    }
    out.words.set(
      [line, +open, +has, lastStart, lastEnd, lastLine, lastCount, +lastHit, skipped, out.end * 4],
      0,
    );
    return out;
  };
}
