// The summary's breakdowns of the iCloud replies: by sending domain, iCloud MX host, the sending IP
// the replies name, and bounced against deferred; one line each, the largest first.
import type { Breakdowns, Count } from '../lib/report/index.ts';
import { thousands } from '../lib/thousands.ts';

const SHOWN = 10;
const n = thousands;

function line(title: string, counts: Count[]): string[] {
  if (!counts.length) return [];
  const shown = counts.slice(0, SHOWN).map((c) => `${c.key} ${n(c.count)}`);
  return [`${title}: ${shown.join(', ')}${counts.length > SHOWN ? ', …' : ''}.`];
}

export function breakdownLines(b: Breakdowns | undefined): string[] {
  if (!b) return [];
  return [
    '',
    `iCloud replies: ${n(b.status.bounced)} bounced, ${n(b.status.deferred)} deferred.`,
    ...line('By sending domain', b.senders),
    ...line('By iCloud MX host', b.hosts),
    ...line('By sending IP named in the reply', b.ips),
  ];
}
