// A JSON export: the whole document is parsed at the end, and each event in it is one record.
import { deliveredInEvent } from '../deliveries.ts';
import { problems } from '../problems.ts';
import { eventTime } from '../timestamps.ts';
import { LineBuffer } from './buffer.ts';
import { type FileContext, MB } from './file.ts';
import type { LineReader } from './lines.ts';
import { readAsText, type TextReader } from './text.ts';

const MAX_DOCUMENT_MB = 64;

export class JsonReader implements LineReader {
  private readonly buffer: LineBuffer;
  /** Set when the document is too big or no JSON: the rest is read as text. */
  private text?: TextReader;

  private readonly file: FileContext;

  constructor(file: FileContext) {
    this.file = file;
    this.buffer = new LineBuffer(file);
  }

  line(line: string) {
    if (this.text) return this.text.line(line);
    this.buffer.push(line);
    if (this.buffer.size < MAX_DOCUMENT_MB * MB) return;
    this.file.fail(problems.tooBig(this.file.summary.name, 'a JSON document', MAX_DOCUMENT_MB));
    this.text = readAsText(this.file, this.buffer.takeLines());
  }

  finish() {
    if (this.text) return this.text.finish();
    const { lines, firstLine: line } = this.buffer;
    if (!lines.length) return;
    const text = lines.join('\n');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.file.fail(problems.badJson(this.file.summary.name, reason));
      readAsText(this.file, this.buffer.takeLines()).finish();
      return;
    }
    this.buffer.takeLines();
    const { summary, env } = this.file;
    const events = Array.isArray(value) ? value : [value];
    for (const event of events) {
      summary.records++;
      for (const r of deliveredInEvent(event)) this.file.deliveredEvent(r);
      const record = Array.isArray(value) ? JSON.stringify(event) : text;
      const { results } = env.classifier.classify(record);
      if (results.length) this.file.add(results, eventTime(event), line, record);
    }
  }
}
