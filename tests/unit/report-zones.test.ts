// Zone-less log times read in a named IANA zone (across a daylight-saving change), times shown in
// a zone with its name, and the chart's axis ticks: whole hours in the zone, at most five count steps.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countTicks, timeTicks } from '../../src/browser/analyze-chart-data.ts';
import { lineTime } from '../../src/lib/report/timestamps.ts';
import { isTimeZone, wallClock, zonedParts, zonedTime } from '../../src/lib/report/zones.ts';

const REF = Date.UTC(2026, 11, 31);

describe('wall-clock times in a zone', () => {
  it('reads syslog times in the zone, summer and winter', () => {
    const berlin = wallClock('Europe/Berlin');
    expect(new Date(lineTime('Jul  1 12:00:00 mail postfix', REF, berlin)!).toISOString()).toBe(
      '2026-07-01T10:00:00.000Z',
    );
    expect(new Date(lineTime('Dec  4 12:00:00 mail postfix', REF, berlin)!).toISOString()).toBe(
      '2026-12-04T11:00:00.000Z',
    );
    expect(berlin.read).toBe(2);
  });

  it('reads ISO times without an offset in the zone, and keeps an offset that is written', () => {
    const ny = wallClock('America/New_York');
    expect(lineTime('2026-12-04 08:30:00 x', REF, ny)).toBe(Date.UTC(2026, 11, 4, 13, 30));
    expect(lineTime('2026-12-04T08:30:00+01:00 x', REF, ny)).toBe(Date.UTC(2026, 11, 4, 7, 30));
    expect(ny.read).toBe(1);
  });

  it('knows IANA names and refuses others', () => {
    expect(isTimeZone('Asia/Kolkata')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });

  it('shows a time in a zone with the zone’s short name', () => {
    expect(zonedTime('2026-12-04T13:30:00Z', 'America/New_York')).toBe('2026-12-04 08:30 EST');
    expect(zonedTime('2026-12-04T13:30:00Z', 'Asia/Kolkata')).toBe('2026-12-04 19:00 GMT+5:30');
    expect(zonedTime('2026-12-04T13:30:00Z', 'UTC', true)).toBe('2026-12-04 (UTC)');
  });

  it('shows UTC as Intl does (Etc/UTC goes through Intl), for any time of any year', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(-500, 0, 1), max: Date.UTC(12_000, 0, 1) }), (t) => {
        const iso = new Date(t).toISOString();
        expect(zonedParts(iso, 'UTC')).toEqual(zonedParts(iso, 'Etc/UTC'));
        expect(zonedParts(iso.replace(/\.\d+Z$/, 'Z'), 'UTC')).toEqual(zonedParts(iso, 'Etc/UTC'));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('chart ticks', () => {
  it('counts in at most five steps of 1, 2 or 5', () => {
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(countTicks(131)).toEqual([0, 50, 100, 150]);
  });

  it('puts time ticks on whole hours in the zone (Kolkata is half an hour off UTC)', () => {
    const from = Date.UTC(2026, 11, 4, 8, 0);
    const { step, ticks } = timeTicks(from, from + 5 * 3_600_000, 'Asia/Kolkata', 15, 8);
    expect(step).toBe(60);
    expect(ticks.map((t) => zonedTime(new Date(t).toISOString(), 'Asia/Kolkata'))).toEqual([
      '2026-12-04 14:00 GMT+5:30',
      '2026-12-04 15:00 GMT+5:30',
      '2026-12-04 16:00 GMT+5:30',
      '2026-12-04 17:00 GMT+5:30',
      '2026-12-04 18:00 GMT+5:30',
    ]);
  });

  it('goes daily on long spans, at the zone’s midnight', () => {
    const from = Date.UTC(2026, 11, 1);
    const { step, ticks } = timeTicks(from, from + 20 * 86_400_000, 'America/New_York', 360, 8);
    expect(step).toBeGreaterThanOrEqual(1440);
    for (const t of ticks)
      expect(zonedTime(new Date(t).toISOString(), 'America/New_York')).toMatch(/ 00:00 EST$/);
  });
});
