// Recipients that received mail somewhere in the input, so a later "user does not exist" for them
// reads as suspicious. A log of millions of deliveries would not fit a Set in 200 MB, so they go
// into a Bloom filter of fixed size (8 MiB): a false "delivered" is about 1 in 500,000 at a million
// addresses and only strengthens the incident warning, never suppresses anyone.
const BITS = 1 << 26;
const HASHES = 7;

function hashes(text: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a >>> 0, (b | 1) >>> 0];
}

/** The filter saved: the dense bits in base64, or, while few are set, [index, word, …] pairs. */
export interface SavedDelivered {
  count: number;
  bits?: string;
  words?: number[];
}

const WORDS = BITS / 32;

// btoa and atob take "binary strings": one character per byte, built in slices to bound the stack.
function toBase64(words: Uint32Array): string {
  const bytes = new Uint8Array(words.buffer, words.byteOffset, words.byteLength);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string, words: number): Uint32Array {
  const binary = atob(text);
  if (binary.length !== words * 4) throw new Error('the delivered filter has the wrong size');
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Uint32Array(bytes.buffer);
}

export class DeliveredSet {
  private bits: Uint32Array | undefined;
  count = 0;

  add(address: string): void {
    this.bits ??= new Uint32Array(WORDS);
    const [a, b] = hashes(address.toLowerCase());
    for (let i = 0; i < HASHES; i++) {
      const bit = (a + i * b) % BITS;
      this.bits[bit >>> 5]! |= 1 << (bit & 31);
    }
    this.count++;
  }

  /** The filter as JSON: the count, and the bits once any address went in. */
  save(): SavedDelivered {
    if (!this.bits) return { count: this.count };
    const words: number[] = [];
    for (let i = 0; i < WORDS && words.length < WORDS / 8; i++)
      if (this.bits[i]) words.push(i, this.bits[i]!);
    return words.length < WORDS / 8
      ? { count: this.count, words }
      : { count: this.count, bits: toBase64(this.bits) };
  }

  static load(saved: SavedDelivered): DeliveredSet {
    const set = new DeliveredSet();
    set.count = saved.count;
    if (saved.bits !== undefined) set.bits = fromBase64(saved.bits, WORDS);
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
    const [a, b] = hashes(address.toLowerCase());
    for (let i = 0; i < HASHES; i++) {
      const bit = (a + i * b) % BITS;
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
