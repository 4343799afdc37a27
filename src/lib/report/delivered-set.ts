// Recipients that received mail somewhere in the input, so a later "user does not exist" for them
// reads as suspicious. A log of millions of deliveries would not fit a Set in 200 MB, so they go
// into a Bloom filter of fixed size (8 MiB). It is a blocked one: each address sets its 8 bits in
// one 64-byte block, one cache line, where a plain filter's 7 bits spread over the 8 MiB cost 7
// cache misses per delivery (two --jobs threads slowed each other down on them). A false
// "delivered" is likelier than in a plain filter of that size, still small: with n addresses over
// B = 2^17 blocks of s = 512 bits and k = 8 bits each, Σ_j Pois(j; n/B) · (1 - (1 - 1/s)^(kj))^k
// is 2.2e-7 at a million addresses (a plain filter: 9.4e-8) and 6.7e-4 at four million
// (tests/unit/delivered-filter.test.ts measures it), and it only strengthens the incident
// warning, never suppresses anyone. Until there are a million, the filter keeps each address's
// key (its block and second hash, 8 bytes) instead of the bits: a block's bits are those its keys
// set, so it answers alike, and a log with fewer deliveries never makes the 8 MiB.
import { fromBase64, toBase64 } from './base64.ts';
import { lowerBound, union, unique } from './sorted-keys.ts';

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

/** The filter saved: the dense bits in base64, or, while few are set, [index, word, …] pairs; in a
 *  partial passed to another thread (not JSON), the bits or the addresses' keys themselves. */
export interface SavedDelivered {
  count: number;
  bits?: string | Uint32Array;
  words?: number[];
  keys?: Float64Array;
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

/** An address is kept as one number, its key: its block times 2^32 plus its second hash. Keys in
 *  order are in block order. */
const HIGH = 2 ** 32;
const keyOf = (a: number, b: number) => (a % BLOCKS) * HIGH + b;
const keyBlock = (key: number) => Math.floor(key / HIGH) * BLOCK_WORDS;

/** Sets the bits of keys (in block order: neighbours share a page) in the words of `bits` from word
 *  `base` on, the first block's. */
function setBits(bits: Uint32Array, keys: Float64Array, base = 0): void {
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const block = keyBlock(key) - base;
    for (let i = 0, x = key >>> 0; i < HASHES; i++) {
      x = nextBit(x);
      const bit = x >>> 23;
      bits[block + (bit >>> 5)]! |= 1 << (bit & 31);
    }
  }
}

/** New bits, with the keys' set. */
function bitsOf(keys: Float64Array): Uint32Array {
  const bits = new Uint32Array(WORDS);
  setBits(bits, keys);
  return bits;
}

/** Addresses held before their bits are set, sorted by block: set one by one as a log's deliveries
 *  came, each missed the cache and the TLB; in block order, neighbours share a page (3 % less CPU
 *  in the thread that reads the bench's 100 MB log). Also the keys' first room. */
const PENDING = 1 << 16;
/** Up to this many addresses the filter keeps their keys (8 bytes each) and makes no bits: the 8 MiB
 *  of bits cost each thread that reads a log some 2,000 page faults and a cache miss an address
 *  (keys took a --jobs 2 summary of the bench's 400 MB log from 44,400 to 37,000 page faults, and
 *  2.3 % of the instructions off one job's on the 100 MB log). The answers are the same: a block's
 *  bits are those its keys set. Past it, the bits take no more memory than the keys. */
export const KEYS_MAX = 1 << 20;

export class DeliveredSet {
  /** The bits, once made; until then, the addresses are `keys`. */
  private bits: Uint32Array | undefined;
  /** Without bits, every address's key, `held` of them; with bits, those whose bits are not set. */
  private keys: Float64Array | undefined;
  private held = 0;
  /** Without bits: keys [0, held) are sorted and each there once. */
  private settled = true;
  private readonly keysMax: number;
  count = 0;

  /** `keysMax`: addresses kept as keys before bits are made (tests set it). */
  constructor(keysMax = KEYS_MAX) {
    this.keysMax = keysMax;
  }

  add(address: string): void {
    hashText(address.toLowerCase());
    this.hold();
  }

  /** An address given as ASCII bytes [start, end): the same bits as add() of its text. */
  addBytes(bytes: Uint8Array, start: number, end: number): void {
    hashBytes(bytes, start, end);
    this.hold();
  }

  /** Holds the address last hashed. */
  private hold() {
    this.count++;
    let keys = (this.keys ??= new Float64Array(PENDING));
    if (this.held === keys.length) {
      if (this.bits) this.flush();
      else {
        // Full: the same addresses again (a log delivers to many twice) take no room once sorted.
        this.settle();
        if (this.held > keys.length / 2) {
          if (keys.length * 2 > this.keysMax) this.makeBits();
          else {
            keys = new Float64Array(keys.length * 2);
            keys.set(this.keys.subarray(0, this.held));
            this.keys = keys;
          }
        }
        keys = this.keys;
      }
    }
    keys[this.held++] = keyOf(hashA, hashB);
    this.settled = false;
  }

  /** The keys in use, sorted and each once (without bits). */
  private settle(): Float64Array {
    if (!this.keys) return new Float64Array(0);
    if (!this.settled) {
      this.held = unique(this.keys.subarray(0, this.held)).length;
      this.settled = true;
    }
    return this.keys.subarray(0, this.held);
  }

  /** Sets the keys' bits in new bits; the keys' array then holds pending addresses. */
  private makeBits(): Uint32Array {
    const bits = (this.bits = bitsOf(this.settle()));
    this.keys = new Float64Array(PENDING);
    this.held = 0;
    return bits;
  }

  /** What the filter holds made final: with bits, the held addresses set; without, the keys sorted.
   *  Each --jobs thread does it when it hands over its state, while the others may still read. */
  flush(): void {
    if (!this.bits) {
      this.settle();
      return;
    }
    if (this.held === 0) return;
    setBits(this.bits, this.keys!.subarray(0, this.held).sort());
    this.held = 0;
  }

  /** The bits; while the filter has none, made from its keys for the caller (the filter keeps its
   *  keys). */
  private bitsNow(): Uint32Array | undefined {
    this.flush();
    return this.bits ?? (this.held ? bitsOf(this.settle()) : undefined);
  }

  /** The filter as JSON: the count, and the bits once any address went in; `binary`, for another
   *  thread: the bits or the keys as typed arrays. */
  save(binary = false): SavedDelivered {
    if (binary && !this.bits)
      return this.held ? { count: this.count, keys: this.settle().slice() } : { count: this.count };
    const bits = this.bitsNow();
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
    if (saved.keys instanceof Float64Array) {
      set.keys = saved.keys;
      set.held = saved.keys.length;
      set.settled = false;
    } else if (saved.bits instanceof Uint32Array) {
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
    if (!this.bits && !other.bits) {
      const keys = union(this.settle(), other.settle());
      this.keys = keys;
      this.held = keys.length;
      if (keys.length > this.keysMax) this.makeBits();
      return this;
    }
    const bits = this.bits ?? this.makeBits();
    this.flush();
    if (other.bits) {
      other.flush();
      const theirs = other.bits;
      for (let i = 0; i < bits.length; i++) bits[i]! |= theirs[i]!;
    } else setBits(bits, other.settle());
    return this;
  }

  has(address: string): boolean {
    hashText(address.toLowerCase());
    let bits: Uint32Array;
    let block = blockOf(hashA);
    if (this.bits) {
      this.flush();
      bits = this.bits;
    } else {
      // The address's block alone, its bits set from the keys in it.
      const keys = this.settle();
      const first = keyOf(hashA, 0);
      const from = lowerBound(keys, first);
      const to = lowerBound(keys, first + HIGH);
      if (from === to) return false;
      bits = new Uint32Array(BLOCK_WORDS);
      setBits(bits, keys.subarray(from, to), block);
      block = 0;
    }
    for (let i = 0, x = hashB; i < HASHES; i++) {
      x = nextBit(x);
      const bit = x >>> 23;
      if (!(bits[block + (bit >>> 5)]! & (1 << (bit & 31)))) return false;
    }
    return true;
  }
}
