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
    if (!asJson) return replyLines(name, { results }, false, link);
    return results.map((r, i) => `${before + i ? ',' : ''}${JSON.stringify(r)}`).join('');
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
        yield `${asJson ? `{"input":${JSON.stringify(name)},"results":[` : ''}${lines(first)}`;
      }
      yield lines(outcome);
    }
  } finally {
    if (first && !opened) yield replyLines(name, first, asJson, link);
    else if (first) {
      const message = found === 0 ? first.message : undefined;
      if (asJson) yield `]${message === undefined ? '' : `,"message":${JSON.stringify(message)}`}}\n`;
      else if (message !== undefined) yield `${name}: ${message}\n`;
    }
  }
}
