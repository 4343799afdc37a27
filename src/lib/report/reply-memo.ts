// A mail log repeats its replies: one server gives the same answer to many recipients, many times a
// day. A Postfix delivery record then differs from an earlier one only in its time, process id,
// queue id and the recipient's local part, and of these the classifier only copies the recipient.
// Such a record takes the earlier record's classification with its own recipient. Every other
// record is classified alone, and so is every record of a reply whose classification showed one of
// those fields. tests/unit/reply-memo.test.ts holds the memo to classifying each record alone.
import type { Classification, Classifier } from '../classify/index.ts';

/** The time (ISO or syslog); the host and Postfix program; the process id; the queue id; the
 *  recipient's local part and domain; the rest of the line. */
const POSTFIX_RECORD =
  /^(\d{4}-\d\d-\d\d[T ][\d:.,]{8,20}(?:Z|[+-]\d\d:?\d\d)?|[A-Z][a-z]{2} {1,2}\d{1,2} \d\d:\d\d:\d\d) (\S{1,255} postfix(?:-[\w-]+)?\/[\w/-]{1,40})\[(\d{1,10})\]: ([0-9A-Za-z]{1,20}): to=<([A-Za-z0-9._+-]{1,64})@([A-Za-z0-9.-]{1,253})>(,[^\n]*)$/;
/** Templates kept; past this many the memo starts again (a log's replies are a few hundred kinds). */
const LIMIT = 4_096;

type Template = { results: Classification[] } | null;

/** The strings a classification shows of its reply: where a varying field would appear. */
function shown(r: Classification): (string | undefined)[] {
  const { reply } = r;
  const context = Object.entries(reply.context).filter(([k]) => k !== 'recipient');
  return [
    reply.text,
    reply.enhanced,
    reply.earlier?.text,
    reply.dsn?.status,
    reply.dsn?.reason,
    ...context.map(([, v]) => v),
    r.why,
    r.rule,
    r.provider,
  ];
}

export class ReplyMemo {
  private readonly classifier: Classifier;
  private readonly templates = new Map<string, Template>();

  constructor(classifier: Classifier) {
    this.classifier = classifier;
  }

  /** The replies of one log record, as the classifier finds them in it alone. */
  classify(text: string): Classification[] {
    const m = POSTFIX_RECORD.exec(text);
    if (!m) return this.classifier.classify(text).results;
    const [, time, program, pid, queueId, local, domain, rest] = m;
    const address = `${local}@${domain}`;
    const key = `${program}\n${domain}\n${rest}`;
    const template = this.templates.get(key);
    if (template) return template.results.map((r) => withRecipient(r, address));
    if (template === null) return this.classifier.classify(text).results;
    const { results } = this.classifier.classify(text);
    const varying = [time!, `[${pid}]`, `${queueId}:`, `${local}@`];
    const reusable = results.every(
      (r) =>
        r.reply.context.recipient === address &&
        shown(r).every((s) => s === undefined || !varying.some((v) => s.includes(v))),
    );
    if (this.templates.size >= LIMIT) this.templates.clear();
    this.templates.set(key, reusable ? { results } : null);
    return reusable ? results.map((r) => withRecipient(r, address)) : results;
  }
}

/** A copy of a template's classification for another recipient (the template is never handed out:
 *  a caller may keep what it gets). */
function withRecipient(r: Classification, recipient: string): Classification {
  return { ...r, reply: { ...r.reply, context: { ...r.reply.context, recipient } } };
}
