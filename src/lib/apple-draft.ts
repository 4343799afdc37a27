// The message to Apple's postmaster desk: the five things Apple's postmaster page (support.apple.com
// 102322) asks for (company, sending domains, affected IPs, the SMTP replies, a description with
// when it started), as form fields, a plain-text draft and a mailto: link. Pure: the entry page's
// script fills it from a pasted reply (see apple-facts.ts); a report can fill it from its own facts.
import { ICLOUD_DOMAINS, RELAY_DOMAIN } from './apple-domains.ts';

export const APPLE_POSTMASTER = 'icloudadmin@apple.com';

/**
 * The longest mailto: URL the link may be, whole. RFC 6068 sets no limit, but the programs that
 * open it do: Chrome on Windows is reported to fail just above 2,000 characters, Outlook opened from
 * a browser takes 2,046, Internet Explorer's URL limit was 2,083. Staying at 2,000 keeps below all
 * of these; past it the body is cut, and says so, and the full draft is there to copy.
 */
export const MAILTO_LIMIT = 2000;

/** One distinct reply as received: its exact text, how many times, and the Txn IDs it came with. */
export interface AppleReply {
  text: string;
  count: number;
  txnIds: string[];
}

/** What is known about the refusals; what is missing becomes a placeholder for the sender. */
export interface AppleDraftFacts {
  company?: string;
  domains: string[];
  ips: string[];
  replies: AppleReply[];
  /** When the refusals were first and last seen: ISO 8601 (UTC) or as the log wrote it. */
  firstSeen?: string;
  lastSeen?: string;
  /** How many messages were refused. */
  refused?: number;
  /** Recipient addresses: other people's personal data, left out of the draft unless asked for. */
  recipients?: string[];
}

/** The form's fields: text the sender can edit before the draft is built from it. */
export interface AppleDraftFields {
  company: string;
  domains: string;
  ips: string;
  replies: string;
  description: string;
  /** One address per line; only used when `includeRecipients` is set. */
  recipients: string;
}

export interface AppleDraftOptions {
  includeRecipients?: boolean;
  limit?: number;
}

export interface AppleDraft {
  subject: string;
  text: string;
  mailto: string;
  /** The mailto body had to be cut to stay under the limit. */
  cut: boolean;
}

const TODO = (what: string) => `[${what}]`;

/** An ISO 8601 date-time with a zone as "2026-12-04 09:15 UTC"; a bare day as "2026-12-04 (UTC)";
 *  anything else (a syslog time without a zone) as given. */
export function utcTime(when: string): string {
  const w = when.trim();
  if (/^\d{4}-\d\d-\d\d$/.test(w)) return `${w} (UTC)`;
  if (/^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/i.test(w)) {
    const d = new Date(w.replace(' ', 'T').replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
    if (!Number.isNaN(d.getTime())) return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  }
  return w;
}

/** A reply as the draft lists it: exact text, then how often and with which Txn IDs. */
export function replyBlock(reply: AppleReply): string {
  const times = reply.count === 1 ? 'once' : `${reply.count} times`;
  // The reply's own Txn ID is in its text already; list them when there are more.
  const listed = reply.txnIds.every((id) => reply.text.includes(id)) ? [] : reply.txnIds;
  const ids = listed.length ? `; Txn ID${listed.length > 1 ? 's' : ''}: ${listed.join(', ')}` : '';
  return `${reply.text}\n  (received ${times}${ids})`;
}

/** The description Apple asks for: when it started (UTC) and how much was refused. */
export function descriptionFor(facts: AppleDraftFacts): string {
  const started = facts.firstSeen ? utcTime(facts.firstSeen) : TODO('date and time, UTC');
  const last =
    facts.lastSeen && facts.lastSeen !== facts.firstSeen ? `, last on ${utcTime(facts.lastSeen)}` : '';
  const total = facts.refused ?? facts.replies.reduce((n, r) => n + r.count, 0);
  const amount =
    total > 0
      ? `${total} message${total === 1 ? ' was' : 's were'} refused`
      : `${TODO('how many messages')} were refused`;
  return (
    `Since ${started}${last}, iCloud Mail has refused our mail with the replies above: ${amount}. ` +
    `${TODO('What the mail is (e.g. receipts to our customers), what changed on our side, what we checked')}`
  );
}

/** The form's starting values from what is known. */
export function draftFields(facts: AppleDraftFacts): AppleDraftFields {
  return {
    company: facts.company ?? '',
    domains: facts.domains.join(', '),
    ips: facts.ips.join(', '),
    replies: facts.replies.map(replyBlock).join('\n\n'),
    description: descriptionFor(facts),
    recipients: (facts.recipients ?? []).join('\n'),
  };
}

const orTodo = (value: string, what: string) => value.trim() || TODO(what);

/** An email address, as the pasted text and the fields hold them. */
export const ADDRESS =
  /[\p{L}\p{N}._%+'=-]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,24}/giu;
/** Addresses at Apple's mail domains in a reply are the recipients' (iCloud names them, as in
 *  "Messages to … deferred"). */
const appleAddress = (address: string) => {
  const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  return [...ICLOUD_DOMAINS, RELAY_DOMAIN].some((d) => domain === d || domain.endsWith(`.${d}`));
};
export const RECIPIENT_PLACEHOLDER = '[recipient address]';

/** The text with every listed recipient and every address at Apple's mail domains replaced. */
export function withoutRecipients(text: string, recipients: string): string {
  const listed = new Set(
    recipients
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map((a) => a.toLowerCase()),
  );
  return text.replace(ADDRESS, (a) =>
    listed.has(a.toLowerCase()) || appleAddress(a) ? RECIPIENT_PLACEHOLDER : a,
  );
}

export function draftSubject(fields: AppleDraftFields): string {
  const domains = fields.domains.trim().replace(/\s+/g, ' ');
  return `iCloud Mail refusing mail${domains ? ` from ${domains}` : ''}`.slice(0, 150);
}

/** The plain-text draft, in the order Apple's page lists the items. */
export function draftText(fields: AppleDraftFields, options: AppleDraftOptions = {}): string {
  const recipients = fields.recipients.trim();
  const parts = [
    'Hello,',
    'iCloud Mail is refusing mail we send. These are the details your postmaster page asks for.',
    `Company: ${orTodo(fields.company, 'company name')}`,
    `Sending domain(s): ${orTodo(fields.domains, 'sending domains')}`,
    `Affected sending IPs: ${orTodo(fields.ips, 'IP addresses of the sending servers')}`,
    `SMTP replies received:\n${orTodo(fields.replies, 'the full replies, with their Txn IDs')}`,
    `Description:\n${orTodo(fields.description, 'when it started (UTC), how much was refused')}`,
    ...(options.includeRecipients && recipients ? [`Affected recipient addresses:\n${recipients}`] : []),
    'Thank you.',
  ];
  const text = `${parts.join('\n\n')}\n`;
  return options.includeRecipients ? text : withoutRecipients(text, fields.recipients);
}

export const CUT_NOTE =
  '\n\n[Cut to fit a mail link. The full draft is on the page it came from: paste it here.]';

// RFC 6068: line breaks in a mailto body are written %0D%0A.
const mailtoFor = (subject: string, body: string) =>
  `mailto:${APPLE_POSTMASTER}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replace(/\r?\n/g, '\r\n'))}`;

/** The longest prefix of `text`, ending at a line break where possible, whose link fits. Cuts by
 *  code point, so a character outside the BMP is never split. */
function fit(subject: string, text: string, limit: number): string {
  const points = Array.from(text);
  const fits = (n: number) => mailtoFor(subject, points.slice(0, n).join('') + CUT_NOTE).length <= limit;
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  const head = points.slice(0, lo).join('');
  const lineEnd = head.lastIndexOf('\n');
  return (lineEnd > head.length / 2 ? head.slice(0, lineEnd) : head).trimEnd();
}

/** The mailto: link for a draft; the body is cut (with a note saying so) to keep under `limit`. */
export function mailtoLink(
  subject: string,
  text: string,
  limit = MAILTO_LIMIT,
): { url: string; cut: boolean } {
  const whole = mailtoFor(subject, text);
  if (whole.length <= limit) return { url: whole, cut: false };
  return { url: mailtoFor(subject, fit(subject, text, limit) + CUT_NOTE), cut: true };
}

export function buildDraft(fields: AppleDraftFields, options: AppleDraftOptions = {}): AppleDraft {
  const subject = draftSubject(fields);
  const text = draftText(fields, options);
  const { url, cut } = mailtoLink(subject, text, options.limit);
  return { subject, text, mailto: url, cut };
}
