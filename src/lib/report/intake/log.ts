// A mail log, read a chunk at a time by the fast scanner (../log-scan.ts).
import { detach } from '../detach.ts';
import type { LogSink } from '../log-scan.ts';
import { lineTime } from '../timestamps.ts';
import { type ChunkReader, type FileContext, MB } from './file.ts';

/** A line longer than this is cut (the record held back is at most MAX_RECORD and a line). */
const MAX_LINE = MB;

export class LogReader implements ChunkReader {
  private carry = '';
  private readonly sink: LogSink;

  private readonly file: FileContext;

  constructor(file: FileContext) {
    this.file = file;
    const { env, summary } = file;
    this.sink = {
      record: (text, line, lines) => {
        summary.records++;
        if (!env.prefilter(text)) {
          env.tally.skipped += lines;
          return;
        }
        const { results } = env.classifier.classify(detach(text));
        if (results.length) file.add(results, lineTime(text, file.reference, env.tally.clock), line, text);
      },
      skip: (lines) => {
        summary.records++;
        env.tally.skipped += lines;
      },
      deliveryLine: (text) => file.deliveryLine(text),
      senderLine: (text) => {
        env.tally.senders.add(text);
        env.tally.senderDomains.line(text);
      },
    };
  }

  write(chunk: string) {
    this.scan(chunk, false);
  }

  end() {
    this.scan('', true);
  }

  private scan(chunk: string, final: boolean) {
    const text = this.carry ? this.carry + chunk : chunk;
    const { summary, env } = this.file;
    this.file.noteMailLike(text);
    const force = final || text.length - text.lastIndexOf('\n') > MAX_LINE;
    const { consumed, lines } = env.scanner.scan(text, summary.lines, force, this.sink);
    summary.lines += lines;
    this.carry = text.slice(consumed);
  }
}
