// The recipient of a delivery line read from its bytes, as ./deliveries.ts's deliveredIn reads it
// from text: Postfix's `to=<…>, … status=sent` without decoding the line (most of a log is such
// lines); Sendmail's and Exim's lines, and any Postfix line that is not plain ASCII where it
// matters, are decoded and read as text. tests/unit/deliveries-bytes.test.ts holds the two to the
// same answers.
import { decode, indexIn, isWord, needle } from './bytes.ts';
import { deliveredIn } from './deliveries.ts';

/** The marks of delivery lines, in the order deliveredIn tries them: Postfix, Sendmail, Exim. */
export const DELIVERY_MARKS = ['status=sent', 'stat=Sent', ' => '];
/** What Postfix's recipient follows. */
export const RECIPIENT_MARK = 'to=<';
const POSTFIX_MARK = DELIVERY_MARKS[0]!.length;
const TO = needle(RECIPIENT_MARK);
const AT = 64;
const LT = 60;
const GT = 62;
const CR = 13;
/** The first byte of U+2028 and U+2029, which end a line for `.` as CR does. */
const E2 = 0xe2;

/** ASCII whitespace as JavaScript's `\s` has it. */
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

/** A Postfix line's recipient as the walk reads it: where it starts, or one of these. */
export const RECIPIENT_NONE = -1;
/** Bytes over 0x7f or a later mark could change the answer: the line is read as text. */
export const RECIPIENT_TEXT = -2;

/** A line the log scanner (./log-scan.ts) found a delivery mark in. */
export interface DeliveryLine {
  start: number;
  end: number;
  /** The line names one of Apple's mail domains. */
  apple: boolean;
  /** The index in DELIVERY_MARKS of the mark found at `mark`. */
  kind: number;
  mark: number;
  /** Where the line's first `to=<` is, or -1. */
  to: number;
  /** Postfix's recipient (postfixRecipient's answer): its bytes [recipient, recipientEnd), its
   *  domain's from `domain` on and the domain's domainHash; or RECIPIENT_NONE or RECIPIENT_TEXT. */
  recipient: number;
  recipientEnd: number;
  domain: number;
  domainHash: number;
}

/** FNV-1a of bytes [start, end) lower-cased (ASCII): the key of a domain already read. */
export function domainHash(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    h = Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), 0x01000193);
  }
  return h;
}

/** A recipient found: its bytes [start, end), or its text when the line had to be decoded. */
export type Recipient = { start: number; end: number } | string;

const READ_AS_TEXT = 'text';

/** POSTFIX_SENT, `\bto=<([^<>\s@]{1,64}@[^<>\s]{1,255})>.*\bstatus=sent\b`, on the line [start, end)
 *  whose first `status=sent` is at `mark` and first `to=<` at `to`: the recipient's bytes, or
 *  READ_AS_TEXT where bytes over 0x7f or a later mark could change the answer. `plain`: the chunk
 *  holds no CR, and no first byte of U+2028 or U+2029 (where `.` stops). The log walk's
 *  (./log-walk.ts; src/wasm/recipient.ts is its twin). */
export function postfixRecipient(
  bytes: Uint8Array,
  start: number,
  end: number,
  mark: number,
  to: number,
  plain: boolean,
): { start: number; end: number } | typeof READ_AS_TEXT | undefined {
  for (let i = to; i >= 0; i = indexIn(bytes, TO, i + 1, end)) {
    if (i > start && isWord(bytes[i - 1])) continue;
    const from = i + TO.length;
    let j = from;
    for (; j < end && j - from <= 64; j++) {
      const c = bytes[j]!;
      if (c > 0x7f) return READ_AS_TEXT;
      if (c === AT || c === LT || c === GT || isSpace(c)) break;
    }
    if (j === from || j - from > 64 || bytes[j] !== AT) continue;
    let k = j + 1;
    for (; k < end && k - j <= 256; k++) {
      const c = bytes[k]!;
      if (c > 0x7f) return READ_AS_TEXT;
      if (c === LT || c === GT || isSpace(c)) break;
    }
    if (k === j + 1 || k - j - 1 > 255 || k >= end || bytes[k] !== GT) continue;
    // `.*` up to the first mark: no line end between, and the mark a whole word.
    const after = mark + POSTFIX_MARK;
    if (mark <= k || isWord(bytes[mark - 1]) || (after < end && isWord(bytes[after]))) return READ_AS_TEXT;
    if (!plain)
      for (let m = k + 1; m < mark; m++) if (bytes[m] === CR || bytes[m] === E2) return READ_AS_TEXT;
    return { start: from, end: k };
  }
  return undefined;
}

/** The recipient of a line holding a delivery mark, if the line is a delivery (deliveries.ts's
 *  deliveredIn). */
export function deliveredInBytes(bytes: Uint8Array, line: DeliveryLine): Recipient | undefined {
  if (line.kind !== 0 || line.recipient === RECIPIENT_TEXT)
    return deliveredIn(decode(bytes, line.start, line.end));
  return line.recipient === RECIPIENT_NONE ? undefined : { start: line.recipient, end: line.recipientEnd };
}
