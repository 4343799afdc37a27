// The words the engine finds replies by, in one place: the shapes of basic and enhanced codes, the
// markers that make a code a reply, what counts as binary, which basic codes a server sends, the
// `550-` continuation rule, and Apple's mail domains (listed as data in ./apple-domains.ts). The
// engine's scanner (classify/scan.ts), its line joiner (classify/lines.ts), its prefilter
// (classify/prefilter.ts: for the report's records and a message's source) and the log scanner's
// byte test (report/log-candidates.ts) are built from these, so the cheap tests stay looser than
// the engine's (tests/unit/prefilter.test.ts);
// the scanner's continuation test on bytes (report/log-records.ts, and its WebAssembly twin in
// src/wasm/candidates.ts) follows continuesReply below.
import { ICLOUD_DOMAINS } from './apple-domains.ts';
import { escapeRegExp } from './regexp.ts';
import { NAMED_BASIC_CODES } from './standards.ts';

const alternatives = (words: readonly string[]) => words.map(escapeRegExp).join('|');

/** What may not come right before a basic code, besides word characters: not inside a number, an
 *  address or a path. An enhanced code may not follow `=` either (`dsn=5.1.1` is Postfix's field). */
export const NOT_BEFORE_CODE = '.@/#%+-';
export const NOT_BEFORE_ENHANCED = `${NOT_BEFORE_CODE}=`;
const lookbehind = (chars: string) => String.raw`(?<![\w${chars.replace(/[-\]^]/g, '\\$&')}])`;
/** Not inside a word, a number, an address or a path. */
export const BEFORE_CODE = lookbehind(NOT_BEFORE_CODE);
/** As BEFORE_CODE, and not a value. */
export const BEFORE_ENHANCED = lookbehind(NOT_BEFORE_ENHANCED);
/** An enhanced code, class.subject.detail, not followed by more of a version number. */
export const ENHANCED = String.raw`[245]\.\d{1,3}\.\d{1,3}`;
export const AFTER_ENHANCED = String.raw`(?![\w.])`;
/** What the line joiner turns into spaces: control characters (binary pastes) and U+FFFD. */
export const CONTROL = String.raw`\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd`;
/** A blank as the engine sees one once control characters are spaces. */
export const BLANK = String.raw`[\s${CONTROL}]`;
/** Python smtplib's `(550, b'…')`; PYTHON_OPEN is how it starts. */
export const PYTHON_REPLY = String.raw`\((\d{3}),[ \t]{0,3}b?(['"])(.{0,2000}?)\2\)`;
export const PYTHON_OPEN = String.raw`\(\d{3},`;
/** How far into a line (in characters of blanks) a reply still counts as at its start. */
export const LINE_START_REACH = 64;

/** Signs after which a code is taken for a reply: `said:`, `<<<`, a quote, a `;` (smtp;). */
export const SIGNS = ['said:', 'me:', '<<<', ';', "'", '"'];
/** Words that do the same when `=` or `:` follows them. */
const FIELD_WORDS = ['response', 'reply'];
/** Words after which a basic code without an enhanced code is a reply too. */
const WEAK_WORDS = [
  'command',
  'data',
  'connection',
  'greeting',
  'deferred',
  'error',
  'returned',
  'rejected',
  'failed',
];
/** A DSN's field: the engine reads a DSN that carries no SMTP reply from its Status. */
const DSN_FIELDS = ['status:'];

/** The last character of every marker a lone enhanced code may follow (with blanks between): the
 *  log scanner's byte-level test for such a code (report/log-candidates.ts). */
export const ENHANCED_MARKER_ENDS = [...new Set([...SIGNS.map((s) => s.at(-1)!), '=', ':'])].join('');

/** Markers (at the end of the text before it) after which a lone enhanced code starts a reply. */
export const ENHANCED_MARKER = new RegExp(
  String.raw`(?:${alternatives(SIGNS)}|(?:${alternatives(FIELD_WORDS)})[=:])\s*$`,
  'i',
);
/** Markers after which a basic code without an enhanced code is taken as a reply. */
export const WEAK_MARKER = new RegExp(
  String.raw`(?:${alternatives(SIGNS)}|[\]>]:|(?:${alternatives(FIELD_WORDS)})[=:]|\b(?:${alternatives(WEAK_WORDS)})[:.]?)\s*$`,
  'i',
);
/** Any marker anywhere, as the report's cheap tests look for one: looser than both of the above
 *  (no position, no `=` or `:` after the words) and with the DSN's Status field. */
export const ANY_MARKER = alternatives([...SIGNS, ...FIELD_WORDS, ...DSN_FIELDS]);

/** A basic code as the scanner reads one, with what may follow it once control characters are
 *  spaces (`-`, `:`, a blank): the report's form, taking the first digits the engine reads. */
export const codeShape = (firstDigits: string) =>
  String.raw`${BEFORE_CODE}[${firstDigits}]\d\d(?:-|:|[\s${CONTROL}])`;

/** The basic codes read as replies without an enhanced code: the entries' own and the 4xx and 5xx
 *  codes RFC 5321 names (random digits are not replies). */
export function replyCodes(entryCodes: Iterable<number | undefined>): Set<number> {
  const codes = new Set<number>();
  for (const c of entryCodes) if (c !== undefined) codes.add(c);
  for (const c of NAMED_BASIC_CODES) if (c >= 400) codes.add(c);
  return codes;
}

/** The first digits of the codes, for a character class: `45` or `245`. */
export const firstDigits = (codes: Iterable<number>) =>
  [...new Set([...codes].map((c) => String(c)[0]))].sort().join('') || '45';

const REPLY_LINE_START = /^\s*(?:<<<\s?)?([245]\d\d)[ -]/;

/** True when `line` is `NNN-…` or `NNN …` continuing a multi-line reply that `prev` ends inside
 *  (the last line with that code in `prev` is `NNN-`). */
export function continuesReply(prev: string, line: string): boolean {
  const code = REPLY_LINE_START.exec(line)?.[1];
  if (!code) return false;
  const dash = prev.lastIndexOf(`${code}-`);
  return dash >= 0 && dash > prev.lastIndexOf(`${code} `);
}

/** Drops what continuesReply skipped before the code: blanks and a `<<<`. */
export const continuationText = (line: string) => line.replace(/^\s*(?:<<<\s?)?/, '');

const ODD = /[\u0000-\u0008\u000e-\u001f\ufffd]/g;

/** True when over 5 % of the first 64 KB are control characters or U+FFFD: binary, not text. */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65_536);
  const odd = sample.match(ODD)?.length ?? 0;
  return odd > 0 && odd / sample.length > 0.05;
}

/** Any of Apple's mail domains, as a cheap test that a log line may be a delivery to one. */
export const APPLE_MAIL_NAME = alternatives(ICLOUD_DOMAINS);
