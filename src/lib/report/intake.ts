// One file going into the report: text arrives in chunks of any size; its head tells its format,
// and the reader for that format (./intake/) groups it into records (a log line with its
// continuation lines, a paragraph of bounce text, one JSON event, one email message), each
// classified on its own. This module decides the format and what was wrong with the file.
import { problems } from './problems.ts';
import { sniff, SNIFF_CHARS } from './sniff.ts';
import type { FileSummary } from './types.ts';
import { type ChunkReader, FileContext, type FileInfo, type IntakeEnv } from './intake/file.ts';
import { JsonReader } from './intake/json.ts';
import { JsonLinesReader } from './intake/json-lines.ts';
import { type LineReader, LineSplitter } from './intake/lines.ts';
import { LogReader } from './intake/log.ts';
import { MessageReader } from './intake/messages.ts';
import { TextReader } from './intake/text.ts';

export type { FileInfo, IntakeEnv } from './intake/file.ts';

function readerFor(format: ReturnType<typeof sniff>, file: FileContext): ChunkReader | 'binary' {
  if (format === 'binary') return format;
  file.summary.format = format;
  if (format === 'log') return new LogReader(file);
  const lines: LineReader =
    format === 'text'
      ? new TextReader(file)
      : format === 'json-lines'
        ? new JsonLinesReader(file)
        : format === 'json'
          ? new JsonReader(file)
          : new MessageReader(file, format === 'mbox');
  return new LineSplitter(file, lines);
}

export class FileIntake {
  private readonly file: FileContext;
  /** Unset while the head is still being collected for the sniffer. */
  private reader?: ChunkReader | 'binary';
  private head = '';
  private chars = 0;

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

  async write(chunk: string): Promise<void> {
    this.chars += chunk.length;
    if (this.reader === 'binary') return;
    if (this.reader) this.reader.write(chunk);
    else {
      this.head += chunk;
      if (this.head.length < SNIFF_CHARS) return;
      this.start();
    }
    await this.drain();
  }

  async end(): Promise<void> {
    if (!this.reader) this.start();
    if (this.reader !== 'binary') {
      this.reader?.end();
      await this.drain();
    }
    const s = this.file.summary;
    if (s.problem) return;
    if (this.chars === 0)
      s.problem =
        s.bytes > 0 && s.gzip ? problems.emptyGzip(s.name) : problems.empty(s.name, /\.gz$/i.test(s.name));
    else if (this.reader === 'binary') s.problem = problems.binary(s.name);
    else if (s.replies === 0 && !this.file.mailLike) s.problem = problems.notMail(s.name, s.lines);
  }

  private async drain() {
    const reader = this.reader;
    if (reader && reader !== 'binary') await reader.drain?.();
  }

  private start() {
    this.reader = readerFor(sniff(this.head), this.file);
    if (this.reader !== 'binary') this.reader.write(this.head);
    this.head = '';
  }
}
