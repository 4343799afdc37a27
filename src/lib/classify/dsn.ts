// RFC 3464 delivery-status fields, read line by line into per-recipient groups: the group's
// recipient, action, status and remote MTA fill in what its Diagnostic-Code reply does not say.
import { ADDRESS, hostIn, prune, recipientIn } from './context.ts';
import { scanLine } from './scan.ts';
import { fill, type DsnGroup, type LineHandler, type TextState } from './state.ts';

const DSN_FIELD =
  /^(Final-Recipient|Original-Recipient|X-Actual-Recipient|Action|Status|Remote-MTA|Diagnostic-Code|Reporting-MTA|Received-From-MTA|Arrival-Date|Last-Attempt-Date|Will-Retry-Until|X-Postfix-Queue-ID|X-Postfix-Sender)[ \t]*:[ \t]*(.*)$/i;
const ENHANCED_ONLY = /^([245]\.\d{1,3}\.\d{1,3})\b/;
/** A field value without its type (`rfc822;`, `dns;`, `smtp;`, `X-Postfix;`). */
const untyped = (value: string) => value.replace(/^[\w-]{1,20};\s*/, '');
const LISTED = new RegExp(String.raw`^\s*<?(${ADDRESS})>?\s*$`);

export const newGroup = (): DsnGroup => ({ replies: [] });

export function finishGroup(g: DsnGroup) {
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
    if (name === 'final-recipient' && state.group.recipient && state.group.replies.length) {
      finishGroup(state.group);
      state.group = newGroup();
    }
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

export const listedAddress: LineHandler = (line, state) => {
  const listed = LISTED.exec(line);
  if (listed) state.group.listed = listed[1];
  return listed !== null;
};
