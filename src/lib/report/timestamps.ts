// Times of log lines, messages and webhook events, as milliseconds since the epoch (UTC). Log times
// without a zone are read in the zone the user names (./zones.ts; UTC unless told).
import { wallClock, type WallClock } from './zones.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ISO_START = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(?:[.,](\d{1,9}))?(Z|[+-]\d\d:?\d\d)?/;
const SYSLOG_START = /^([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d\d):(\d\d):(\d\d)/;
const DAY = 86_400_000;
/** Zone-less times are read as UTC unless a clock for another zone is given. */
const UTC = wallClock('UTC');

function zoneOffset(zone: string | undefined): number {
  if (!zone || zone === 'Z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
}

/** True when the line starts with a time a mail log writes (ISO 8601, Exim's, or syslog's). */
export const startsWithTime = (line: string) => ISO_START.test(line) || SYSLOG_START.test(line);

/** The time at the start of a log line. Syslog omits the year: it is the reference time's year,
 *  or the year before when that would put the line more than a day after the reference. */
export function lineTime(line: string, reference: number, clock: WallClock = UTC): number | undefined {
  const iso = ISO_START.exec(line);
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, zone] = iso;
    const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
    if (!zone) return clock.toUtc(+y!, +mo! - 1, +d!, +h!, +mi!, +s!, ms);
    return Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!, ms) - zoneOffset(zone);
  }
  const sys = SYSLOG_START.exec(line);
  if (!sys) return undefined;
  const month = MONTHS.indexOf(sys[1]!.toLowerCase());
  if (month < 0) return undefined;
  const year = new Date(reference).getUTCFullYear();
  const t = clock.toUtc(year, month, +sys[2]!, +sys[3]!, +sys[4]!, +sys[5]!);
  if (t <= reference + DAY) return t;
  clock.read--;
  return clock.toUtc(year - 1, month, +sys[2]!, +sys[3]!, +sys[4]!, +sys[5]!);
}

/** A Date header or any date string JavaScript reads (RFC 2822, ISO 8601). */
export function textTime(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const t = Date.parse(value.trim());
  return Number.isFinite(t) ? t : undefined;
}

/** A Unix time in seconds or milliseconds, or a date string. */
function valueTime(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0)
    return value > 1e12 ? value : value * 1000;
  if (typeof value === 'string') {
    if (/^\d{9,13}(?:\.\d+)?$/.test(value)) return valueTime(Number(value));
    return textTime(value);
  }
  return undefined;
}

const TIME_KEYS = new Set([
  'timestamp',
  'bouncedat',
  'ts',
  'time',
  '@timestamp',
  'date',
  'receivedat',
  'event_time',
]);

/** The time of a webhook event: the first time field found, breadth first (SES nests it). */
export function eventTime(value: unknown): number | undefined {
  let level: unknown[] = [value];
  for (let depth = 0; depth < 4 && level.length; depth++) {
    const next: unknown[] = [];
    for (const v of level) {
      if (!v || typeof v !== 'object') continue;
      if (Array.isArray(v)) {
        next.push(...v.slice(0, 8));
        continue;
      }
      for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
        if (TIME_KEYS.has(k.toLowerCase())) {
          const t = valueTime(child);
          if (t !== undefined) return t;
        }
        if (child && typeof child === 'object') next.push(child);
      }
    }
    level = next;
  }
  return undefined;
}

/** The Date header of a message (or the mbox `From ` line's date). */
export function messageTime(message: string): number | undefined {
  const head = message.slice(0, 65_536);
  const end = head.search(/\r?\n\r?\n/);
  const headers = end >= 0 ? head.slice(0, end) : head;
  const date = /^Date:[ \t]*([^\r\n]+)/im.exec(headers)?.[1];
  if (date) return textTime(date);
  const from = /^From \S+ +(.+)$/m.exec(headers)?.[1];
  return textTime(from);
}
