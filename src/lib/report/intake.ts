// One file going into the report: text arrives in chunks of any size; its head tells its format,
// and the reader for that format (./intake/) groups it into records (a log line with its
// continuation lines, a paragraph of bounce text, one JSON event, one email message), each
// classified on its own. This module decides the format and what was wrong with the file.
import { problems } from './problems.ts';
import { sniff, SNIFF_CHARS } from './sniff.ts';
import type { FileSummary } from './types.ts';
import { FileContext, type FileInfo, type IntakeEnv } from './intake/file.ts';
import { JsonReader } from './intake/json.ts';
import { JsonLinesReader } from './intake/json-lines.ts';
import { type LineReader, LineSplitter } from './intake/lines.ts';
import { LogReader } from './intake/log.ts';
import { MessageReader } from './intake/messages.ts';
import { TextReader } from './intake/text.ts';
import { utf16Of, utf16ToUtf8, type Utf16ToUtf8 } from './utf16.ts';

export type { FileInfo, IntakeEnv } from './intake/file.ts';

type Reader = LogReader | LineSplitter;

/** The reader for the format, given `head`: the whole file when `whole`, else its first part. */
function readerFor(format: ReturnType<typeof sniff>, file: FileContext, head: string, whole: boolean) {
  if (format === 'binary') return format;
  file.summary.format = format;
  if (format === 'log') return new LogReader(file);
  if (format === 'eml' && whole) {
    const message = new MessageReader(file, false);
    message.whole(head);
    return new LineSplitter(file, message);
  }
  const lines: LineReader =
    format === 'text'
      ? new TextReader(file)
      : format === 'json-lines'
        ? new JsonLinesReader(file)
        : format === 'json'
          ? new JsonReader(file)
          : new MessageReader(file, format === 'mbox');
  const splitter = new LineSplitter(file, lines);
  splitter.write(head);
  return splitter;
}

export class FileIntake {
  private readonly file: FileContext;
  /** Unset while the head is still being collected for the sniffer. */
  private reader?: Reader | 'binary';
  /** The head as text, and as the bytes it came in when it came in bytes. */
  private head = '';
  private headBytes: Uint8Array[] = [];
  /** Decodes bytes for the readers that read text (all but the log's). */
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  /** Set when the bytes start with a UTF-16 byte order mark (./utf16.ts): they are read as UTF-8. */
  private utf16?: Utf16ToUtf8 | undefined;
  private size = 0;

  constructor(name: string, info: FileInfo, env: IntakeEnv) {
    this.file = new FileContext(name, info, env);
  }

  get summary(): FileSummary {
    return this.file.summary;
  }

  /** Reports what went wrong while reading (a damaged gzip, a read error); the file still counts. */
  fail(problem: string) {
    this.file.fail(problem);
  }

  /** A chunk of the file: bytes (UTF-8, or UTF-16 with a byte order mark) or text; one file is
   *  written in one of the two. The bytes are read (or copied) before this returns, so the caller
   *  may reuse its buffer. */
  async write(chunk: string | Uint8Array): Promise<void> {
    if (typeof chunk !== 'string') {
      if (this.size === 0) {
        const utf16 = utf16Of(chunk);
        if (utf16) this.utf16 = utf16ToUtf8(utf16);
      }
      this.size += chunk.length;
      return this.take(this.utf16 ? this.utf16.push(chunk) : chunk);
    }
    this.size += chunk.length;
    return this.take(chunk);
  }

  private async take(chunk: string | Uint8Array): Promise<void> {
    const reader = this.reader;
    if (reader === 'binary') return;
    if (reader instanceof LogReader) {
      if (typeof chunk === 'string') reader.write(chunk);
      else reader.writeBytes(chunk);
    } else if (reader) reader.write(this.text(chunk));
    else {
      if (typeof chunk === 'string') this.head += chunk;
      else {
        // A copy: the caller may fill the same buffer with the next chunk.
        this.headBytes.push(chunk.slice());
        this.head += this.decoder.decode(chunk, { stream: true });
      }
      if (this.head.length < SNIFF_CHARS) return;
      this.start();
    }
    await this.drain();
  }

  async end(): Promise<void> {
    const rest = this.utf16?.end();
    if (rest?.length) await this.take(rest);
    if (!this.reader) {
      // The whole file is in the head (with what the decoder held of a split character).
      this.head += this.decoder.decode();
      this.start(true);
    } else if (this.reader instanceof LineSplitter) {
      const rest = this.decoder.decode();
      if (rest) this.reader.write(rest);
    }
    if (this.reader !== 'binary') {
      this.reader?.end();
      await this.drain();
    }
    const s = this.file.summary;
    if (s.problem) return;
    if (this.size === 0)
      s.problem =
        s.bytes > 0 && s.gzip ? problems.emptyGzip(s.name) : problems.empty(s.name, /\.gz$/i.test(s.name));
    else if (this.reader === 'binary') s.problem = problems.binary(s.name);
    else if (s.replies === 0 && !this.file.mailLike) s.problem = problems.notMail(s.name, s.lines);
  }

  private text(chunk: string | Uint8Array): string {
    return typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
  }

  private async drain() {
    if (this.reader instanceof LineSplitter) await this.reader.drain();
  }

  /** `whole`: the file has ended, and the head is all of it. */
  private start(whole = false) {
    const reader = (this.reader = readerFor(sniff(this.head), this.file, this.head, whole));
    if (reader instanceof LogReader) {
      // The log reads the bytes themselves; what the decoder holds of a split character is in them.
      if (this.headBytes.length) for (const bytes of this.headBytes) reader.writeBytes(bytes);
      else reader.write(this.head);
    }
    this.head = '';
    this.headBytes = [];
  }
}
