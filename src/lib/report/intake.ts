// One file going into the report: text arrives in chunks of any size, is cut into lines, grouped
// into records by the file's format (a log line with its continuation lines, a paragraph of
// bounce text, one JSON event, one email message) and each record is classified on its own.
import type { Classification, Classifier, ClassifyOutcome } from '../classify/index.ts';
import { deliveredIn, deliveredInEvent } from './deliveries.ts';
import { detach } from './detach.ts';
import { APPLE_MAIL_NAME } from '../lexicon.ts';
import type { LogScanner, LogSink } from './log-scan.ts';
import type { Prefilter } from './prefilter.ts';
import { problems } from './problems.ts';
import { sniff, SNIFF_CHARS } from './sniff.ts';
import type { Tally } from './tally.ts';
import { eventTime, lineTime, messageTime } from './timestamps.ts';
import type { FileFormat, FileSummary } from './types.ts';

const MB = 1_048_576;
/** A longer line is cut into pieces of this size (the engine reads 16 KB of a line anyway). */
const MAX_LINE = MB;
/** A paragraph of bounce text is classified when it reaches this size even without a blank line. */
const MAX_PARAGRAPH = 256 * 1024;
const MAX_DOCUMENT_MB = 64;
const MAX_MESSAGE_MB = 32;
/** Words a mail log, bounce or event has; a file with none of them and no reply is not mail. */
const MAIL_LIKE =
  /postfix|sendmail|exim|smtp|status=|dsn=|relay=|to=<|from=<|diagnostic-code|final-recipient|@/i;
/** A delivery is worth remembering only to an address Apple may host (see ./deliveries.ts). */
const APPLE = new RegExp(APPLE_MAIL_NAME);

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
  scanner: LogScanner;
  tally: Tally;
  now: number;
}

export class FileIntake {
  readonly summary: FileSummary;
  private mode: FileFormat | 'binary' | 'sniff' = 'sniff';
  private head = '';
  private carry = '';
  private chars = 0;
  private mailLike = false;
  private readonly reference: number;
  // The record being built.
  private lines: string[] = [];
  private firstLine = 0;
  private size = 0;
  private mayHold = false;
  private queue: { text: string; line: number; mime: boolean }[] = [];

  private readonly env: IntakeEnv;

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

  /** Reports what went wrong while reading (a damaged gzip, a read error); the file still counts. */
  fail(problem: string) {
    this.summary.problem ??= problem;
  }

  async write(chunk: string): Promise<void> {
    this.chars += chunk.length;
    if (this.mode === 'binary') return;
    if (this.mode === 'sniff') {
      this.head += chunk;
      if (this.head.length < SNIFF_CHARS) return;
      this.start();
    } else this.split(chunk);
    await this.drain();
  }

  async end(): Promise<void> {
    if (this.mode === 'sniff') this.start();
    if (this.mode === 'log') this.scanLog('', true);
    else if (this.mode !== 'binary') {
      if (this.carry) this.line(this.carry);
      this.carry = '';
      this.finish();
      await this.drain();
    }
    const s = this.summary;
    if (s.problem) return;
    if (this.chars === 0)
      s.problem =
        s.bytes > 0 && s.gzip ? problems.emptyGzip(s.name) : problems.empty(s.name, /\.gz$/i.test(s.name));
    else if (this.mode === 'binary') s.problem = problems.binary(s.name);
    else if (s.replies === 0 && !this.mailLike) s.problem = problems.notMail(s.name, s.lines);
  }

  private start() {
    const found = sniff(this.head);
    this.mode = found;
    if (found !== 'binary') {
      this.summary.format = found;
      this.split(this.head);
    }
    this.head = '';
  }

  private split(chunk: string) {
    if (this.mode === 'log') return this.scanLog(chunk, false);
    const text = this.carry ? this.carry + chunk : chunk;
    let start = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      const end = i > start && text.charCodeAt(i - 1) === 13 ? i - 1 : i;
      this.line(text.slice(start, end));
      start = i + 1;
    }
    this.carry = start === 0 ? text : text.slice(start);
    while (this.carry.length > MAX_LINE) {
      this.line(this.carry.slice(0, MAX_LINE));
      this.carry = this.carry.slice(MAX_LINE);
    }
  }

  private line(line: string) {
    this.summary.lines++;
    if (!this.mailLike && MAIL_LIKE.test(line)) this.mailLike = true;
    switch (this.mode) {
      case 'text':
        return this.textLine(line);
      case 'json-lines':
        return this.jsonLine(line);
      default:
        return this.bufferLine(line);
    }
  }

  // --- a mail log, read a chunk at a time (./log-scan.ts) ---

  private readonly logSink: LogSink = {
    record: (text, line, lines) => {
      this.summary.records++;
      if (!this.env.prefilter(text)) {
        this.env.tally.skipped += lines;
        return;
      }
      const { results } = this.env.classifier.classify(detach(text));
      if (results.length) this.add(results, lineTime(text, this.reference, this.env.tally.clock), line, text);
    },
    skip: (lines) => {
      this.summary.records++;
      this.env.tally.skipped += lines;
    },
    appleLine: (text) => {
      const delivered = deliveredIn(text);
      if (delivered) this.env.tally.delivered.add(delivered);
      const at = delivered ? lineTime(text, this.reference, this.env.tally.clock) : undefined;
      if (at !== undefined) this.env.tally.minutes.addDelivered(at);
    },
    senderLine: (text) => this.env.tally.senders.line(text),
  };

  private scanLog(chunk: string, final: boolean) {
    let text = this.carry ? this.carry + chunk : chunk;
    if (!this.mailLike && MAIL_LIKE.test(text)) this.mailLike = true;
    // The record held back for the next chunk is at most MAX_RECORD and a line; a line longer
    // than MAX_LINE is cut.
    const force = final || text.length - text.lastIndexOf('\n') > MAX_LINE;
    const { consumed, lines } = this.env.scanner.scan(text, this.summary.lines, force, this.logSink);
    this.summary.lines += lines;
    text = text.slice(consumed);
    this.carry = text;
  }

  // --- line-oriented text: paragraphs of bounce text ---

  private append(line: string) {
    if (!this.lines.length) this.firstLine = this.summary.lines;
    this.lines.push(line);
    this.size += line.length + 1;
    if (!this.mayHold && this.env.prefilter(line)) this.mayHold = true;
    const delivered = APPLE.test(line) ? deliveredIn(line) : undefined;
    if (delivered) this.env.tally.delivered.add(delivered);
  }

  private textLine(line: string) {
    if (line.trim() === '') return this.flushText();
    this.append(line);
    if (this.size >= MAX_PARAGRAPH) this.flushText();
  }

  private flushText() {
    const n = this.lines.length;
    if (!n) return;
    this.summary.records++;
    if (!this.mayHold) this.env.tally.skipped += n;
    else {
      const text = n === 1 ? detach(this.lines[0]!) : this.lines.join('\n');
      const { results } = this.env.classifier.classify(text);
      if (results.length)
        this.add(results, lineTime(text, this.reference, this.env.tally.clock), undefined, text);
    }
    this.lines = [];
    this.size = 0;
    this.mayHold = false;
  }

  private add(results: Classification[], time: number | undefined, line = this.firstLine, record?: string) {
    this.env.tally.add(results, { file: this.summary, line, time, record });
  }

  // --- one JSON event per line ---

  private jsonLine(line: string) {
    if (line.trim() === '') return;
    this.summary.records++;
    const lineNo = this.summary.lines;
    let event: unknown;
    const parse = () => {
      try {
        event ??= JSON.parse(line);
      } catch {
        event = null;
      }
      return event;
    };
    if (/deliver|"send"/i.test(line))
      for (const r of deliveredInEvent(parse())) this.env.tally.delivered.add(r);
    if (!this.env.prefilter(line)) {
      this.env.tally.skipped++;
      return;
    }
    const { results } = this.env.classifier.classify(detach(line));
    if (results.length) this.add(results, eventTime(parse()), lineNo, line);
  }

  // --- whole documents: a JSON export, one message, an mbox ---

  private bufferLine(line: string) {
    if (
      this.mode === 'mbox' &&
      line.startsWith('From ') &&
      (this.lines.length === 0 || this.lines.at(-1) === '')
    ) {
      this.flushMessage();
    }
    if (!this.lines.length) this.firstLine = this.summary.lines;
    this.lines.push(line);
    this.size += line.length + 1;
    const limit = (this.mode === 'json' ? MAX_DOCUMENT_MB : MAX_MESSAGE_MB) * MB;
    if (this.size < limit) return;
    if (this.mode === 'mbox') {
      // One message this large is no bounce; its text is still read for replies.
      this.queue.push({ text: this.takeLines(), line: this.firstLine, mime: false });
      return;
    }
    const what = this.mode === 'json' ? 'a JSON document' : 'a message';
    this.fail(
      problems.tooBig(this.summary.name, what, this.mode === 'json' ? MAX_DOCUMENT_MB : MAX_MESSAGE_MB),
    );
    this.asText();
  }

  /** Reads the buffered lines, and everything after them, as plain text. */
  private asText() {
    const buffered = this.lines;
    this.lines = [];
    this.size = 0;
    this.mode = 'text';
    this.summary.format = 'text';
    for (const l of buffered) this.textLine(l);
  }

  private takeLines(): string {
    const text = this.lines.join('\n');
    this.lines = [];
    this.size = 0;
    return text;
  }

  private flushMessage() {
    if (!this.lines.length) return;
    const line = this.firstLine;
    this.queue.push({ text: this.takeLines(), line, mime: true });
  }

  private finish() {
    if (this.mode === 'text') this.flushText();
    else if (this.mode === 'eml' || this.mode === 'mbox') this.flushMessage();
    else if (this.mode === 'json') this.finishJson();
  }

  private finishJson() {
    if (!this.lines.length) return;
    const text = this.lines.join('\n');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      this.fail(problems.badJson(this.summary.name, error instanceof Error ? error.message : String(error)));
      this.asText();
      this.flushText();
      return;
    }
    const line = this.firstLine;
    this.lines = [];
    const events = Array.isArray(value) ? value : [value];
    for (const event of events) {
      this.summary.records++;
      for (const r of deliveredInEvent(event)) this.env.tally.delivered.add(r);
      const record = Array.isArray(value) ? JSON.stringify(event) : text;
      const { results } = this.env.classifier.classify(record);
      if (results.length) this.add(results, eventTime(event), line, record);
    }
  }

  /** Classifies the queued messages: MIME decoding is asynchronous. */
  private async drain() {
    while (this.queue.length) {
      const { text, line, mime } = this.queue.shift()!;
      this.summary.records++;
      const { classifyAny } = this.env;
      const { results } = mime && classifyAny ? await classifyAny(text) : this.env.classifier.classify(text);
      if (results.length) this.add(results, messageTime(text), line, text);
    }
  }
}
