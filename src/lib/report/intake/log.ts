// A mail log, read a chunk of bytes at a time by the fast scanner (../log-scan.ts): only the records
// that may hold a reply are decoded and classified (a Postfix status line once per shape:
// ../record-memo.ts).
import { decode, NL } from '../bytes.ts';
import type { LogSink } from '../log-scan.ts';
import { lineTime } from '../timestamps.ts';
import { type FileContext, MB } from './file.ts';
import { LogLines } from './log-lines.ts';

/** A line longer than this is cut (the record held back is at most MAX_RECORD and a line). */
const MAX_LINE = MB;
const encoder = new TextEncoder();

/** A growing buffer of the bytes written and not yet read, so tiny writes cost no copies of it. */
class Pending {
  private buffer = new Uint8Array(1 << 16);
  private used = 0;

  private room(n: number) {
    if (this.used + n <= this.buffer.length) return;
    const next = new Uint8Array(Math.max(this.buffer.length * 2, this.used + n));
    next.set(this.buffer.subarray(0, this.used));
    this.buffer = next;
  }

  bytes(chunk: Uint8Array) {
    this.room(chunk.length);
    this.buffer.set(chunk, this.used);
    this.used += chunk.length;
  }

  text(chunk: string) {
    // UTF-8 takes at most three bytes per UTF-16 unit.
    this.room(chunk.length * 3);
    this.used += encoder.encodeInto(chunk, this.buffer.subarray(this.used)).written;
  }

  get size() {
    return this.used;
  }

  view(): Uint8Array {
    return this.buffer.subarray(0, this.used);
  }

  /** Forgets the first `n` bytes. */
  drop(n: number) {
    this.buffer.copyWithin(0, n, this.used);
    this.used -= n;
  }
}

export class LogReader {
  /** Bytes not read yet: the record the next chunk may continue and any unfinished line. */
  private readonly pending = new Pending();
  private readonly sink: LogSink;

  private readonly file: FileContext;

  constructor(file: FileContext) {
    this.file = file;
    const { env, summary } = file;
    const lines = new LogLines(file);
    this.sink = {
      record: (bytes, start, end, line, count) => {
        summary.records++;
        const text = decode(bytes, start, end);
        if (!env.prefilter(text)) {
          env.tally.skipped += count;
          return;
        }
        const results = env.records.classify(text);
        if (results.length) file.add(results, lineTime(text, file.reference, env.tally.clock), line, text);
      },
      skip: (n) => {
        summary.records += n;
        env.tally.skipped += n;
      },
      deliveryLine: (bytes, line) => lines.delivery(bytes, line),
      senderLine: (bytes, start, end) => lines.sender(bytes, start, end),
    };
  }

  /** Text from a caller that has text, not bytes (the Node API's write(), tests). */
  write(chunk: string) {
    this.pending.text(chunk);
    // Until a line ends (or one grows too long) there is nothing new to read.
    if (chunk.includes('\n') || this.pending.size > MAX_LINE) this.scan(false);
  }

  writeBytes(chunk: Uint8Array) {
    this.pending.bytes(chunk);
    if (chunk.includes(NL) || this.pending.size > MAX_LINE) this.scan(false);
  }

  end() {
    this.scan(true);
  }

  private scan(final: boolean) {
    const { summary, env } = this.file;
    const bytes = this.pending.view();
    const unread = bytes.length - (bytes.lastIndexOf(NL) + 1);
    if (!this.file.mailLike) this.file.noteMailLike(decode(bytes, 0, bytes.length));
    const { consumed, lines } = env.scanner.scan(bytes, summary.lines, final || unread > MAX_LINE, this.sink);
    summary.lines += lines;
    this.pending.drop(consumed);
  }
}
