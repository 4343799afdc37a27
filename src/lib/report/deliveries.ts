// Recipients that received mail somewhere in the input, so a later "user does not exist" for them
// reads as suspicious. A log of millions of deliveries would not fit a Set in 200 MB, so they go
// into a Bloom filter of fixed size (8 MiB): at a million addresses a false "delivered" is about
// 1 in 10 million ((1 - e^(-kn/m))^k with m = 2^26 bits, k = 7 hashes, n = 10^6: 9.4e-8), and it
// only strengthens the incident warning, never suppresses anyone.
import { fromBase64, toBase64 } from './base64.ts';

const BITS = 1 << 26;
const HASHES = 7;

/** Two hashes of the characters `at(0)`, …, `at(length - 1)`: of a text's UTF-16 units, or of
 *  ASCII bytes, which are the same numbers. */
function hashes(length: number, at: (i: number) => number): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < length; i++) {
    const c = at(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a >>> 0, (b | 1) >>> 0];
}

const textHashes = (text: string) => hashes(text.length, (i) => text.charCodeAt(i));

/** The filter saved: the dense bits in base64, or, while few are set, [index, word, …] pairs. */
export interface SavedDelivered {
  count: number;
  /** Base64, or the words themselves in a partial passed to another thread (not JSON). */
  bits?: string | Uint32Array;
  words?: number[];
}

const WORDS = BITS / 32;
/** (a + i·b) mod BITS: BITS divides 2³², so the low bits of the 32-bit sum are the same. */
const bitAt = (a: number, b: number, i: number) => (a + Math.imul(i, b)) & (BITS - 1);
const lowerAscii = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

const wordsOf = (text: string): Uint32Array => {
  const bytes = fromBase64(text);
  if (!bytes || bytes.length !== WORDS * 4) throw new Error('the delivered filter has the wrong size');
  return new Uint32Array(bytes.buffer);
};

export class DeliveredSet {
  private bits: Uint32Array | undefined;
  count = 0;

  add(address: string): void {
    this.set(textHashes(address.toLowerCase()));
  }

  /** An address given as ASCII bytes [start, end): the same bits as add() of its text. */
  addBytes(bytes: Uint8Array, start: number, end: number): void {
    this.set(hashes(end - start, (i) => lowerAscii(bytes[start + i]!)));
  }

  private set([a, b]: [number, number]) {
    this.bits ??= new Uint32Array(WORDS);
    for (let i = 0; i < HASHES; i++) {
      const bit = bitAt(a, b, i);
      this.bits[bit >>> 5]! |= 1 << (bit & 31);
    }
    this.count++;
  }

  /** The filter as JSON: the count, and the bits once any address went in. */
  save(binary = false): SavedDelivered {
    if (!this.bits) return { count: this.count };
    const words: number[] = [];
    for (let i = 0; i < WORDS && words.length < WORDS / 8; i++)
      if (this.bits[i]) words.push(i, this.bits[i]!);
    return words.length < WORDS / 8
      ? { count: this.count, words }
      : { count: this.count, bits: binary ? this.bits : toBase64(new Uint8Array(this.bits.buffer)) };
  }

  static load(saved: SavedDelivered): DeliveredSet {
    const set = new DeliveredSet();
    set.count = saved.count;
    if (saved.bits instanceof Uint32Array) {
      if (saved.bits.length !== WORDS) throw new Error('the delivered filter has the wrong size');
      set.bits = saved.bits;
    } else if (saved.bits !== undefined) set.bits = wordsOf(saved.bits);
    else if (saved.words) {
      const bits = (set.bits = new Uint32Array(WORDS));
      for (let i = 0; i < saved.words.length; i += 2) bits[saved.words[i]!] = saved.words[i + 1]!;
    }
    return set;
  }

  /** Adds the other filter's addresses: the union of two Bloom filters of one size is the OR. */
  merge(other: DeliveredSet): DeliveredSet {
    this.count += other.count;
    if (!other.bits) return this;
    this.bits ??= new Uint32Array(WORDS);
    for (let i = 0; i < this.bits.length; i++) this.bits[i]! |= other.bits[i]!;
    return this;
  }

  has(address: string): boolean {
    if (!this.bits) return false;
    const [a, b] = textHashes(address.toLowerCase());
    for (let i = 0; i < HASHES; i++) {
      const bit = bitAt(a, b, i);
      if (!(this.bits[bit >>> 5]! & (1 << (bit & 31)))) return false;
    }
    return true;
  }
}

const POSTFIX_SENT = /\bto=<([^<>\s@]{1,64}@[^<>\s]{1,255})>.*\bstatus=sent\b/;
const SENDMAIL_SENT = /\bto=<?([^<>\s,@]{1,64}@[^<>\s,]{1,255})>?,.*\bstat=Sent\b/;
const EXIM_SENT = /\s=> (?:[^\s<>@]+ <)?([^<>\s@]{1,64}@[^<>\s]{1,255}?)>? /;

/** The recipient of a delivery line of Postfix, Sendmail or Exim, if the line is one. */
export function deliveredIn(line: string): string | undefined {
  if (line.includes('status=sent')) return POSTFIX_SENT.exec(line)?.[1];
  if (line.includes('stat=Sent')) return SENDMAIL_SENT.exec(line)?.[1];
  if (line.includes(' => ')) return EXIM_SENT.exec(line)?.[1];
  return undefined;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** The recipients of a webhook delivery event (SES, SendGrid, Mailgun, Postmark, Mandrill). */
export function deliveredInEvent(event: unknown): string[] {
  if (!event || typeof event !== 'object' || Array.isArray(event)) return [];
  const e = event as Record<string, unknown>;
  const type = (
    str(e.eventType) ??
    str(e.notificationType) ??
    str(e.RecordType) ??
    str(e.event) ??
    ''
  ).toLowerCase();
  const data = e['event-data'];
  if (data && typeof data === 'object') return deliveredInEvent(data);
  if (e.msg && typeof e.msg === 'object' && (type === 'send' || type === 'delivered'))
    return [str((e.msg as Record<string, unknown>).email)].filter((x): x is string => !!x);
  if (type !== 'delivery' && type !== 'delivered') return [];
  const delivery = e.delivery as Record<string, unknown> | undefined;
  if (delivery && Array.isArray(delivery.recipients))
    return delivery.recipients.filter((r) => typeof r === 'string');
  return [str(e.email) ?? str(e.recipient) ?? str(e.Recipient)].filter((x): x is string => !!x);
}
