// Time zones for times that carry none (syslog lines, ISO times without an offset): the report
// reads them as wall-clock times in one IANA zone the user names (the CLI's --tz, /analyze/'s
// selector), and shows every time in that zone, with its name. Intl does the zone arithmetic.

/** Reads wall-clock times in one zone and counts how many it read (the report says so). */
export interface WallClock {
  readonly zone: string;
  /** Times read without a zone of their own. */
  read: number;
  /** Milliseconds since the epoch of a wall-clock time (month 0–11) in the zone. */
  toUtc(y: number, mo: number, d: number, h: number, mi: number, s: number, ms?: number): number;
}

const HOUR = 3_600_000;

/** True when Intl knows the zone (an IANA name such as Europe/Berlin, or UTC). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at time t, in ms (Europe/Berlin in winter: +3,600,000). */
function offsetAt(parts: Intl.DateTimeFormat, t: number): number {
  const p = Object.fromEntries(parts.formatToParts(t).map((x) => [x.type, x.value]));
  const wall = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
  return wall - (t - (t % 1000));
}

/** The zone's offset from UTC at time t, in ms. */
export function zoneOffset(zone: string, t: number): number {
  return offsetAt(partsFormat(zone), t);
}

const partFormats = new Map<string, Intl.DateTimeFormat>();
function partsFormat(zone: string): Intl.DateTimeFormat {
  let f = partFormats.get(zone);
  if (!f)
    partFormats.set(
      zone,
      (f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      })),
    );
  return f;
}

export function wallClock(zone = 'UTC'): WallClock {
  if (zone === 'UTC' || zone === 'Etc/UTC') {
    const utc: WallClock = { zone, read: 0, toUtc: (...a) => (utc.read++, Date.UTC(...a)) };
    return utc;
  }
  const parts = partsFormat(zone);
  // Offsets change at most a few times a year: one lookup per hour of wall-clock time.
  const cache = new Map<number, number>();
  const offset = (t: number) => {
    const key = Math.floor(t / HOUR);
    let o = cache.get(key);
    if (o === undefined) {
      if (cache.size > 10_000) cache.clear();
      cache.set(key, (o = offsetAt(parts, t)));
    }
    return o;
  };
  const clock: WallClock = {
    zone,
    read: 0,
    toUtc(y, mo, d, h, mi, s, ms = 0) {
      clock.read++;
      const wall = Date.UTC(y, mo, d, h, mi, s, ms);
      // The offset at the guess, then at the corrected time (right except inside a DST gap).
      const first = wall - offset(wall);
      return wall - offset(first);
    },
  };
  return clock;
}

const formats = new Map<string, Intl.DateTimeFormat>();
function format(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (!f)
    formats.set(
      zone,
      (f = new Intl.DateTimeFormat('en-CA', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        timeZoneName: 'short',
      })),
    );
  return f;
}

/** An ISO time in UTC of a four-digit year: its date and minute are read off the text. The first
 *  Intl formatter loads ICU's zone data, about 20 ms, more than the rest of a small report. */
const UTC_ISO = /^([1-9]\d{3}-\d\d-\d\d)T(\d\d:\d\d)[\d:.]*Z$/;

/** An ISO time as "2026-12-04 08:30" in the zone, and the zone's short name there ("EST",
 *  "GMT+5:30", "UTC"). */
export function zonedParts(iso: string, zone: string): { date: string; time: string; name: string } {
  const utc = zone === 'UTC' ? UTC_ISO.exec(iso) : null;
  if (utc) return { date: utc[1]!, time: utc[2]!, name: 'UTC' };
  const p = Object.fromEntries(
    format(zone)
      .formatToParts(new Date(iso))
      .map((x) => [x.type, x.value]),
  );
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    time: `${p.hour}:${p.minute}`,
    name: p.timeZoneName ?? zone,
  };
}

/** "2026-12-04 08:30 EST" (or the day alone with `day`), in the zone. */
export function zonedTime(iso: string, zone: string, day = false): string {
  const p = zonedParts(iso, zone);
  return day ? `${p.date} (${p.name})` : `${p.date} ${p.time} ${p.name}`;
}
