// What a Postfix log line adds to a reply's CSV row: its queue id, `status=` and `delay=`, and the
// envelope sender, which only the qmgr line of the same queue id names (`from=<…>`), read earlier.
/** A Postfix program as a log line names it (`postfix/smtp`, `postfix-out/smtp`), before its
 *  `[pid]`; and a queue id, which follows `]: `. */
export const POSTFIX_PROGRAM = String.raw`postfix(?:-[\w-]+)?/[\w/-]+`;
export const QUEUE_ID_SHAPE = '[0-9A-Za-z]{5,20}';
const QUEUE_ID = new RegExp(String.raw`\b${POSTFIX_PROGRAM}\[\d+\]: (${QUEUE_ID_SHAPE}): `);
// Anchored on the queue id's `]: ` so the expression starts matching only there; qmgr is checked apart.
const SENDER = new RegExp(String.raw`\]: (${QUEUE_ID_SHAPE}): from=<([^<>\s]{0,320})>`);
const STATUS = /\bstatus=([a-z]+)/;
const DELAY = /\bdelay=(\d+(?:\.\d+)?)/;

/** Queue ids kept for the join: the oldest are dropped past this many (a queue id's lines are
 *  close together in a log, so memory stays bounded without losing joins). */
export const SENDERS_KEPT = 100_000;

export interface PostfixFields {
  queueId?: string;
  sender?: string;
  status?: string;
  delay?: string;
}

/** Queue id → envelope sender, from qmgr lines. */
export class QueueSenders {
  private readonly senders = new Map<string, string>();
  private readonly kept: number;

  /** `kept` 0 remembers nothing: without per-reply rows nothing asks (the command's summary). */
  constructor(kept = SENDERS_KEPT) {
    this.kept = kept;
  }

  /** Reads a line that may be a qmgr `from=<…>` line. */
  add(line: string) {
    const m = line.includes('/qmgr[') ? SENDER.exec(line) : null;
    if (m) this.set(m[1]!, m[2]!);
  }

  /** A queue id and its sender read from a qmgr line's bytes (SENDER's groups). */
  set(queueId: string, sender: string) {
    if (!this.kept) return;
    this.senders.delete(queueId);
    this.senders.set(queueId, sender);
    if (this.senders.size > this.kept) this.senders.delete(this.senders.keys().next().value!);
  }

  get(queueId: string): string | undefined {
    return this.senders.get(queueId);
  }
}

export function postfixFields(record: string, senders: QueueSenders): PostfixFields {
  const fields: PostfixFields = {};
  const queueId = QUEUE_ID.exec(record)?.[1];
  if (!queueId) return fields;
  fields.queueId = queueId;
  const sender = senders.get(queueId);
  if (sender !== undefined) fields.sender = sender || '<>';
  const status = STATUS.exec(record)?.[1];
  if (status) fields.status = status;
  const delay = DELAY.exec(record)?.[1];
  if (delay) fields.delay = delay;
  return fields;
}
