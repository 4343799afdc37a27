// The aggregator's running state: every part the report is derived from, and nothing derived. A
// partial report (./partial.ts) is this state serialised, so each part also says how it is saved,
// loaded and merged with the same part of another shard; a part added later only needs its own.
import { BreakdownTally } from './breakdowns.ts';
import { DeliveredSet } from './delivered-set.ts';
import { DOMAIN_KINDS } from './domains.ts';
import type { UnknownUserEvent } from './incident.ts';
import { HitTable, type SavedHits } from './hits.ts';
import { MinuteCounts } from './series.ts';
import { fileParts, mapPart, rowsPart, statsPart, totalsPart } from './state-parts.ts';
import type { DomainKind, FileSummary, ReplyRow, ReportZone } from './types.ts';

/** An entry's replies; its distinct recipients are counted from the hits (./hits.ts). */
export interface EntryStats {
  count: number;
  first?: number;
  last?: number;
}

/** A file of the state; `continues` marks a later byte range of the file before it (--jobs). */
export type StateFile = FileSummary & { continues?: boolean };

export interface Totals {
  replies: number;
  icloud: number;
  icloudUnmatched: number;
  other: number;
  undated: number;
  skipped: number;
  /** Automatic replies (vacation, out-of-office): counted apart, never replies. */
  autoReplies: number;
  first?: number;
  last?: number;
  cancelled?: boolean;
}

/** Deliveries seen, to every provider; iCloud's apart, with its dated ones per minute (for the
 *  trends of ./todo.ts). */
export interface Deliveries {
  all: number;
  icloud: number;
  domains: Map<string, number>;
  minutes: Map<number, number>;
}

export interface TallyState {
  files: StateFile[];
  totals: Totals;
  stats: Map<string, EntryStats>;
  minutes: MinuteCounts;
  domains: Record<DomainKind, number>;
  customDomains: Map<string, number>;
  hits: HitTable;
  unknownUser: UnknownUserEvent[];
  rows: ReplyRow[];
  delivered: DeliveredSet;
  deliveries: Deliveries;
  breakdowns: BreakdownTally;
  /** The zone times without one were read in, and how many were. */
  zone: ReportZone;
}

/** How one part of the state is kept in JSON and combined with the same part of a later shard. */
export interface StatePart<T> {
  /** `binary`: for another thread, not JSON (the delivered filter stays a typed array). */
  save(value: T, binary?: boolean): unknown;
  load(saved: unknown): T;
  /** `a` came before `b` in the input; `a` may be reused. `from` gives both states for parts whose
   *  merge depends on another part (rows are renumbered after a file's earlier byte range). */
  merge(a: T, b: T, from: { a: TallyState; b: TallyState }): T;
}

type Parts = { [K in keyof TallyState]: StatePart<TallyState[K]> };

const sum = (a: Record<DomainKind, number>, b: Record<DomainKind, number>) =>
  Object.fromEntries(DOMAIN_KINDS.map((k) => [k, a[k] + b[k]])) as Record<DomainKind, number>;

/** Every part, in the order merges run (rows before files: they read the files as they were). */
export const PARTS: Parts = {
  rows: rowsPart,
  files: fileParts,
  totals: totalsPart,
  stats: statsPart,
  minutes: {
    save: (m) => m.save(),
    load: (s) => MinuteCounts.load(s as Parameters<typeof MinuteCounts.load>[0]),
    merge: (a, b) => a.merge(b),
  },
  domains: { save: (d) => d, load: (s) => ({ ...(s as Record<DomainKind, number>) }), merge: sum },
  customDomains: mapPart<number>((a, b) => a + b),
  hits: {
    save: (h) => h.save(),
    load: (s) => HitTable.load(s as SavedHits),
    merge: (a, b) => a.merge(b),
  },
  unknownUser: {
    save: (events) => events.map((e) => [e.time ?? null, e.recipient, e.entry]),
    load: (s) =>
      (s as [number | null, string, string][]).map(([time, recipient, entry]) => ({
        ...(time === null ? {} : { time }),
        recipient,
        entry,
        delivered: false,
      })),
    merge: (a, b) => a.concat(b),
  },
  deliveries: {
    save: (d) => ({ all: d.all, icloud: d.icloud, domains: [...d.domains], minutes: [...d.minutes] }),
    load: (s) => {
      const d = s as {
        all: number;
        icloud: number;
        domains: [string, number][];
        minutes: [number, number][];
      };
      return { all: d.all, icloud: d.icloud, domains: new Map(d.domains), minutes: new Map(d.minutes) };
    },
    merge: (a, b) => {
      a.all += b.all;
      a.icloud += b.icloud;
      for (const [k, n] of b.domains) a.domains.set(k, (a.domains.get(k) ?? 0) + n);
      for (const [k, n] of b.minutes) a.minutes.set(k, (a.minutes.get(k) ?? 0) + n);
      return a;
    },
  },
  delivered: {
    save: (d, binary) => d.save(binary),
    load: (s) => DeliveredSet.load(s as Parameters<typeof DeliveredSet.load>[0]),
    merge: (a, b) => a.merge(b),
  },
  breakdowns: {
    save: (t) => t.save(),
    load: (s) => BreakdownTally.load(s as Parameters<typeof BreakdownTally.load>[0]),
    merge: (a, b) => a.merge(b),
  },
  zone: {
    save: (z) => z,
    load: (s) => ({ ...(s as ReportZone) }),
    merge: (a, b) => ({ zone: a.zone, zoneless: a.zoneless + b.zoneless }),
  },
};

export function newState(): TallyState {
  return {
    files: [],
    totals: { replies: 0, icloud: 0, icloudUnmatched: 0, other: 0, undated: 0, skipped: 0, autoReplies: 0 },
    stats: new Map(),
    minutes: new MinuteCounts(),
    domains: Object.fromEntries(DOMAIN_KINDS.map((k) => [k, 0])) as Record<DomainKind, number>,
    customDomains: new Map(),
    hits: new HitTable(),
    unknownUser: [],
    rows: [],
    delivered: new DeliveredSet(),
    deliveries: { all: 0, icloud: 0, domains: new Map(), minutes: new Map() },
    breakdowns: new BreakdownTally(),
    zone: { zone: 'UTC', zoneless: 0 },
  };
}

const keys = Object.keys(PARTS) as (keyof TallyState)[];

export function saveState(state: TallyState, binary = false): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, PARTS[k].save(state[k] as never, binary)]));
}

/** Sets one part; the key ties the part's type to its value, so no cast of the whole is needed. */
function setPart<K extends keyof TallyState>(state: TallyState, key: K, value: TallyState[K]) {
  state[key] = value;
}

export function loadState(saved: Record<string, unknown>): TallyState {
  const state = newState();
  for (const k of keys) setPart(state, k, PARTS[k].load(saved[k]));
  return state;
}

/** The state of a's input followed by b's. */
export function mergeStates(a: TallyState, b: TallyState): TallyState {
  const from = { a, b };
  const state = newState();
  for (const k of keys) setPart(state, k, PARTS[k].merge(a[k] as never, b[k] as never, from));
  return state;
}
