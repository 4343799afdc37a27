// RFC 3464 delivery-status fields, read line by line into per-recipient groups: the group's
// recipient, action, status and remote MTA fill in what its Diagnostic-Code reply does not say.
import { ENHANCED } from '../lexicon.ts';
import { ADDRESS, hostIn, prune, recipientIn } from './context.ts';
import { scanLine } from './scan.ts';
import { fill, type DsnGroup, type LineHandler, type TextState } from './state.ts';
import type { ExtractedReply } from './types.ts';

const DSN_FIELD =
  /^(Final-Recipient|Original-Recipient|X-Actual-Recipient|Action|Status|Remote-MTA|Diagnostic-Code|Reporting-MTA|Received-From-MTA|Arrival-Date|Last-Attempt-Date|Will-Retry-Until|X-Postfix-Queue-ID|X-Postfix-Sender)[ \t]*:[ \t]*(.*)$/i;
const ENHANCED_ONLY = new RegExp(String.raw`^(${ENHANCED})\b`);
/** A field value without its type (`rfc822;`, `dns;`, `smtp;`, `X-Postfix;`). */
const untyped = (value: string) => value.replace(/^[\w-]{1,20};\s*/, '');
const LISTED = new RegExp(String.raw`^\s*<?(${ADDRESS})>?\s*$`);

export const newGroup = (): DsnGroup => ({ replies: [] });

/** Ends the group being read: its fields fill in its replies; one with a Status but no reply is
 *  kept for the DSN-only case. */
export function finishGroup(state: TextState) {
  const g = state.group;
  if (g.status && g.replies.length === 0 && state.groups.length < 64) state.groups.push(g);
  state.group = newGroup();
  for (const r of g.replies) {
    fill(r, {
      enhanced: g.status,
      context: prune({ recipient: g.recipient, action: g.action, host: g.host, ip: g.ip }),
    });
  }
}

type FieldReader = (value: string, state: TextState) => void;

function recipientField(name: string): FieldReader {
  return (value, state) => {
    if (name === 'final-recipient' && state.group.recipient && state.group.replies.length) finishGroup(state);
    const address = recipientIn(untyped(value));
    if (name === 'final-recipient' || !state.group.recipient)
      state.group.recipient = address ?? state.group.recipient;
  };
}

/** What each field adds to the group; fields not listed are recognised and skipped. */
const FIELDS: Record<string, FieldReader> = {
  'final-recipient': recipientField('final-recipient'),
  'original-recipient': recipientField('original-recipient'),
  'x-actual-recipient': recipientField('x-actual-recipient'),
  action: (value, { group }) => {
    group.action = value.split(/\s/)[0]!.toLowerCase();
  },
  status: (value, { group }) => {
    group.status = ENHANCED_ONLY.exec(value)![1];
    group.statusNote = /^\S+\s*\((.{1,300})\)\s*$/.exec(value)?.[1];
  },
  'reporting-mta': (value, state) => {
    state.reportingMta = untyped(value).toLowerCase() || undefined;
  },
  'remote-mta': (value, { group }) => {
    const h = untyped(value);
    const bracketed = hostIn(`host ${h}`);
    group.host = (bracketed.host ?? h.split(/[\s[]/)[0]!.replace(/\.$/, '').toLowerCase()) || undefined;
    group.ip = bracketed.ip;
  },
  'diagnostic-code': (value, state) => {
    // Without the diagnostic type the reply sits at the start.
    const diag = untyped(value);
    for (const s of scanLine(diag, state.env.allowed))
      state.group.replies.push(state.emit(diag, s, {}, 'dsn'));
  },
};

export const dsnField: LineHandler = (line, state) => {
  const field = DSN_FIELD.exec(line);
  if (!field) return false;
  const name = field[1]!.toLowerCase();
  const value = field[2]!.trim();
  // A `Status:` line that is not an enhanced code (a log's status word) is not a DSN field.
  if (name === 'status' && !ENHANCED_ONLY.test(value)) return false;
  FIELDS[name]?.(value, state);
  return true;
};

/** A human part's `Reason: …` (it may share a joined line with `Recipient address:`): noted for a
 *  DSN without SMTP reply; the line is still read for replies. */
export const reasonNote: LineHandler = (line, state) => {
  const reason = /\bReason:\s*(.{1,300}?)\s*$/i.exec(line)?.[1];
  if (reason && state.reasons.length < 16) state.reasons.push(reason);
  return false;
};

/** A DSN that carries no SMTP reply for any recipient: one reply per group, made of its fields. */
export function dsnOnlyReplies(state: TextState): ExtractedReply[] {
  return state.groups.map((g) => {
    const reasons = [g.statusNote, g.diagnostic, ...state.reasons].filter((r): r is string => !!r);
    const text = [
      `Status: ${g.status}${g.statusNote ? ` (${g.statusNote})` : ''}`,
      ...(g.diagnostic ? [`Diagnostic-Code: ${g.diagnostic}`] : []),
      ...state.reasons.map((r) => `Reason: ${r}`),
    ].join('\n');
    return {
      enhanced: g.status,
      text,
      context: prune({
        recipient: g.recipient ?? g.listed,
        action: g.action,
        host: g.host,
        ip: g.ip,
        reportedBy: state.reportingMta,
      }),
      format: 'dsn',
      dsn: { status: g.status!, reason: [...new Set(reasons)].join('; ') },
    };
  });
}

export const listedAddress: LineHandler = (line, state) => {
  const listed = LISTED.exec(line);
  if (listed) state.group.listed = listed[1];
  return listed !== null;
};
