// What a mail log's delivery and queue lines add to the report, read from their bytes: the
// recipient's domain (every provider), the recipient itself and the line's time when it is Apple's,
// and each queue id's envelope sender. Only those fields become text; a line that is not plain
// ASCII, or not Postfix's, is decoded and read as ./file.ts reads text lines.
import { decode, indexIn, isAscii, needle } from '../bytes.ts';
import { postfixSendersIn } from '../senders.ts';
import { lineTime } from '../timestamps.ts';
import { deliveredInBytes, type DeliveryLine } from '../deliveries-bytes.ts';
import type { FileContext } from './file.ts';

const QMGR = needle('/qmgr[');
/** SENDER's bound in ../postfix-fields.ts. */
const MAX_SENDER = 320;
/** ISO 8601 with nanoseconds and a zone is the longest time a line starts with. */
const TIME_BYTES = 48;
/** The longest syslog time, `Mmm dd hh:mm:ss` with two spaces: all SYSLOG_START reads. */
const SYSLOG_BYTES = 16;

/** Domains already read, by a hash of their lower-cased bytes: most deliveries go to a few. */
class DomainNames {
  private readonly names = new Map<number, { bytes: Uint8Array; name: string }>();

  /** The lower-cased text of ASCII bytes [start, end), whose domainHash is `h`. */
  name(bytes: Uint8Array, start: number, end: number, h: number): string {
    const known = this.names.get(h);
    if (known && same(known.bytes, bytes, start, end)) return known.name;
    const copy = bytes.slice(start, end).map(lower);
    const name = decode(copy, 0, copy.length);
    if (!known && this.names.size < 100_000) this.names.set(h, { bytes: copy, name });
    return name;
  }
}

const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

function same(known: Uint8Array, bytes: Uint8Array, start: number, end: number): boolean {
  if (known.length !== end - start) return false;
  for (let i = 0; i < known.length; i++) if (known[i] !== lower(bytes[start + i]!)) return false;
  return true;
}

/** The times of lines, the last syslog time kept: lines of one second share it, and a syslog time
 *  (`Mar  2 10:00:00`, an upper-case letter first, never ISO 8601) is read from 16 bytes at most. */
class LineTimes {
  private readonly file: FileContext;
  private readonly last = new Uint8Array(SYSLOG_BYTES);
  private known = false;
  private time: number | undefined;
  /** How many times the clock counted reading it (../timestamps.ts's lineTime). */
  private reads = 0;

  constructor(file: FileContext) {
    this.file = file;
  }

  of(bytes: Uint8Array, start: number, end: number): number | undefined {
    const { clock } = this.file.env.tally;
    const c = bytes[start]!;
    const syslog = c >= 65 && c <= 90 && end - start >= SYSLOG_BYTES;
    if (syslog && this.known && sameBytes(this.last, bytes, start)) {
      clock.read += this.reads;
      return this.time;
    }
    const before = clock.read;
    const time = lineTime(
      decode(bytes, start, Math.min(end, start + TIME_BYTES)),
      this.file.reference,
      clock,
    );
    this.known = syslog;
    if (syslog) {
      this.last.set(bytes.subarray(start, start + SYSLOG_BYTES));
      this.time = time;
      this.reads = clock.read - before;
    }
    return time;
  }
}

function sameBytes(known: Uint8Array, bytes: Uint8Array, start: number): boolean {
  for (let i = 0; i < known.length; i++) if (known[i] !== bytes[start + i]) return false;
  return true;
}

export class LogLines {
  private readonly file: FileContext;
  private readonly domains = new DomainNames();
  private readonly times: LineTimes;

  constructor(file: FileContext) {
    this.file = file;
    this.times = new LineTimes(file);
  }

  /** A line that may be a delivery. */
  delivery(bytes: Uint8Array, line: DeliveryLine) {
    const { start, end } = line;
    const to = deliveredInBytes(bytes, line);
    if (to === undefined) return;
    if (typeof to === 'string') return this.file.deliveryLine(decode(bytes, start, end));
    const { tally } = this.file.env;
    const domain = this.domains.name(bytes, line.domain, to.end, line.domainHash);
    if (!line.apple) return tally.countDeliveryTo(domain, false);
    tally.delivered.addBytes(bytes, to.start, to.end);
    const time = this.times.of(bytes, start, end);
    tally.countDeliveryTo(domain, true, time);
    if (time !== undefined) tally.minutes.addDelivered(time);
  }

  /** A line that may name a queue id's envelope sender (../senders.ts, ../postfix-fields.ts). */
  sender(bytes: Uint8Array, start: number, end: number) {
    const { tally } = this.file.env;
    if (!isAscii(bytes, start, end)) {
      const text = decode(bytes, start, end);
      tally.senders.add(text);
      tally.senderDomains.line(text);
      return;
    }
    const qmgr = indexIn(bytes, QMGR, start, end) >= 0;
    let named = false;
    let queued = !qmgr;
    for (const { id, sender } of postfixSendersIn(bytes, start, end)) {
      if (!named) tally.senderDomains.sender(id, sender);
      named = true;
      if (!queued && sender.length <= MAX_SENDER) {
        tally.senders.set(id, sender);
        queued = true;
      }
      if (queued) break;
    }
    // Exim's `<=` lines.
    if (!named) tally.senderDomains.line(decode(bytes, start, end));
  }
}
