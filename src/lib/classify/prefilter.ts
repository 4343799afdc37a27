// The cheap test that spares the engine most lines of a log: a line can hold an SMTP reply only if
// it has what the engine's scanner (src/lib/classify/scan.ts, text.ts, json.ts) starts a reply at.
// Built from the engine's own lexicon (src/lib/lexicon.ts), each test looser than the engine's, so
// skipping a line never loses a reply (tests/unit/prefilter.test.ts checks it on generated lines);
// deliveries (`status=sent (250 2.0.0 Ok …)`) and queue lines fail all of them. The same tests on a
// text of many lines spare the engine a message's whole source when its decoded parts held no reply
// (./message.ts).
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
import { MAX_LINE } from './lines.ts';

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

/** A line after the first that starts like JSON, as JSON_START reads a line. */
const JSON_LINE_START = new RegExp(String.raw`\n${BLANK}*["[]`);

/** True when a line of the text is longer than the engine reads at once (./lines.ts cuts it). */
function hasLongLine(text: string): boolean {
  if (text.length <= MAX_LINE) return false;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
    if (i - start > MAX_LINE) return true;
    start = i + 1;
  }
  return text.length - start > MAX_LINE;
}

/**
 * The prefilter for a text of many lines as the engine reads it (line ends as LF, control
 * characters as spaces, HTML as the text it shows: ./extract.ts tests it there), e.g. a whole
 * message's source: true when any of its lines, or any of the logical lines the engine joins them
 * into, would pass. Each test above matches in the whole text wherever it matches in one line (a
 * line's start is the text's or follows a line end, which no test's look-behind refuses), but for
 * JSON_START's anchor, which JSON_LINE_START repeats after each line end. A line the engine cuts
 * into pieces could start a piece after a character the look-behinds refuse: such texts pass.
 */
export function createTextPrefilter(codes: Iterable<number>): Prefilter {
  const line = createPrefilter(codes);
  return (text) => line(text) || JSON_LINE_START.test(text) || hasLongLine(text);
}
