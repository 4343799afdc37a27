// Each recipient's iCloud replies, per entry: how many, and for `after-repeats` entries on which
// UTC days (./lists.ts decides from them). A log of a million bounces names about as many
// addresses, so the hits are kept in columns (typed arrays indexed by hit) instead of a Map, an
// object and a Set per address: about 30 bytes a hit instead of about 500, which kept a 1 GB log's
// peak memory over 150 MB.

const DAY = 86_400_000;

/** One address's hits of one entry. */
export interface Hit {
  entry: string;
  count: number;
  /** Distinct UTC days with this reply, undated replies counting one each; `after-repeats`
   *  entries only. */
  days?: number;
}

/** Saved hits: per address, [entry, count] or, for `after-repeats` entries, [entry, count, UTC
 *  days (YYYY-MM-DD), replies without a time]. */
export type SavedHits = [string, ([string, number] | [string, number, string[], number])[]][];

/** `a`, or a copy twice as long when `index` is past its end. */
function grown(a: Uint32Array<ArrayBuffer>, index: number): Uint32Array<ArrayBuffer> {
  if (index < a.length) return a;
  const b = new Uint32Array(a.length * 2);
  b.set(a);
  return b;
}

export class HitTable {
  /** Address → its first hit; an address's later entries follow by `next` (0: none, since hit 0
   *  is the first of its address). */
  private readonly heads = new Map<string, number>();
  private entry = new Uint32Array(1024);
  private count = new Uint32Array(1024);
  private next = new Uint32Array(1024);
  private size = 0;
  /** Entry ids and day keys (YYYY-MM-DD), each stored once and referred to by index. */
  private readonly ids: string[] = [];
  private readonly idIndex = new Map<string, number>();
  private readonly dayKeys: string[] = [];
  private readonly dayIndex = new Map<string, number>();
  /** Of `after-repeats` hits: their days' indexes, and their replies without a time. */
  private readonly days = new Map<number, number[]>();
  private readonly undated = new Map<number, number>();
  /** The last day read: hits of one day share its key. */
  private lastDay = NaN;
  private lastKey = 0;

  get addresses(): number {
    return this.heads.size;
  }

  /** One reply of `entry` to `address`; `repeats` for an `after-repeats` entry, whose days count. */
  record(address: string, entry: string, repeats: boolean, time: number | undefined) {
    const hit = this.hitOf(address, this.idOf(entry));
    this.count[hit]!++;
    if (!repeats) return;
    const days = this.daysOf(hit);
    if (time === undefined) this.undated.set(hit, (this.undated.get(hit) ?? 0) + 1);
    else {
      const key = this.dayOf(time);
      // Replies mostly come in time order: the last day is the one to check first.
      if (days.at(-1) !== key && !days.includes(key)) days.push(key);
    }
  }

  private idOf(entry: string): number {
    let i = this.idIndex.get(entry);
    if (i === undefined) this.idIndex.set(entry, (i = this.ids.push(entry) - 1));
    return i;
  }

  private keyOf(day: string): number {
    let i = this.dayIndex.get(day);
    if (i === undefined) this.dayIndex.set(day, (i = this.dayKeys.push(day) - 1));
    return i;
  }

  /** The key of a time's UTC day, as the ISO date it falls on (which is what a partial saves). */
  private dayOf(time: number): number {
    const day = Math.floor(time / DAY);
    if (day !== this.lastDay) {
      this.lastDay = day;
      this.lastKey = this.keyOf(new Date(time).toISOString().slice(0, 10));
    }
    return this.lastKey;
  }

  private daysOf(hit: number): number[] {
    let days = this.days.get(hit);
    if (!days) this.days.set(hit, (days = []));
    return days;
  }

  /** The address's hit of the entry, added at the end of its hits when it has none yet. */
  private hitOf(address: string, id: number): number {
    const head = this.heads.get(address);
    if (head === undefined) {
      const hit = this.add(id);
      this.heads.set(address, hit);
      return hit;
    }
    let h = head;
    for (; this.entry[h] !== id; h = this.next[h]!)
      if (!this.next[h]) {
        const hit = this.add(id);
        this.next[h] = hit;
        return hit;
      }
    return h;
  }

  private add(id: number): number {
    const hit = this.size++;
    this.entry = grown(this.entry, hit);
    this.count = grown(this.count, hit);
    this.next = grown(this.next, hit);
    this.entry[hit] = id;
    return hit;
  }

  /** Each address's hits, in the order the address first got each entry. */
  hitsOf(address: string): Hit[] {
    const out: Hit[] = [];
    const head = this.heads.get(address);
    if (head === undefined) return out;
    for (let h = head; ; h = this.next[h]!) {
      const hit: Hit = { entry: this.ids[this.entry[h]!]!, count: this.count[h]! };
      const days = this.days.get(h);
      if (days) hit.days = days.length + (this.undated.get(h) ?? 0);
      out.push(hit);
      if (!this.next[h]) return out;
    }
  }

  /** The addresses, in the order they were first hit. */
  keys(): IterableIterator<string> {
    return this.heads.keys();
  }

  /** Entry id → the distinct addresses that got it. */
  recipients(): Map<string, number> {
    const byId = new Uint32Array(this.ids.length);
    for (let h = 0; h < this.size; h++) byId[this.entry[h]!]!++;
    return new Map(this.ids.map((id, i) => [id, byId[i]!]));
  }

  save(): SavedHits {
    return [...this.heads].map(([address, head]) => {
      const hits: SavedHits[number][1] = [];
      for (let h = head; ; h = this.next[h]!) {
        const id = this.ids[this.entry[h]!]!;
        const days = this.days.get(h);
        hits.push(
          days
            ? [id, this.count[h]!, days.map((d) => this.dayKeys[d]!), this.undated.get(h) ?? 0]
            : [id, this.count[h]!],
        );
        if (!this.next[h]) break;
      }
      return [address, hits];
    });
  }

  static load(saved: SavedHits): HitTable {
    const table = new HitTable();
    for (const [address, hits] of saved)
      for (const [entry, count, days, undated] of hits) table.addCounts(address, entry, count, days, undated);
    return table;
  }

  /** Adds the hits of a later shard's table. */
  merge(other: HitTable): HitTable {
    for (const [address, head] of other.heads)
      for (let h = head; ; h = other.next[h]!) {
        const days = other.days.get(h)?.map((d) => other.dayKeys[d]!);
        this.addCounts(address, other.ids[other.entry[h]!]!, other.count[h]!, days, other.undated.get(h));
        if (!other.next[h]) break;
      }
    return this;
  }

  private addCounts(address: string, entry: string, count: number, days?: string[], undated = 0) {
    const hit = this.hitOf(address, this.idOf(entry));
    this.count[hit]! += count;
    if (!days) return;
    const mine = this.daysOf(hit);
    for (const day of days) {
      const key = this.keyOf(day);
      if (!mine.includes(key)) mine.push(key);
    }
    if (undated) this.undated.set(hit, (this.undated.get(hit) ?? 0) + undated);
  }
}
