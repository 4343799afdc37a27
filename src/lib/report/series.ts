// iCloud replies over time, per entry: counted per minute while reading (memory grows with the
// minutes that had replies, not with the log), then grouped into at most MAX_BUCKETS buckets.
import type { Series, SeriesBucket } from './types.ts';

const MINUTE = 60_000;
const SIZES = [1, 5, 15, 60, 180, 360, 1440, 10_080, 43_200];
const MAX_BUCKETS = 96;

export class MinuteCounts {
  private minutes = new Map<number, Map<string, number>>();
  private delivered = new Map<number, number>();

  /** A delivery's time: counted only in buckets that also hold replies (the rate's denominator). */
  addDelivered(time: number) {
    const minute = Math.floor(time / MINUTE);
    this.delivered.set(minute, (this.delivered.get(minute) ?? 0) + 1);
  }

  add(time: number, entry: string) {
    const minute = Math.floor(time / MINUTE);
    let m = this.minutes.get(minute);
    if (!m) this.minutes.set(minute, (m = new Map()));
    m.set(entry, (m.get(entry) ?? 0) + 1);
  }

  /** [minute, [[entry, count], …]], …: the counts as JSON; deliveries per minute beside them. */
  save(): { counts: [number, [string, number][]][]; delivered: [number, number][] } {
    return {
      counts: [...this.minutes].map(([minute, m]) => [minute, [...m]]),
      delivered: [...this.delivered],
    };
  }

  static load(saved: ReturnType<MinuteCounts['save']>): MinuteCounts {
    const counts = new MinuteCounts();
    counts.minutes = new Map(saved.counts.map(([minute, m]) => [minute, new Map(m)]));
    counts.delivered = new Map(saved.delivered);
    return counts;
  }

  merge(other: MinuteCounts): MinuteCounts {
    for (const [minute, byEntry] of other.minutes) {
      let m = this.minutes.get(minute);
      if (!m) this.minutes.set(minute, (m = new Map()));
      for (const [id, n] of byEntry) m.set(id, (m.get(id) ?? 0) + n);
    }
    for (const [minute, n] of other.delivered)
      this.delivered.set(minute, (this.delivered.get(minute) ?? 0) + n);
    return this;
  }

  /** Entry id → its replies per minute (minute = ms since the epoch / 60,000). */
  byEntry(): Map<string, Map<number, number>> {
    const out = new Map<string, Map<number, number>>();
    for (const [minute, counts] of this.minutes)
      for (const [id, n] of counts) {
        let m = out.get(id);
        if (!m) out.set(id, (m = new Map()));
        m.set(minute, n);
      }
    return out;
  }

  series(): Series | undefined {
    if (this.minutes.size === 0) return undefined;
    let lo = Infinity;
    let hi = -Infinity;
    for (const k of this.minutes.keys()) {
      if (k < lo) lo = k;
      if (k > hi) hi = k;
    }
    const size =
      SIZES.find((s) => Math.floor(hi / s) - Math.floor(lo / s) + 1 <= MAX_BUCKETS) ?? SIZES.at(-1)!;
    const first = Math.floor(lo / size);
    const count = Math.min(Math.floor(hi / size) - first + 1, MAX_BUCKETS * 4);
    const buckets = Array.from({ length: count }, (_, i): SeriesBucket => ({
      start: new Date((first + i) * size * MINUTE).toISOString(),
      counts: {} as Record<string, number>,
    }));
    for (const [minute, byEntry] of this.minutes) {
      const bucket = buckets[Math.min(Math.floor(minute / size) - first, count - 1)]!;
      for (const [id, n] of byEntry) bucket.counts[id] = (bucket.counts[id] ?? 0) + n;
    }
    for (const [minute, n] of this.delivered) {
      const i = Math.floor(minute / size) - first;
      if (i < 0 || i >= count) continue;
      const bucket = buckets[i]!;
      bucket.delivered = (bucket.delivered ?? 0) + n;
    }
    return { bucketMinutes: size, buckets };
  }
}
