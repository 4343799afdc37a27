// One JSON event per line: each line is one record.
import { detach } from '../detach.ts';
import { deliveredInEvent } from '../deliveries.ts';
import { eventTime } from '../timestamps.ts';
import type { FileContext } from './file.ts';
import type { LineReader } from './lines.ts';

export class JsonLinesReader implements LineReader {
  private readonly file: FileContext;

  constructor(file: FileContext) {
    this.file = file;
  }

  line(line: string) {
    if (line.trim() === '') return;
    const { summary, env } = this.file;
    summary.records++;
    const lineNo = summary.lines;
    let event: unknown;
    const parse = () => {
      try {
        event ??= JSON.parse(line);
      } catch {
        event = null;
      }
      return event;
    };
    if (/deliver|"send"/i.test(line)) for (const r of deliveredInEvent(parse())) this.file.deliveredEvent(r);
    if (!env.prefilter(line)) {
      env.tally.skipped++;
      return;
    }
    const { results } = env.classifier.classify(detach(line));
    if (results.length) this.file.add(results, eventTime(parse()), lineNo, line);
  }

  finish() {}
}
