// The classifier: paste in, one Classification per SMTP reply out, in input order. Synchronous,
// pure and safe on any input; MIME decoding of whole messages lives in ./message.ts so the box
// loads the decoder only when a message is pasted.
import { bestMatch, compileEntries, normaliseForMatch, type BestMatch } from '../match.ts';
import type { DsnRuleEntry, RuleEntry } from '../rules.ts';
import { looksBinary, replyCodes } from '../lexicon.ts';
import { decide } from './decide.ts';
import { extractReplies } from './extract.ts';
import { createTextPrefilter } from './prefilter.ts';
import type { ClassifyOutcome, ExtractedReply } from './types.ts';

export type {
  AutoReply,
  AutoReplyKind,
  Classification,
  ClassifyOutcome,
  Confidence,
  ExtractedReply,
  InputFormat,
  ReplyContext,
} from './types.ts';

export interface ClassifyOptions {
  /** Rule the text out at once when the prefilter (./prefilter.ts) says it holds no reply: for a
   *  long text that mostly holds none, such as the source of a message whose decoded parts held
   *  none. The outcome is the same; only a text that passes is read line by line. */
  prefilter?: boolean;
}

export interface Classifier {
  classify(input: string, options?: ClassifyOptions): ClassifyOutcome;
}

export const EMPTY_MESSAGE =
  'Paste an SMTP reply, a log excerpt, a bounce message or a webhook JSON to classify it.';
const NOT_FOUND_MESSAGE =
  'No SMTP reply was found. Paste the line with the three-digit reply code (for example “550 5.1.1 …”), a log excerpt or the whole bounce message.';
const BINARY_MESSAGE =
  'This looks like binary data rather than text, and no SMTP reply could be read from it.';
const CACHE_LIMIT = 5_000;

export function createClassifier(entries: readonly RuleEntry[]): Classifier {
  // Entries keyed by a DSN's fields are matched apart from replies (see decide.ts).
  const compiled = compileEntries(entries.filter((e) => !e.dsn));
  const dsnEntries = entries.filter((e): e is DsnRuleEntry => e.dsn !== undefined);
  // A basic code alone is taken for a reply only when it is one a server sends.
  const allowed = replyCodes(entries.map((e) => e.code));
  const mayHold = createTextPrefilter(allowed);
  const cache = new Map<string, BestMatch | undefined>();
  const match = (reply: ExtractedReply) => {
    const key = `${reply.code ?? ''}|${reply.enhanced ?? ''}|${normaliseForMatch(reply.text)}`;
    if (cache.has(key)) return cache.get(key);
    const found = bestMatch(compiled, reply);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, found);
    return found;
  };
  return {
    classify(input: string, options?: ClassifyOptions): ClassifyOutcome {
      try {
        if (typeof input !== 'string' || input.trim() === '') return { results: [], message: EMPTY_MESSAGE };
        const results = extractReplies(input, allowed, options?.prefilter ? mayHold : undefined).map(
          (reply) => decide(compiled, match, reply, dsnEntries),
        );
        if (results.length) return { results };
        return { results, message: looksBinary(input) ? BINARY_MESSAGE : NOT_FOUND_MESSAGE };
      } catch (error) {
        // Never let a paste break the page: report the failure as the outcome instead.
        return {
          results: [],
          message: `The classifier could not read this input (${error instanceof Error ? error.message : String(error)}).`,
        };
      }
    },
  };
}

/** A header line's field name, up to its colon: a letter, then up to 76 letters, digits or hyphens. */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9-]{0,76}$/;
const MESSAGE_HEADERS = new Set([
  'received',
  'from',
  'to',
  'subject',
  'date',
  'message-id',
  'return-path',
  'delivered-to',
  'mime-version',
  'content-type',
  'x-failed-recipients',
  'auto-submitted',
  'x-apple-action',
]);

/** What a message may start with before its header: whitespace and an mbox `From ` line. */
const LEADING = /^\s*(?:From \S[^\r\n]*(?:\r\n?|\n))?/;
/** Two line ends in a row (CRLF, CR or LF, a CRLF one line end, never two): the header's end. */
const BLANK_LINE = /(?:\r\n|\r(?!\n)|\n)(?:\r\n|\r(?!\n)|\n)/g;
const LINE_END = /\r\n|\r|\n/;

/** True when the input is a whole email (a header block, then a MIME body) that needs decoding.
 *  Of its first 64 KB only the header block is split into lines, each field name looked up in a
 *  set: a folder of bounces asks this of every message, twice. */
export function looksLikeMessage(input: string): boolean {
  if (typeof input !== 'string') return false;
  const head = input.length > 65_536 ? input.slice(0, 65_536) : input;
  const from = LEADING.exec(head)![0].length;
  BLANK_LINE.lastIndex = from;
  const blank = BLANK_LINE.exec(head);
  if (!blank) return false;
  let known = 0;
  let mime = false;
  let automatic = false;
  for (const line of head.slice(from, blank.index).split(LINE_END)) {
    const first = line.charCodeAt(0);
    // A folded line continues the field before it.
    if (first === 32 || first === 9) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? '' : line.slice(0, colon);
    if (!FIELD_NAME.test(field)) return false;
    const name = field.toLowerCase();
    if (MESSAGE_HEADERS.has(name)) known++;
    if (name === 'mime-version' || name === 'content-type') mime = true;
    // An automatic reply is often plain RFC 5322 with no MIME headers (RFC 3834 asks for none).
    else if (name === 'auto-submitted' || name === 'x-apple-action') automatic = true;
  }
  return known >= 2 && (automatic || mime);
}
