// The envelope sender of each reply. A Postfix or Sendmail log names it once per message
// (`qmgr[…]: 4F2A81C0D: from=<…>`), Exim on its `<=` line, and the refusal comes later on a line
// with the same queue id; a DSN or a webhook event names it in the same record.
import { sendingDomains } from '../apple-facts.ts';
import { decode, indexIn, isAlnum, needle } from './bytes.ts';
import { QUEUE_ID_SHAPE } from './postfix-fields.ts';

/** What the log walk looks for (./log-walk-spec.ts), matched where it meets their `=`: lines that
 *  may name a message's sender (Postfix and Sendmail, Exim). */
export const SENDER_MARKS = ['from=<', ' <= '];
const POSTFIX_ID = new RegExp(String.raw`\]: (${QUEUE_ID_SHAPE}): `);
const EXIM_ID = /\b([0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4}) /;
const POSTFIX_FROM = new RegExp(String.raw`\]: (${QUEUE_ID_SHAPE}): from=<([^<>\s]*)>`);
const EXIM_FROM = /\b([0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4}) <= (\S+@\S+)/;
const EVENT_SENDER =
  /"(?:source|sender|from|envelope_from|mail_from|envelopeSender)"\s*:\s*"[^"@]*?([^"<\s@]+@[^"\s>]+)/i;
/** Queue ids remembered at most; the oldest are forgotten first (a message's lines come close
 *  together in a log). */
const MAX_QUEUED = 200_000;

const ID_LEAD = needle(']: ');
const FROM_LEAD = needle(': from=<');
/** `<`, `>` and ASCII whitespace (the lines read here are ASCII). */
const NOT_IN_SENDER = Uint8Array.from({ length: 256 }, (_, c) =>
  c === 60 || c === 62 || c === 32 || (c >= 9 && c <= 13) ? 1 : 0,
);

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/** The queue id a log line starts with (Postfix, Sendmail, Exim), if any. */
export function queueId(line: string): string | undefined {
  const head = line.slice(0, 200);
  return POSTFIX_ID.exec(head)?.[1] ?? EXIM_ID.exec(head)?.[1];
}

/** Sending domains kept once each, at most: a log's messages come from few. */
const DOMAINS_SHARED = 10_000;

export class SenderIndex {
  private readonly byQueue = new Map<string, string>();
  /** Each domain's one copy, so the queue ids of one domain share it. */
  private readonly domains = new Map<string, string>();

  /** A log line that may name a sender: remembers the sender's domain under its queue id. */
  line(text: string) {
    const m = POSTFIX_FROM.exec(text) ?? EXIM_FROM.exec(text);
    if (m) this.sender(m[1]!, m[2]!);
  }

  /** A queue id and its envelope sender, read from a line (POSTFIX_FROM's or EXIM_FROM's groups). */
  sender(id: string, sender: string) {
    if (!sender.includes('@')) return;
    if (this.byQueue.size >= MAX_QUEUED) this.byQueue.delete(this.byQueue.keys().next().value!);
    this.byQueue.set(id, this.shared(domainOf(sender)));
  }

  private shared(domain: string): string {
    const known = this.domains.get(domain);
    if (known !== undefined) return known;
    if (this.domains.size < DOMAINS_SHARED) this.domains.set(domain, domain);
    return domain;
  }

  /** The sending domain of the record a reply came from: by queue id for a log line, else what
   *  the record itself names (a DSN's Return-Path or X-Postfix-Sender, an event's sender). */
  domainFor(record: string): string | undefined {
    // A log line with a queue id names no sender itself: the queue's sender line did, or nothing.
    const id = queueId(record);
    if (id !== undefined) return this.byQueue.get(id);
    const head = record.slice(0, 65_536);
    const own = sendingDomains(head)[0];
    if (own) return own;
    const event = EVENT_SENDER.exec(head)?.[1];
    return event ? domainOf(event) : undefined;
  }
}

/** The Postfix queue id and envelope sender of each `]: ID: from=<SENDER>` in an ASCII line's bytes
 *  [start, end), in order: POSTFIX_FROM's matches, without decoding the line. */
export function* postfixSendersIn(
  bytes: Uint8Array,
  start: number,
  end: number,
): Generator<{ id: string; sender: string }> {
  for (let i = indexIn(bytes, ID_LEAD, start, end); i >= 0; i = indexIn(bytes, ID_LEAD, i + 1, end)) {
    const id = i + ID_LEAD.length;
    let j = id;
    while (j < end && j - id <= 20 && isAlnum(bytes[j]!)) j++;
    if (j - id < 5 || j - id > 20 || indexIn(bytes, FROM_LEAD, j, j + FROM_LEAD.length) !== j) continue;
    const from = j + FROM_LEAD.length;
    let k = from;
    while (k < end && !NOT_IN_SENDER[bytes[k]!]) k++;
    if (bytes[k] !== 62 || k >= end) continue;
    yield { id: decode(bytes, id, j), sender: decode(bytes, from, k) };
  }
}
