// The fast path for mail logs, where the speed of the report comes from. A chunk of bytes is walked
// once (./log-walk.ts, in WebAssembly where it can run): lines are grouped into records (a line, plus
// any indented or `550-` continuation lines), and the few records that may hold a reply
// (./log-candidates.ts) are decoded and given to the prefilter and the engine. Lines that may be
// deliveries (to any provider) or name a queue's sender are found in the same walk by their marks
// and handed on as byte ranges: the rest of the log is never turned into text.
import { firstDigits } from '../lexicon.ts';
import { NL } from './bytes.ts';
import type { DeliveryLine } from './deliveries-bytes.ts';
import { DELIVERY, H, HEADER, jsWalk, RECORD, SENDER, type Walk } from './log-walk.ts';
import { walkSpec } from './log-walk-spec.ts';
import { wasmWalk } from './log-walk-wasm.ts';

/** The words each entry of a walk takes, by tag (SENDER, RECORD, DELIVERY). */
const SIZE = [0, 3, 5, 11];

export interface LogSink {
  /** A record that may hold a reply: bytes [start, end), its first line number and line count. */
  record(bytes: Uint8Array, start: number, end: number, line: number, lines: number): void;
  /** `n` records of one line each that cannot hold a reply. */
  skip(n: number): void;
  /** A line that may be a delivery (the object is reused from line to line). */
  deliveryLine(bytes: Uint8Array, line: DeliveryLine): void;
  /** A line that may name a queue id's envelope sender. */
  senderLine(bytes: Uint8Array, start: number, end: number): void;
}

export class LogScanner {
  /** Made when the first log arrives: an input of messages or JSON, or none, never compiles it. */
  private walk?: Walk;
  private readonly codes: Iterable<number>;
  private readonly kind: 'wasm' | 'js';
  private readonly delivery: DeliveryLine = {
    start: 0,
    end: 0,
    apple: false,
    kind: 0,
    mark: 0,
    to: -1,
    recipient: -1,
    recipientEnd: 0,
    domain: 0,
    domainHash: 0,
  };

  /** `codes` are the basic codes the classifier reads (lexicon.ts's replyCodes); `walk` "js" keeps
   *  the walk in JavaScript. */
  constructor(codes: Iterable<number>, walk: 'wasm' | 'js' = 'wasm') {
    this.codes = codes;
    this.kind = walk;
  }

  private made(): Walk {
    const codeFirst = firstDigits(this.codes);
    const spec = walkSpec(codeFirst);
    return (this.kind === 'wasm' && wasmWalk(spec)) || jsWalk(spec, codeFirst);
  }

  /**
   * Scans `bytes` from its start; unless `final`, the last record (which the next chunk may
   * continue) and any unfinished line are left unread. Returns where reading stopped and how many
   * lines were read.
   */
  scan(
    bytes: Uint8Array,
    firstLine: number,
    final: boolean,
    sink: LogSink,
  ): { consumed: number; lines: number } {
    // The last line of the input ends with it: the walk then only meets lines that end with `\n`.
    if (final && bytes.length && bytes[bytes.length - 1] !== NL) {
      const ended = new Uint8Array(bytes.length + 1);
      ended.set(bytes);
      ended[bytes.length] = NL;
      const { lines } = this.scan(ended, firstLine, true, sink);
      return { consumed: bytes.length, lines };
    }
    const limit = bytes.lastIndexOf(NL) + 1;
    if (limit === 0) return { consumed: 0, lines: 0 };
    this.walk ??= this.made();
    const { words, end } = this.walk(bytes, limit);
    let consumed = limit;
    let lines = words[H.lines]!;
    const has = words[H.has] === 1;
    const held = !final && has && words[H.open] === 1;
    if (held) {
      consumed = words[H.start]!;
      lines -= words[H.count]!;
    }
    // Senders before the records: a reply's qmgr line is earlier in the log, often in the same chunk.
    for (let k = HEADER; k < end; k += SIZE[words[k]!]!)
      if (words[k] === SENDER && words[k + 1]! < consumed)
        sink.senderLine(bytes, words[k + 1]!, words[k + 2]!);
    if (words[H.skipped]) sink.skip(words[H.skipped]!);
    for (let k = HEADER; k < end; k += SIZE[words[k]!]!)
      if (words[k] === RECORD)
        sink.record(bytes, words[k + 1]!, words[k + 2]!, firstLine + words[k + 3]!, words[k + 4]!);
    if (has && !held) {
      const count = words[H.count]!;
      if (words[H.hit] || count > 1)
        sink.record(bytes, words[H.start]!, words[H.end]!, firstLine + words[H.line]!, count);
      else sink.skip(1);
    }
    this.deliveries(bytes, words, end, consumed, sink);
    return { consumed, lines };
  }

  /** Each line that holds a delivery mark, once, in order, with the first mark of the first kind
   *  deliveredIn would try. */
  private deliveries(bytes: Uint8Array, words: Int32Array, end: number, to: number, sink: LogSink) {
    const d = this.delivery;
    for (let k = HEADER; k < end; k += SIZE[words[k]!]!) {
      if (words[k] !== DELIVERY || words[k + 1]! >= to) continue;
      d.start = words[k + 1]!;
      d.end = words[k + 2]!;
      d.kind = words[k + 3]!;
      d.mark = words[k + 4]!;
      d.to = words[k + 5]!;
      d.apple = words[k + 6] === 1;
      d.recipient = words[k + 7]!;
      d.recipientEnd = words[k + 8]!;
      d.domain = words[k + 9]!;
      d.domainHash = words[k + 10]!;
      sink.deliveryLine(bytes, d);
    }
  }
}
