// The cheap test that spares the engine most lines of a log: a line can hold an SMTP reply only if
// it has what the engine's scanner (src/lib/classify/scan.ts, text.ts, json.ts) starts a reply at.
// Built from the engine's own lexicon (src/lib/lexicon.ts), each test looser than the engine's, so
// skipping a line never loses a reply (tests/unit/prefilter.test.ts checks it on generated lines);
// deliveries (`status=sent (250 2.0.0 Ok …)`) and queue lines fail all of them.
import {
  ANY_MARKER,
  BEFORE_ENHANCED,
  BLANK,
  ENHANCED,
  LINE_START_REACH,
  PYTHON_OPEN,
  codeShape,
  firstDigits,
} from '../lexicon.ts';

/** An enhanced code on its own, which the scanner takes only after a marker or at a line start;
 *  `\b` rather than AFTER_ENHANCED, as a DSN's Status field is read (classify/dsn.ts). */
const ENHANCED_SHAPE = new RegExp(String.raw`${BEFORE_ENHANCED}${ENHANCED}\b`);
const ENHANCED_MARKERS = new RegExp(
  String.raw`${ANY_MARKER}|(?:^|\n)${BLANK}{0,${LINE_START_REACH}}[245]\.\d`,
  'i',
);
const PYTHON_SHAPE = new RegExp(PYTHON_OPEN);
const JSON_START = new RegExp(String.raw`^${BLANK}*["[]`);

export type Prefilter = (text: string) => boolean;

/** `codes` are the basic codes the classifier reads (lexicon.ts's replyCodes). */
export function createPrefilter(codes: Iterable<number>): Prefilter {
  const code = new RegExp(codeShape(firstDigits(codes)));
  return (text) =>
    code.test(text) ||
    // JSON anywhere on the line: the engine reads webhook events and fragments as JSON.
    text.includes('{') ||
    JSON_START.test(text) ||
    PYTHON_SHAPE.test(text) ||
    (ENHANCED_SHAPE.test(text) && ENHANCED_MARKERS.test(text));
}
