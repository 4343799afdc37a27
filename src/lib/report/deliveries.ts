// Recipients that received mail somewhere in the input, so a later "user does not exist" for them
// reads as suspicious. A log of millions of deliveries would not fit a Set in 200 MB, so they go
// into a Bloom filter of fixed size (8 MiB). It is a blocked one: each address sets its 8 bits in
// one 64-byte block, one cache line, where a plain filter's 7 bits spread over the 8 MiB cost 7
// cache misses per delivery (two --jobs threads slowed each other down on them). A false
// "delivered" is likelier than in a plain filter of that size, still small: with n addresses over
// B = 2^17 blocks of s = 512 bits and k = 8 bits each, Σ_j Pois(j; n/B) · (1 - (1 - 1/s)^(kj))^k
// is 2.2e-7 at a million addresses (a plain filter: 9.4e-8) and 6.7e-4 at four million
// (tests/unit/delivered-filter.test.ts measures it), and it only strengthens the incident
// warning, never suppresses anyone.
import { fromBase64, toBase64 } from './base64.ts';

const BITS = 1 << 26;
/** Words (of 32 bits) per block: 16, a 64-byte cache line. */
const BLOCK_WORDS = 16;
const BLOCKS = BITS / (BLOCK_WORDS * 32);
const HASHES = 8;

/** Murmur3's finaliser: every bit of the result depends on every bit of `h` (FNV's low bits
 *  depend only on the characters' low bits, and they pick the block). */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// The two hashes of the address last hashed, set by hashText and hashBytes: the filter takes one
// address for each delivery to Apple, 88,000 on the bench's 100 MB log, and a pair in an array (or
// a callback for the characters) was a twentieth of the summary's time.
let hashA = 0;
let hashB = 0;

/** Two hashes of a text's UTF-16 units; hashBytes gives the same of ASCII bytes (the same numbers). */
function hashText(text: string): void {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  hashA = mix(a);
  hashB = mix(b);
}

const lowerAscii = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

/** hashText of bytes [start, end) lower-cased, as ASCII. */
function hashBytes(bytes: Uint8Array, start: number, end: number): void {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = start; i < end; i++) {
    const c = lowerAscii(bytes[i]!);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  hashA = mix(a);
  hashB = mix(b);
}

/** The filter saved: the dense bits in base64, or, while few are set, [index, word, …] pairs. */
export interface SavedDelivered {
  count: number;
  /** Base64, or the words themselves in a partial passed to another thread (not JSON). */
  bits?: string | Uint32Array;
  words?: number[];
}

const WORDS = BITS / 32;
/** The address's block: the first of its words. */
const blockOf = (a: number) => (a % BLOCKS) * BLOCK_WORDS;
/** The next of an address's bits in its block: the top 9 bits of a linear congruential sequence
 *  started at its second hash. Bits of (a + i·b) mod 512, as a plain filter takes them, made
 *  2.5 times the false positives in a block this small. */
const nextBit = (x: number) => (Math.imul(x, 0x2c1b3c6d) + 0x297a2d39) | 0;

const wordsOf = (text: string): Uint32Array => {
  const bytes = fromBase64(text);
  if (!bytes || bytes.length !== WORDS * 4) throw new Error('the delivered filter has the wrong size');
  return new Uint32Array(bytes.buffer);
};

/** Addresses held before their bits are set, sorted by block. The filter is 8 MiB: a log's
 *  deliveries, set as they came, each missed the cache and the TLB; in block order, neighbours
 *  share a page (3 % less CPU in the thread that reads the bench's 100 MB log). 512 KiB, made on
 *  the first address. */
const PENDING = 1 << 16;
/** A held address is one number: its block times 2^32 plus its second hash. */
const HIGH = 2 ** 32;

export class DeliveredSet {
  private bits: Uint32Array | undefined;
  private pending: Float64Array | undefined;
  private held = 0;
  count = 0;

  add(address: string): void {
    hashText(address.toLowerCase());
    this.hold();
  }

  /** An address given as ASCII bytes [start, end): the same bits as add() of its text. */
  addBytes(bytes: Uint8Array, start: number, end: number): void {
    hashBytes(bytes, start, end);
    this.hold();
  }

  /** Holds the address last hashed, for flush() to set its bits. */
  private hold() {
    const pending = (this.pending ??= new Float64Array(PENDING));
    pending[this.held++] = (hashA % BLOCKS) * HIGH + hashB;
    this.count++;
    if (this.held === PENDING) this.flush();
  }

  /** Sets the bits of the addresses held, block after block; the bits as they then stand. */
  flush(): Uint32Array | undefined {
    if (this.held === 0) return this.bits;
    const bits = (this.bits ??= new Uint32Array(WORDS));
    const keys = this.pending!.subarray(0, this.held).sort();
    this.held = 0;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      const block = Math.floor(key / HIGH) * BLOCK_WORDS;
      for (let i = 0, x = key >>> 0; i < HASHES; i++) {
        x = nextBit(x);
        const bit = x >>> 23;
        bits[block + (bit >>> 5)]! |= 1 << (bit & 31);
      }
    }
    return bits;
  }

  /** The filter as JSON: the count, and the bits once any address went in. */
  save(binary = false): SavedDelivered {
    const bits = this.flush();
    if (!bits) return { count: this.count };
    // The words in use counted first, in a loop that stops at the limit and makes nothing: a dense
    // filter (a big log's) is saved as it is, and listing its words only to drop them cost more
    // than the count.
    let used = 0;
    for (let i = 0; i < WORDS && used < WORDS / 16; i++) if (bits[i]) used++;
    if (used >= WORDS / 16)
      return { count: this.count, bits: binary ? bits : toBase64(new Uint8Array(bits.buffer)) };
    const words: number[] = [];
    for (let i = 0; i < WORDS; i++) if (bits[i]) words.push(i, bits[i]!);
    return { count: this.count, words };
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
    const theirs = other.flush();
    if (!theirs) return this;
    const bits = (this.bits = this.flush() ?? new Uint32Array(WORDS));
    for (let i = 0; i < bits.length; i++) bits[i]! |= theirs[i]!;
    return this;
  }

  has(address: string): boolean {
    const bits = this.flush();
    if (!bits) return false;
    hashText(address.toLowerCase());
    const block = blockOf(hashA);
    for (let i = 0, x = hashB; i < HASHES; i++) {
      x = nextBit(x);
      const bit = x >>> 23;
      if (!(bits[block + (bit >>> 5)]! & (1 << (bit & 31)))) return false;
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
