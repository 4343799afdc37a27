// Email: one message (.eml) or a mailbox of them (mbox, split at its `From ` lines). Messages are
// queued and decoded asynchronously by the engine (MIME), one record each.
import { messageTime } from '../timestamps.ts';
import { problems } from '../problems.ts';
import { LineBuffer } from './buffer.ts';
import { type FileContext, MB } from './file.ts';
import type { LineReader } from './lines.ts';
import { readAsText, type TextReader } from './text.ts';

const MAX_MESSAGE_MB = 32;

interface Queued {
  text: string;
  line: number;
  mime: boolean;
}

export class MessageReader implements LineReader {
  private readonly buffer: LineBuffer;
  private queue: Queued[] = [];
  /** Set when a lone message is too big: the rest is read as text. */
  private text?: TextReader;

  private readonly file: FileContext;
  private readonly mbox: boolean;

  constructor(file: FileContext, mbox: boolean) {
    this.file = file;
    this.mbox = mbox;
    this.buffer = new LineBuffer(file);
  }

  line(line: string) {
    if (this.text) return this.text.line(line);
    const { buffer } = this;
    if (this.mbox && line.startsWith('From ') && (buffer.lines.length === 0 || buffer.lines.at(-1) === ''))
      this.flush();
    buffer.push(line);
    if (buffer.size < MAX_MESSAGE_MB * MB) return;
    if (this.mbox) {
      // One message this large is no bounce; its text is still read for replies.
      this.queue.push({ text: buffer.take(), line: buffer.firstLine, mime: false });
      return;
    }
    this.file.fail(problems.tooBig(this.file.summary.name, 'a message', MAX_MESSAGE_MB));
    this.text = readAsText(this.file, buffer.takeLines());
  }

  finish() {
    if (this.text) this.text.finish();
    else this.flush();
  }

  /** A whole file that is one message (not a mailbox), taken at once as line() would take it line by
   *  line: its lines counted, and its text with each line's CRLF read as LF and no newline at its
   *  end. It comes within the sniffer's head (../sniff.ts), far under MAX_MESSAGE_MB. A folder of
   *  bounces is hundreds of them, and cutting each into lines only to join them again took 2.5 % of
   *  its summary's instructions. */
  whole(text: string) {
    const { summary } = this.file;
    let lines = text.length > 0 && !text.endsWith('\n') ? 1 : 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    if (lines === 0) return;
    this.file.noteMailLike(text);
    const line = summary.lines + 1;
    summary.lines += lines;
    const lf = text.includes('\r') ? text.replace(/\r\n/g, '\n') : text;
    this.queue.push({ text: lf.endsWith('\n') ? lf.slice(0, -1) : lf, line, mime: true });
  }

  async drain() {
    const { summary, env } = this.file;
    while (this.queue.length) {
      const { text, line, mime } = this.queue.shift()!;
      summary.records++;
      const { results, autoReply } =
        mime && env.classifyAny ? await env.classifyAny(text) : env.classifier.classify(text);
      if (autoReply) env.tally.autoReplies++;
      if (results.length) this.file.add(results, messageTime(text), line, text);
    }
  }

  private flush() {
    if (!this.buffer.lines.length) return;
    const line = this.buffer.firstLine;
    this.queue.push({ text: this.buffer.take(), line, mime: true });
  }
}
