// What the readers of one file share: its summary, the report's tools, and the counting of what
// they find into the tally.
import type { Classification, Classifier, ClassifyOutcome } from '../../classify/index.ts';
import { APPLE_MAIL_NAME } from '../../lexicon.ts';
import { deliveredIn } from '../deliveries.ts';
import type { LogScanner } from '../log-scan.ts';
import type { Prefilter } from '../../classify/prefilter.ts';
import type { RecordMemo } from '../record-memo.ts';
import type { Tally } from '../tally.ts';
import { lineTime } from '../timestamps.ts';
import type { FileSummary } from '../types.ts';

export const MB = 1_048_576;
/** A delivery naming an Apple host or domain counts as iCloud's (see ../deliveries.ts). */
const APPLE = new RegExp(APPLE_MAIL_NAME);
/** Words a mail log, bounce or event has; a file with none of them and no reply is not mail. */
const MAIL_LIKE =
  /postfix|sendmail|exim|smtp|status=|dsn=|relay=|to=<|from=<|diagnostic-code|final-recipient|@/i;

export interface FileInfo {
  /** Size on disk, for the summary (compressed size for .gz). */
  bytes?: number;
  /** Modification time (ms): the year of syslog lines, which carry none. */
  lastModified?: number;
  gzip?: boolean;
}

export interface IntakeEnv {
  classifier: Classifier;
  classifyAny?: (text: string) => Promise<ClassifyOutcome>;
  prefilter: Prefilter;
  /** Classifies a log record, once per shape of Postfix status line. */
  records: RecordMemo;
  scanner: LogScanner;
  tally: Tally;
  now: number;
}

/** Text read from a file, as the sniffer's readers take it: chunks in, records counted. */
export interface ChunkReader {
  write(chunk: string): void;
  end(): void;
  /** Classifies what was queued (MIME decoding is asynchronous). */
  drain?(): Promise<void>;
}

export class FileContext {
  readonly summary: FileSummary;
  /** The year of syslog lines is judged from this time. */
  readonly reference: number;
  readonly env: IntakeEnv;
  mailLike = false;

  constructor(name: string, info: FileInfo, env: IntakeEnv) {
    this.env = env;
    this.summary = {
      name,
      bytes: info.bytes ?? 0,
      gzip: !!info.gzip,
      lines: 0,
      records: 0,
      replies: 0,
      icloud: 0,
    };
    this.reference = info.lastModified ?? env.now;
    env.tally.files.push(this.summary);
  }

  noteMailLike(text: string) {
    // An address, in nearly every message and mail log, is looked for at once: the expression,
    // case-insensitive and of many words, took 4 µs a bounce message.
    if (!this.mailLike && (text.includes('@') || MAIL_LIKE.test(text))) this.mailLike = true;
  }

  fail(problem: string) {
    this.summary.problem ??= problem;
  }

  /** `record` is the text the replies came from, for the Postfix fields of their CSV rows. */
  add(results: Classification[], time: number | undefined, line: number, record?: string) {
    this.env.tally.add(results, { file: this.summary, line, time, record });
  }

  /** A delivery line to any provider; one naming an Apple host or domain is iCloud's. */
  deliveryLine(line: string) {
    const to = deliveredIn(line);
    if (!to) return;
    const apple = APPLE.test(line);
    if (apple) this.env.tally.delivered.add(to);
    const at = apple ? lineTime(line, this.reference, this.env.tally.clock) : undefined;
    this.env.tally.countDelivery(to, apple, at);
    if (at !== undefined) this.env.tally.minutes.addDelivered(at);
  }

  /** A delivery event of a webhook export. */
  deliveredEvent(recipient: string) {
    this.env.tally.eventDelivery(recipient);
  }
}
