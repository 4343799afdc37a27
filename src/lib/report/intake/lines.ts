// Framing: chunks of any size are cut into lines (LF or CRLF) for the line-oriented readers.
import { type ChunkReader, type FileContext, MB } from './file.ts';

/** A longer line is cut into pieces of this size (the engine reads 16 KB of a line anyway). */
const MAX_LINE = MB;

export interface LineReader {
  /** One line; the file's line count already includes it. */
  line(line: string): void;
  /** The file has ended: classify what is held. */
  finish(): void;
  drain?(): Promise<void>;
}

export class LineSplitter implements ChunkReader {
  private readonly file: FileContext;
  private readonly reader: LineReader;
  private carry = '';

  constructor(file: FileContext, reader: LineReader) {
    this.file = file;
    this.reader = reader;
  }

  write(chunk: string) {
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

  end() {
    if (this.carry) this.line(this.carry);
    this.carry = '';
    this.reader.finish();
  }

  drain(): Promise<void> {
    return this.reader.drain?.() ?? Promise.resolve();
  }

  private line(line: string) {
    this.file.summary.lines++;
    this.file.noteMailLike(line);
    this.reader.line(line);
  }
}
