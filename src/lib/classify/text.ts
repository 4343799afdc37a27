// The text path: walks the logical lines of a paste (log excerpt, bounce text, DSN part, SMTP
// transcript) through a table of line handlers, each reading one kind of line, and turns each
// reply found into an ExtractedReply with its context. State that spans lines (a DSN group, a
// Sendmail transcript) lives in the TextState the handlers share; a blank line ends both.
import { contextFor, prune } from './context.ts';
import { dsnField, dsnOnlyReplies, finishGroup, listedAddress, newGroup, reasonNote } from './dsn.ts';
import { formatOfLine } from './formats.ts';
import { logicalLines } from './lines.ts';
import { rejectedBy, statusCodeSummary } from './ndr.ts';
import { scanLine } from './scan.ts';
import { fill, type Defaults, type LineHandler, type TextEnv, type TextState } from './state.ts';
import { command, echo, serverReply, talkingTo } from './transcript.ts';
import type { ExtractedReply } from './types.ts';

const blank: LineHandler = (line, state) => {
  if (line.trim() !== '') return false;
  finishGroup(state);
  state.transcript = { echoPending: false };
  return true;
};

/** A webhook event on its own line, or a `"key": value` fragment of one. */
const jsonLine: LineHandler = (line, state) => {
  const t = line.trim();
  let source: string | undefined;
  if (t.startsWith('{') && t.endsWith('}')) source = t;
  else if (/^"[\w-]{1,60}"\s*:/.test(t)) source = `{${t.replace(/,$/, '')}}`;
  if (!source) return false;
  let found: ExtractedReply[];
  try {
    found = state.env.json(JSON.parse(source));
  } catch {
    return false;
  }
  state.out.push(...found);
  return found.length > 0;
};

/** Any other line: the replies in it, with the recipient listed above it, if any. */
const replyLine: LineHandler = (line, state) => {
  for (const s of scanLine(line, state.env.allowed)) state.emit(line, s, { recipient: state.group.listed });
  return true;
};

/** First handler that takes a line wins. */
const HANDLERS: readonly LineHandler[] = [
  blank,
  dsnField,
  listedAddress,
  talkingTo,
  command,
  jsonLine,
  statusCodeSummary,
  rejectedBy,
  reasonNote,
  serverReply,
  echo,
  replyLine,
];

export function extractText(input: string, env: TextEnv, defaults: Defaults = {}): ExtractedReply[] {
  const out: ExtractedReply[] = [];
  const state: TextState = {
    env,
    out,
    group: newGroup(),
    groups: [],
    reasons: [],
    transcript: { echoPending: false },
    emit(line, scanned, extra, format) {
      const reply: ExtractedReply = {
        code: scanned.code,
        enhanced: scanned.enhanced,
        text: scanned.text,
        context: contextFor(scanned.before, scanned.after, scanned.text, scanned.outerBefore),
        format: format ?? defaults.format ?? (scanned.python ? 'python' : formatOfLine(line, scanned.before)),
      };
      if (state.summary) {
        out.splice(out.lastIndexOf(state.summary), 1);
        state.summary = undefined;
      }
      if (reply.code === undefined) delete reply.code;
      if (reply.enhanced === undefined) delete reply.enhanced;
      fill(reply, { context: prune(extra) });
      if (scanned.earlier) reply.earlier = scanned.earlier;
      out.push(reply);
      return reply;
    },
  };
  for (const line of logicalLines(input)) {
    // The first handler that takes the line ends its turn (a loop: find() made a closure a line).
    for (const handle of HANDLERS) if (handle(line, state)) break;
  }
  finishGroup(state);
  if (out.length === 0) out.push(...dsnOnlyReplies(state));
  for (const r of out)
    fill(r, { ...defaults, context: { ...defaults.context, reportedBy: state.reportingMta } });
  return out;
}
