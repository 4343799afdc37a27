// The cheap test that spares the engine most lines of a log: a line can hold an SMTP reply only if
// it has what the engine's scanner (src/lib/classify/scan.ts, text.ts, json.ts) starts a reply at.
// Every test here is looser than the engine's, so skipping a line never loses a reply; deliveries
// (`status=sent (250 2.0.0 Ok …)`) and queue lines fail all of them.

/** A basic code as the scanner reads one: not inside a word, number or path, then `-`, `:` or
 *  space. Control characters count as separators because the engine turns them into spaces. */
const codeShape = (firstDigits: string) =>
  new RegExp(String.raw`(?<![\w.@/#%+-])[${firstDigits}]\d\d(?:-|:|[\s\u0000-\u001f\u007f-\u009f\ufffd])`);
/** An enhanced code on its own, which the scanner takes only after a marker or at a line start. */
const ENHANCED_SHAPE = /(?<![\w.@/#%+=-])[245]\.\d{1,3}\.\d{1,3}(?![\w.])/;
// `status:` is a DSN field: the engine reads a DSN that carries no SMTP reply from its Status.
const ENHANCED_MARKERS = /said:|me:|<<<|[;'"]|response|reply|status:|(?:^|\n)\s{0,64}[245]\.\d/i;
/** Python smtplib's `(550, b'…')`. */
const PYTHON_SHAPE = /\(\d{3},/;

export type Prefilter = (text: string) => boolean;

/** `codes` are the basic codes the classifier reads (every entry's code and 400–599). */
export function createPrefilter(codes: Iterable<number>): Prefilter {
  const firsts = [...new Set([...codes].map((c) => String(c)[0]))].sort().join('');
  const code = codeShape(firsts || '45');
  return (text) =>
    code.test(text) ||
    // JSON anywhere on the line: the engine reads webhook events and fragments as JSON.
    text.includes('{') ||
    /^\s*["[]/.test(text) ||
    PYTHON_SHAPE.test(text) ||
    (ENHANCED_SHAPE.test(text) && ENHANCED_MARKERS.test(text));
}
