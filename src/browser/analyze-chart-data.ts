// The numbers behind the report's chart: the entries stacked (the largest ones, the rest as
// "Other entries"), each bucket's total and refusal rate, and the ticks of both axes. No DOM.
import type { Series } from '../lib/report/index';
import { zoneOffset } from '../lib/report/zones';
import type { ShownReport } from './engine-protocol';

/** At most this many entries get their own colour; the rest are stacked as "Other entries". */
const SHOWN = 7;
export const OTHER = 'other';
const MINUTE = 60_000;
/** Time-axis steps, in minutes: hourly when the span allows, else coarser, daily for long spans. */
const STEPS = [60, 120, 180, 360, 720, 1440, 2880, 10_080, 43_200];

export interface ChartBucket {
  start: number;
  stack: Record<string, number>;
  total: number;
  delivered: number;
  /** Share of iCloud attempts (its replies and deliveries to it) that got a reply, 0–1. */
  rate?: number;
}

export function groups(report: ShownReport): { id: string; title: string }[] {
  const top = report.rows.slice(0, SHOWN).map((r) => ({ id: r.id, title: r.title }));
  return report.rows.length > SHOWN ? [...top, { id: OTHER, title: 'Other entries' }] : top;
}

export function buckets(series: Series, keys: string[]): ChartBucket[] {
  const shown = new Set(keys);
  return series.buckets.map((b) => {
    const stack: Record<string, number> = {};
    let total = 0;
    for (const [id, n] of Object.entries(b.counts)) {
      const k = shown.has(id) ? id : OTHER;
      stack[k] = (stack[k] ?? 0) + n;
      total += n;
    }
    const delivered = b.delivered ?? 0;
    const out: ChartBucket = { start: Date.parse(b.start), stack, total, delivered };
    if (total) out.rate = total / (total + delivered);
    return out;
  });
}

/** Count ticks 0, step, 2·step … up to a rounded maximum: at most five steps of 1, 2 or 5 × 10ⁿ. */
export function countTicks(max: number): number[] {
  const top = Math.max(1, max);
  const steps = [1, 2, 5].flatMap((m) => [0, 1, 2, 3, 4, 5, 6].map((e) => m * 10 ** e)).sort((a, b) => a - b);
  const step = steps.find((s) => Math.ceil(top / s) <= 5)!;
  return Array.from({ length: Math.ceil(top / step) + 1 }, (_, i) => i * step);
}

/** Times of the time-axis ticks between `from` and `to`, on whole hours (or days) in the zone;
 *  `most` bounds how many. */
export function timeTicks(from: number, to: number, zone: string, bucketMinutes: number, most: number) {
  const step =
    (STEPS.find((s) => s >= bucketMinutes && (to - from) / (s * MINUTE) <= most) ?? STEPS.at(-1)!) * MINUTE;
  const ticks: number[] = [];
  const offset = zoneOffset(zone, from);
  let t = Math.ceil((from + offset) / step) * step - offset;
  // Daily ticks fall on the zone's midnight; an offset change inside the span moves them by its size.
  for (; t <= to && ticks.length <= most * 2; t += step) ticks.push(t - (zoneOffset(zone, t) - offset));
  return { step: step / MINUTE, ticks };
}
