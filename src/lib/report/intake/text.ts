// Line-oriented text: each paragraph of bounce text is one record.
import { detach } from '../detach.ts';
import { lineTime } from '../timestamps.ts';
import type { FileContext } from './file.ts';
import type { LineReader } from './lines.ts';

/** A paragraph of bounce text is classified when it reaches this size even without a blank line. */
const MAX_PARAGRAPH = 256 * 1024;

export class TextReader implements LineReader {
  private lines: string[] = [];
  private firstLine = 0;
  private size = 0;
  private mayHold = false;

  private readonly file: FileContext;

  constructor(file: FileContext) {
    this.file = file;
    file.summary.format = 'text';
  }

  line(line: string) {
    if (line.trim() === '') return this.flush();
    this.append(line);
    if (this.size >= MAX_PARAGRAPH) this.flush();
  }

  finish() {
    this.flush();
  }

  private append(line: string) {
    const { summary, env } = this.file;
    if (!this.lines.length) this.firstLine = summary.lines;
    this.lines.push(line);
    this.size += line.length + 1;
    if (!this.mayHold && env.prefilter(line)) this.mayHold = true;
    this.file.deliveryLine(line);
    env.tally.senders.add(line);
    env.tally.senderDomains.line(line);
  }

  private flush() {
    const n = this.lines.length;
    if (!n) return;
    const { summary, env } = this.file;
    summary.records++;
    if (!this.mayHold) env.tally.skipped += n;
    else {
      const text = n === 1 ? detach(this.lines[0]!) : this.lines.join('\n');
      const { results } = env.classifier.classify(text);
      if (results.length)
        this.file.add(results, lineTime(text, this.file.reference, env.tally.clock), this.firstLine, text);
    }
    this.lines = [];
    this.size = 0;
    this.mayHold = false;
  }
}

/** Reads lines already buffered for a document, and everything after them, as plain text. */
export function readAsText(file: FileContext, buffered: readonly string[]): TextReader {
  const text = new TextReader(file);
  for (const l of buffered) text.line(l);
  return text;
}
