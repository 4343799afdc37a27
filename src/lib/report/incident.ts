// Apple's known incidents (April 2021 and others on the entry pages) look the same in a log: many
// different recipients, often ones that received mail shortly before, suddenly get "user does not
// exist" or "no user record". A dead address bounces alone; a wave across addresses is Apple's.
import type { IncidentWarning } from './types.ts';

/** A sliding window this long is "a short window". */
export const INCIDENT_WINDOW_MS = 60 * 60_000;
/** Distinct recipients in the window that make a wave when some received mail in the same input… */
export const INCIDENT_MIN_RECIPIENTS = 10;
export const INCIDENT_MIN_DELIVERED = 3;
/** …or that make one on their own. */
export const INCIDENT_LARGE_WAVE = 50;

export interface UnknownUserEvent {
  time?: number;
  recipient: string;
  entry: string;
  delivered: boolean;
}

export interface Incident {
  warning: IncidentWarning;
  /** The events inside the incident's windows. */
  events: UnknownUserEvent[];
}

const meets = (distinct: number, delivered: number) =>
  distinct >= INCIDENT_LARGE_WAVE ||
  (distinct >= INCIDENT_MIN_RECIPIENTS && delivered >= INCIDENT_MIN_DELIVERED);

function describe(events: UnknownUserEvent[], titles: Map<string, string>): IncidentWarning {
  const recipients = new Set(events.map((e) => e.recipient));
  const delivered = new Set(events.filter((e) => e.delivered).map((e) => e.recipient));
  const entries: Record<string, number> = {};
  for (const e of events) entries[e.entry] = (entries[e.entry] ?? 0) + 1;
  const times = events.map((e) => e.time).filter((t): t is number => t !== undefined);
  const from = times.length ? new Date(Math.min(...times)).toISOString() : undefined;
  const to = times.length ? new Date(Math.max(...times)).toISOString() : undefined;
  const names = Object.keys(entries)
    .map((id) => `“${titles.get(id) ?? id}”`)
    .join(' and ');
  const when =
    from && to
      ? ` between ${from.slice(0, 16).replace('T', ' ')} and ${to.slice(0, 16).replace('T', ' ')} UTC`
      : '';
  const deliveredText = delivered.size
    ? `, ${delivered.size} of them addresses that received mail in the same input`
    : '';
  return {
    kind: 'incident',
    message: `${recipients.size} different recipients got ${names} from iCloud${when}${deliveredText}. This matches Apple’s known incidents, when iCloud answered for real accounts that they did not exist: these addresses are listed to keep, not to suppress. Resend to them once the incident is over.`,
    from,
    to,
    recipients: recipients.size,
    delivered: delivered.size,
    entries,
  };
}

/** The incidents in the events: windows that meet the thresholds, merged where they overlap.
 *  Events without a time count as one window of their own. */
export function findIncidents(events: UnknownUserEvent[], titles: Map<string, string>): Incident[] {
  const found: UnknownUserEvent[][] = [];
  const undated = events.filter((e) => e.time === undefined);
  const dated = events.filter((e) => e.time !== undefined).sort((a, b) => a.time! - b.time!);

  const counts = new Map<string, number>();
  const deliveredCounts = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string, d: number) => {
    const n = (m.get(k) ?? 0) + d;
    if (n) m.set(k, n);
    else m.delete(k);
  };
  let left = 0;
  let current: { from: number; to: number } | undefined;
  const spans: { from: number; to: number }[] = [];
  for (let right = 0; right < dated.length; right++) {
    const e = dated[right]!;
    bump(counts, e.recipient, 1);
    if (e.delivered) bump(deliveredCounts, e.recipient, 1);
    while (e.time! - dated[left]!.time! >= INCIDENT_WINDOW_MS) {
      const out = dated[left++]!;
      bump(counts, out.recipient, -1);
      if (out.delivered) bump(deliveredCounts, out.recipient, -1);
    }
    if (!meets(counts.size, deliveredCounts.size)) continue;
    if (current && left <= current.to + 1) current.to = right;
    else spans.push((current = { from: left, to: right }));
  }
  for (const s of spans) found.push(dated.slice(s.from, s.to + 1));
  if (undated.length) {
    const distinct = new Set(undated.map((e) => e.recipient)).size;
    const delivered = new Set(undated.filter((e) => e.delivered).map((e) => e.recipient)).size;
    if (meets(distinct, delivered)) found.push(undated);
  }
  return found.map((group) => ({ warning: describe(group, titles), events: group }));
}
