// Automatic replies (vacation and out-of-office messages) reach bounce handlers but are not
// bounces: the message was answered by a program, nothing was refused. Read from a decoded
// message's headers (./message.ts), once, so every reader gets the same answer from the outcome.
//
// Apple's vacation replies carry no Auto-Submitted field, only Apple's own X-Apple-Action: VACATION
// (sisimai/p5-sisimai#346, and Sisimai's set-of-emails rfc3834-03.eml), so that header is read first.
// RFC 3834 section 5: Auto-Submitted "auto-replied" (a response to a message) and "auto-generated"
// (sent by a program) mark automatic mail; "no" says a person sent it. A delivery status
// notification is a bounce even when it says Auto-Submitted, as most MTAs' bounces do.
import type { Email } from 'postal-mime';
import type { AutoReply, AutoReplyKind } from './types.ts';

/** What each kind of automatic reply is, in a phrase: the box, the CLI and the report say this. */
export const AUTO_REPLY_KINDS: Record<AutoReplyKind, string> = {
  'apple-vacation': 'an iCloud Mail vacation reply',
  'apple-auto-reply': 'an iCloud Mail automatic reply',
  'auto-replied': 'an automatic reply',
  'auto-generated': 'an automatically generated message',
  subject: 'an automatic reply, by its subject',
};

/** The one sentence every reader shows for an automatic reply. */
export const autoReplyMessage = (a: AutoReply) =>
  `This is ${AUTO_REPLY_KINDS[a.kind]} (${a.marker}), not a bounce: nothing was refused, so it is no reason to suppress the address.`;

/** Subject prefixes mail programs put on automatic replies (English only: a subject is a hint). */
const SUBJECT = /^\s*(?:auto(?:matic)?[ -]?(?:reply|response)|out of (?:the )?office)\b/i;
/** Bounces come from these senders; their Auto-Submitted says nothing about auto-replies. */
const BOUNCE_SENDER = /mailer-daemon|postmaster|mail delivery/i;
/** The first token of an RFC 3834 Auto-Submitted value, after any comment. */
const AUTO_SUBMITTED = /^[\s]*(?:\([^)]*\)\s*)*([a-z-]+)/i;

type Headers = Pick<Email, 'headers' | 'from' | 'subject'>;

const header = (email: Headers, key: string) => email.headers.find((h) => h.key === key)?.value.trim();

function fromAddress(email: Headers): string | undefined {
  const from = email.from;
  return from && 'address' in from && from.address ? from.address : undefined;
}

/** Apple's own headers: an automatic reply whatever the body quotes. */
function appleSignal(email: Headers): Pick<AutoReply, 'kind' | 'marker'> | undefined {
  const action = header(email, 'x-apple-action');
  if (action && /^vacation$/i.test(action))
    return { kind: 'apple-vacation', marker: `X-Apple-Action: ${action}` };
  // Named in issue 17; no public capture of it was found, so it is read but has no fixture.
  if (header(email, 'x-apple-mail-auto-reply') !== undefined)
    return { kind: 'apple-auto-reply', marker: 'X-Apple-Mail-Auto-Reply' };
  return undefined;
}

/** RFC 3834's field, then the subject: read only when the body holds no SMTP reply. */
function otherSignal(email: Headers): Pick<AutoReply, 'kind' | 'marker'> | undefined {
  if (BOUNCE_SENDER.test(header(email, 'from') ?? '')) return undefined;
  // Apple Mail's unsubscribe request says auto-replied too (sisimai/rb-sisimai#279): it asks the
  // sender to stop, so it is not passed off as harmless.
  if (header(email, 'x-apple-unsubscribe') !== undefined) return undefined;
  const submitted = header(email, 'auto-submitted');
  const token = submitted && AUTO_SUBMITTED.exec(submitted)?.[1]?.toLowerCase();
  if (token === 'auto-replied' || token === 'auto-generated')
    return { kind: token, marker: `Auto-Submitted: ${submitted}` };
  if (token === 'no') return undefined;
  const subject = email.subject?.trim();
  if (subject && SUBJECT.test(subject))
    return { kind: 'subject', marker: `Subject: ${subject.slice(0, 80)}` };
  return undefined;
}

/**
 * The automatic reply a decoded message is, or undefined. `isReport`: the message carries a
 * delivery status part; `hasReply`: its body holds an SMTP reply (a plain-text bounce).
 */
export function autoReplyOf(email: Headers, isReport: boolean, hasReply: boolean): AutoReply | undefined {
  if (isReport) return undefined;
  const signal = appleSignal(email) ?? (hasReply ? undefined : otherSignal(email));
  if (!signal) return undefined;
  const from = fromAddress(email);
  return from ? { ...signal, from } : signal;
}
