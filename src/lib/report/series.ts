// iCloud replies over time, per entry: counted per minute while reading (memory grows with the
// minutes that had replies, not with the log), then grouped into at most MAX_BUCKETS buckets.
import type { Series } from './types.ts';

const MINUTE = 60_000;
const SIZES = [1, 5, 15, 60, 180, 360, 1440, 10_080, 43_200];
const MAX_BUCKETS = 96;

export class MinuteCounts {
  private minutes = new Map<number, Map<string, number>>();

  add(time: number, entry: string) {
    const minute = Math.floor(time / MINUTE);
    let m = this.minutes.get(minute);
    if (!m) this.minutes.set(minute, (m = new Map()));
    m.set(entry, (m.get(entry) ?? 0) + 1);
  }

  /** [minute, [[entry, count], …]], …: the counts as JSON. */
  save(): [number, [string, number][]][] {
    return [...this.minutes].map(([minute, m]) => [minute, [...m]]);
  }

  static load(saved: [number, [string, number][]][]): MinuteCounts {
    const counts = new MinuteCounts();
    counts.minutes = new Map(saved.map(([minute, m]) => [minute, new Map(m)]));
    return counts;
  }

  merge(other: MinuteCounts): MinuteCounts {
    for (const [minute, byEntry] of other.minutes) {
      let m = this.minutes.get(minute);
      if (!m) this.minutes.set(minute, (m = new Map()));
      for (const [id, n] of byEntry) m.set(id, (m.get(id) ?? 0) + n);
    }
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
    const buckets = Array.from({ length: count }, (_, i) => ({
      start: new Date((first + i) * size * MINUTE).toISOString(),
      counts: {} as Record<string, number>,
    }));
    for (const [minute, byEntry] of this.minutes) {
      const bucket = buckets[Math.min(Math.floor(minute / size) - first, count - 1)]!;
      for (const [id, n] of byEntry) bucket.counts[id] = (bucket.counts[id] ?? 0) + n;
    }
    return { bucketMinutes: size, buckets };
  }
}
