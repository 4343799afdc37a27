// Deliveries: the recipient of a log's delivery line (Postfix, Sendmail, Exim) or of a webhook's
// delivery event; the report counts them and keeps the filter of delivered addresses
// (./delivered-set.ts).
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
