// Reads the facts for the message to Apple out of pasted text (a bounce, a log excerpt, a webhook
// event): the replies with their counts and Txn IDs, the sending IPs the replies name, the envelope
// senders' domains, the recipients and the first and last time stamp. Pure: no DOM.
import { ADDRESS, type AppleDraftFacts, type AppleReply } from './apple-draft.ts';
import { matchesOf } from './regexp.ts';

const IPV4 = String.raw`(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}`;
const IPV6 = String.raw`(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}`;
const IP = `(${IPV4}(?![\\d.]*\\d)|${IPV6}(?![\\w:]))`;
/** Where a reply names the sending IP: Proofpoint's lookup link, Spamhaus' sentence, a deferral. */
const IP_NAMED = [
  new RegExp(`[?&]ip=${IP}`, 'gi'),
  new RegExp(`\\bMail from IP ${IP}`, 'gi'),
  new RegExp(`\\bMessages from ${IP}`, 'gi'),
];
const TXN = /\bTxn ID:?\s*([\w-]{6,})/gi;
/** The envelope sender as logs and DSNs write it. */
const SENDER = [
  /\bfrom=<([^<>\s]+@[^<>\s]+)>/gi,
  /^Return-Path:\s*<([^<>\s]+@[^<>\s]+)>/gim,
  /^X-Postfix-Sender:\s*rfc822;\s*(\S+@\S+)/gim,
  /\bMAIL FROM:\s*<([^<>\s]+@[^<>\s]+)>/gi,
  /\benvelope-from[=:]\s*<?([^<>\s;]+@[^<>\s;]+?)>?(?=[\s;]|$)/gim,
];
/** Addresses that are never a recipient of the refused mail. */
const NOT_RECIPIENT = /^(postmaster|mailer-daemon|icloudadmin)@/i;
/** A reply: basic code, enhanced code, text. */
const REPLY = /(?<![\w.])([45]\d\d[ -][245]\.\d{1,3}\.\d{1,3}\s+\S.*)$/;
const STAMP = /(?<![\w:.-])(\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d))(?![\w:])/g;

const unique = <T>(items: T[]) => [...new Set(items)];
/** The first group of every match of any pattern, in the order they stand in the text. */
const all = (text: string, patterns: RegExp[]) =>
  patterns
    .flatMap((p) => matchesOf(p, text))
    .sort((a, b) => a.index - b.index)
    .map((m) => m[1]!);

/** Folded lines (a bounce's continuation lines start with white space) joined back into one. */
const unfold = (text: string) => text.replace(/\r\n?/g, '\n').replace(/\n[ \t]+/g, ' ');

/** The reply without what the sending MTA wrapped around it: "(in reply to …)", a closing
 *  parenthesis or quote of its own line format, trailing white space. */
function trimReply(reply: string): string {
  let r = reply.replace(/\s*\(in reply to [^)]*\)/i, '').trim();
  const unbalanced = () => (r.match(/\)/g)?.length ?? 0) > (r.match(/\(/g)?.length ?? 0);
  while (/[)"',]$/.test(r) && (unbalanced() || /["',]$/.test(r))) r = r.slice(0, -1).trimEnd();
  return r;
}

/** Two replies differing only in their Txn ID are one reply. */
export const replyKey = (reply: string) => reply.replace(TXN, 'Txn ID').toLowerCase();

/** Each distinct reply, in order of first appearance, with how many times it came and its Txn IDs
 *  (two replies differing only in their Txn ID count as one). */
export function repliesIn(text: string): AppleReply[] {
  const byKey = new Map<string, AppleReply>();
  for (const line of unfold(text).split('\n')) {
    const m = REPLY.exec(line);
    if (!m) continue;
    const reply = trimReply(m[1]!);
    const ids = matchesOf(TXN, reply).map((t) => t[1]!);
    const key = replyKey(reply);
    const seen = byKey.get(key);
    if (seen) {
      seen.count += 1;
      seen.txnIds = unique([...seen.txnIds, ...ids]);
    } else byKey.set(key, { text: reply, count: 1, txnIds: ids });
  }
  return [...byKey.values()];
}

export const namedIps = (text: string) => unique(all(text, IP_NAMED).map((ip) => ip.toLowerCase()));
export const txnIds = (text: string) => unique(matchesOf(TXN, text).map((m) => m[1]!));
const senders = (text: string) => unique(all(text, SENDER).map((a) => a.toLowerCase()));
export const sendingDomains = (text: string) =>
  unique(senders(text).map((a) => a.slice(a.lastIndexOf('@') + 1)));

/** Every address in the text that is not an envelope sender or a postmaster's. */
export function recipientsIn(text: string): string[] {
  const from = new Set(senders(text));
  return unique([...text.matchAll(ADDRESS)].map((m) => m[0].toLowerCase())).filter(
    (a) => !from.has(a) && !NOT_RECIPIENT.test(a),
  );
}

/** The earliest and latest ISO 8601 time stamps with a zone, as written. */
function seen(text: string): { firstSeen?: string; lastSeen?: string } {
  const stamps = [...text.matchAll(STAMP)]
    .map((m) => ({
      text: m[1]!,
      at: Date.parse(m[1]!.replace(' ', 'T').replace(/([+-]\d\d)(\d\d)$/, '$1:$2')),
    }))
    .filter((s) => !Number.isNaN(s.at))
    .sort((a, b) => a.at - b.at);
  return { firstSeen: stamps[0]?.text, lastSeen: stamps.at(-1)?.text };
}

/** The facts for the draft that a pasted text holds; recipients kept apart (the draft leaves them
 *  out unless the sender asks). */
export function factsFromText(text: string): AppleDraftFacts {
  const replies = repliesIn(text);
  return {
    domains: sendingDomains(text),
    ips: namedIps(text),
    replies,
    ...seen(text),
    refused: replies.reduce((n, r) => n + r.count, 0) || undefined,
    recipients: recipientsIn(text),
  };
}
