// Postfix logs a status line per recipient and attempt, and a provider's replies repeat: one reply
// to thousands of recipients, the lines differing only in their time, process id, queue id,
// recipient and delays. Classifying a line is most of what a log costs per reply, so a line of
// that shape is classified once per shape: with those fields set to fixed values, and its outcome
// kept. Each line then gets that outcome with its own recipient put back.
//
// Why the fixed values change nothing else the engine reads (tests/unit/record-memo.test.ts holds
// the outcomes to the engine's own on generated lines): the fields stand before the reply, so the
// reply's text and everything after it are the line's own. A time, process id, queue id or delay
// holds no reply code: their digits come in groups of one or two, or sit after a word character,
// `.`, `/` or `[`, or before a character no code is followed by. The recipient's local part starts
// with a letter and has only word characters, `.`, `+` and `-`, so no code, marker, host or stage
// can start or end inside it; the engine reads it only as the recipient, which is put back (it is
// also named in the `why` sentence). The domain is kept, and short enough for both addresses to be
// read whole (the engine takes up to 254 characters).
import type { Classification, Classifier } from '../classify/index.ts';
import { fnv1a } from './fnv1a.ts';
import { POSTFIX_PROGRAM, QUEUE_ID_SHAPE } from './postfix-fields.ts';

const STAMP = String.raw`(?:[A-Z][a-z]{2} [ 1-3]\d \d\d:\d\d:\d\d|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?)`;
const SECONDS = String.raw`\d{1,9}(?:\.\d{1,9})?`;
/** The fields before `dsn=` of Postfix's smtp, lmtp and error status lines, as in
 *  `Mar  2 10:00:00 mail postfix/smtp[2000]: 9E3779B1: to=<r0@icloud.com>, relay=mx02.…:25,
 *  delay=1.1, delays=0.1/0/0.5/0.5, dsn=…`; what the outcome depends on is captured. */
const SHAPE = new RegExp(
  String.raw`^(${STAMP}) (\S{1,253} ${POSTFIX_PROGRAM})\[\d{1,10}\]: ${QUEUE_ID_SHAPE}: ` +
    String.raw`to=<([A-Za-z][\w.+-]{0,63})@([\w.-]{1,189})>, ((?:orig_to=<[^<>\s]{0,254}>, )?relay=[^,\s]{1,300}, (?:conn_use=\d{1,5}, )?)` +
    String.raw`delay=${SECONDS}, delays=${SECONDS}/${SECONDS}/${SECONDS}/${SECONDS}, (dsn=.*)$`,
);
/** The fixed values, of the same forms. */
const SYSLOG_STAMP = 'Jan  1 00:00:00';
const ISO_STAMP = '2000-01-01T00:00:00Z';
const LOCAL = 'memo.recipient';
/** Shapes kept at most: past this the memo starts again. */
const LIMIT = 2_048;
/** Shapes seen once, remembered by hash, at most. */
const SEEN_LIMIT = 65_536;

export class RecordMemo {
  private readonly classifier: Classifier;
  private readonly outcomes = new Map<string, Classification[]>();
  /** Shapes met once: an outcome is kept only when its shape comes again. Most lines of a shape
   *  seen once never recur (a reply naming its own message id), and keeping their outcomes would
   *  fill the old generation with garbage that raises a long log's peak memory. */
  private readonly seen = new Set<number>();

  constructor(classifier: Classifier) {
    this.classifier = classifier;
  }

  /** The replies in one record, as `classifier.classify(record).results` gives them. */
  classify(record: string): Classification[] {
    const m = record.includes(LOCAL) ? null : SHAPE.exec(record);
    if (!m) return this.classifier.classify(record).results;
    const [, stamp, program, local, domain, fields, rest] = m;
    const fixed = `${stamp!.length === 15 ? SYSLOG_STAMP : ISO_STAMP} ${program}[1]: QUEUE: to=<${LOCAL}@${domain}>, ${fields}delay=0, delays=0/0/0/0, ${rest}`;
    let results = this.outcomes.get(fixed);
    if (!results) {
      // 30 bits: small enough for V8 to keep the set's numbers unboxed.
      const hash = fnv1a(fixed) & 0x3fffffff;
      if (!this.seen.has(hash)) {
        if (this.seen.size >= SEEN_LIMIT) this.seen.clear();
        this.seen.add(hash);
        return this.classifier.classify(record).results;
      }
      results = this.classifier.classify(fixed).results;
      if (this.outcomes.size >= LIMIT) this.outcomes.clear();
      this.outcomes.set(fixed, results);
    }
    return results.map((r) => withRecipient(r, `${LOCAL}@${domain}`, `${local}@${domain}`));
  }
}

/** `r` with the recipient `fixed` named as `real`. */
function withRecipient(r: Classification, fixed: string, real: string): Classification {
  const context = r.reply.context;
  if (context.recipient !== fixed) return r;
  return {
    ...r,
    reply: { ...r.reply, context: { ...context, recipient: real } },
    why: r.why.replaceAll(fixed, real),
  };
}
