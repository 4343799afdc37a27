// Recipients that received mail somewhere in the input, so a later "user does not exist" for them
// reads as suspicious. A log of millions of deliveries would not fit a Set in 200 MB, so they go
// into a Bloom filter of fixed size (8 MiB): at a million addresses a false "delivered" is about
// 1 in 10 million ((1 - e^(-kn/m))^k with m = 2^26 bits, k = 7 hashes, n = 10^6: 9.4e-8), and it
// only strengthens the incident warning, never suppresses anyone.
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

export class DeliveredSet {
  private bits: Uint32Array | undefined;
  count = 0;

  add(address: string): void {
    this.bits ??= new Uint32Array(BITS / 32);
    const [a, b] = hashes(address.toLowerCase());
    for (let i = 0; i < HASHES; i++) {
      const bit = (a + i * b) % BITS;
      this.bits[bit >>> 5]! |= 1 << (bit & 31);
    }
    this.count++;
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
