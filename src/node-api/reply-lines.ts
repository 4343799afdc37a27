// The per-reply output of the command line: one tab-separated line per SMTP reply (codes, entry and
// confidence, advice, recipient and host, the entry's page), or one JSON object per input with --json.
import type { ClassifyOutcome } from '../lib/classify/types.ts';
import { codesText } from '../lib/standards.ts';
import { OUTCOMES, SUPPRESS, retryText } from '../lib/vocabulary.ts';
import type { RuleEntry } from '../lib/rules.ts';

/** The lines printed for one input, each ending in a newline. */
export function replyLines(
  name: string,
  outcome: ClassifyOutcome,
  asJson: boolean,
  link: (entry: RuleEntry) => string,
): string {
  if (asJson) return `${JSON.stringify({ input: name, ...outcome })}\n`;
  let out = outcome.message ? `${name}: ${outcome.message}\n` : '';
  for (const r of outcome.results) {
    const code = codesText(r.reply.code, r.reply.enhanced);
    const who = [r.reply.context.recipient, r.reply.context.host].filter(Boolean).join(' via ');
    if (r.entry) {
      const advice = `${OUTCOMES[r.entry.outcome]}; ${retryText(r.entry.retry, r.entry.retryDelay)}; ${SUPPRESS[r.entry.suppress]}`;
      out += `${code}\t${r.entry.id} (${r.confidence})\t${advice}\t${who}\t${link(r.entry)}\n`;
    } else {
      out += `${code}\tnone\t${r.why}\t${who}\n`;
    }
  }
  return out;
}

/** The lines of some results of an input read in pieces, `before` results of it having been
 *  printed: tab-separated lines, or with --json the results as members of the input's array. */
function resultLines(
  name: string,
  results: ClassifyOutcome['results'],
  before: number,
  asJson: boolean,
  link: (entry: RuleEntry) => string,
): string {
  if (!asJson) return replyLines(name, { results }, false, link);
  return results.map((r, i) => `${before + i ? ',' : ''}${JSON.stringify(r)}`).join('');
}

/** What closes the lines of an input read in pieces: its first piece's message when no piece had a
 *  reply, and with --json the end of its object. */
function closing(name: string, found: number, firstMessage: string | undefined, asJson: boolean): string {
  const message = found === 0 ? firstMessage : undefined;
  if (asJson) return `]${message === undefined ? '' : `,"message":${JSON.stringify(message)}`}}\n`;
  return message === undefined ? '' : `${name}: ${message}\n`;
}

const opening = (name: string, asJson: boolean) =>
  asJson ? `{"input":${JSON.stringify(name)},"results":[` : '';

/** The lines for one input read in pieces (./reply-pieces.ts: a log's records, an mbox's messages),
 *  from each piece's outcome in turn: one object per input with --json, as replyLines prints. An
 *  input with no reply gets its first piece's message. */
export async function* pieceLines(
  name: string,
  outcomes: AsyncIterable<ClassifyOutcome>,
  asJson: boolean,
  link: (entry: RuleEntry) => string,
): AsyncGenerator<string> {
  let first: ClassifyOutcome | undefined;
  let opened = false;
  let found = 0;
  const lines = ({ results }: ClassifyOutcome) => {
    const before = found;
    found += results.length;
    return resultLines(name, results, before, asJson, link);
  };
  // Also when reading breaks off (damaged gzip): what was read is printed, the JSON object closed.
  try {
    for await (const outcome of outcomes) {
      if (!first) {
        first = outcome;
        continue;
      }
      if (!opened) {
        opened = true;
        yield `${opening(name, asJson)}${lines(first)}`;
      }
      yield lines(outcome);
    }
  } finally {
    if (first && !opened) yield replyLines(name, first, asJson, link);
    else if (first) yield closing(name, found, first.message, asJson);
  }
}

/** A byte range's share of an input's lines (--jobs per reply, ./reply-jobs.ts): the lines of its
 *  pieces' results, as if they came first (with --json, joined by commas), how many results there
 *  are, and its first piece's message. */
export interface RangeLines {
  text: string;
  count: number;
  message?: string | undefined;
}

/** The range's share from its pieces' outcomes. */
export async function rangeLines(
  name: string,
  outcomes: AsyncIterable<ClassifyOutcome>,
  asJson: boolean,
  link: (entry: RuleEntry) => string,
): Promise<RangeLines> {
  const range: RangeLines = { text: '', count: 0 };
  let first = true;
  for await (const outcome of outcomes) {
    if (first) range.message = outcome.message;
    first = false;
    range.text += resultLines(name, outcome.results, range.count, asJson, link);
    range.count += outcome.results.length;
  }
  return range;
}

/** The lines of an input read as byte ranges, from each range's share in order: what pieceLines
 *  prints of it read whole (a range is many pieces, so the input is never one piece). */
export function rangesPrinter(name: string, asJson: boolean) {
  let found = 0;
  let firstMessage: string | undefined;
  let started = false;
  return {
    add(range: RangeLines): string {
      let out = '';
      if (!started) {
        started = true;
        firstMessage = range.message;
        out = opening(name, asJson);
      }
      if (asJson && found > 0 && range.count > 0) out += ',';
      found += range.count;
      return out + range.text;
    },
    end: () => closing(name, found, firstMessage, asJson),
  };
}
