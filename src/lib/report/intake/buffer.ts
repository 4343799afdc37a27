// The lines of a whole document (a JSON export, a message), held until it is complete.
import type { FileContext } from './file.ts';

export class LineBuffer {
  lines: string[] = [];
  firstLine = 0;
  size = 0;

  private readonly file: FileContext;

  constructor(file: FileContext) {
    this.file = file;
  }

  push(line: string) {
    if (!this.lines.length) this.firstLine = this.file.summary.lines;
    this.lines.push(line);
    this.size += line.length + 1;
  }

  /** The buffered lines, emptying the buffer. */
  takeLines(): string[] {
    const lines = this.lines;
    this.lines = [];
    this.size = 0;
    return lines;
  }

  take(): string {
    return this.takeLines().join('\n');
  }
}
