// The parts of the aggregator's state (./state.ts) whose saving or merging takes more than a line.
import type { AddressHits, HitsByAddress } from './lists.ts';
import type { EntryStats, StateFile, StatePart, Totals } from './state.ts';
import type { ReplyRow } from './types.ts';

const min = (a?: number, b?: number) => (a === undefined ? b : b === undefined ? a : Math.min(a, b));
const max = (a?: number, b?: number) => (a === undefined ? b : b === undefined ? a : Math.max(a, b));

/** The last file of a and the first of b when b's is a later byte range of a's. */
function joined(a: StateFile[], b: StateFile[]): [StateFile, StateFile] | undefined {
  const last = a.at(-1);
  const first = b[0];
  return last && first?.continues && first.name === last.name ? [last, first] : undefined;
}

export const fileParts: StatePart<StateFile[]> = {
  save: (files) => files,
  load: (s) => (s as StateFile[]).map((f) => ({ ...f })),
  merge(a, b) {
    const join = joined(a, b);
    if (!join) return [...a, ...b];
    const [x, y] = join;
    const both: StateFile = {
      ...x,
      bytes: x.bytes + y.bytes,
      lines: x.lines + y.lines,
      records: x.records + y.records,
      replies: x.replies + y.replies,
      icloud: x.icloud + y.icloud,
    };
    // Ranges are cut only from files whose head reads as a mail log (--jobs), so a problem is
    // the read's (an I/O error), and it stands for the whole file.
    const problem = x.problem ?? y.problem;
    if (problem !== undefined) both.problem = problem;
    return [...a.slice(0, -1), both, ...b.slice(1)];
  },
};

export const rowsPart: StatePart<ReplyRow[]> = {
  save: (rows) => rows,
  load: (s) => s as ReplyRow[],
  merge(a, b, from) {
    const join = joined(from.a.files, from.b.files);
    if (!join) return a.concat(b);
    const [x] = join;
    const shifted = b.map((r) => (r.file === x.name ? { ...r, line: r.line + x.lines } : r));
    return a.concat(shifted);
  },
};

export const totalsPart: StatePart<Totals> = {
  save: (t) => t,
  load: (s) => ({ ...(s as Totals) }),
  merge(a, b) {
    const t: Totals = {
      replies: a.replies + b.replies,
      icloud: a.icloud + b.icloud,
      icloudUnmatched: a.icloudUnmatched + b.icloudUnmatched,
      other: a.other + b.other,
      undated: a.undated + b.undated,
      skipped: a.skipped + b.skipped,
    };
    const first = min(a.first, b.first);
    const last = max(a.last, b.last);
    if (first !== undefined) t.first = first;
    if (last !== undefined) t.last = last;
    if (a.cancelled || b.cancelled) t.cancelled = true;
    return t;
  },
};

export function mapPart<V>(add: (a: V, b: V) => V): StatePart<Map<string, V>> {
  return {
    save: (m) => [...m],
    load: (s) => new Map(s as [string, V][]),
    merge(a, b) {
      for (const [k, v] of b) a.set(k, a.has(k) ? add(a.get(k)!, v) : v);
      return a;
    },
  };
}

type SavedStats = Omit<EntryStats, 'recipients'> & { recipients: string[] };

export const statsPart: StatePart<Map<string, EntryStats>> = {
  save: (m) => [...m].map(([id, s]): [string, SavedStats] => [id, { ...s, recipients: [...s.recipients] }]),
  load: (s) =>
    new Map(
      (s as [string, SavedStats][]).map(([id, x]) => [id, { ...x, recipients: new Set(x.recipients) }]),
    ),
  merge: mapPart<EntryStats>((a, b) => {
    const s: EntryStats = { count: a.count + b.count, recipients: a.recipients };
    for (const r of b.recipients) s.recipients.add(r);
    const first = min(a.first, b.first);
    const last = max(a.last, b.last);
    if (first !== undefined) s.first = first;
    if (last !== undefined) s.last = last;
    return s;
  }).merge,
};

/** Undated hits count one "day" each (`undated-N`, see ./lists.ts): b's are numbered after a's. */
function addHits(a: AddressHits, b: AddressHits): AddressHits {
  const h: AddressHits = { count: a.count + b.count };
  if (a.days || b.days) {
    h.days = new Set(a.days);
    for (const d of b.days ?? [])
      h.days.add(d.startsWith('undated-') ? `undated-${a.count + Number(d.slice(8))}` : d);
  }
  return h;
}

type SavedHits = [string, [string, number, string[]?][]][];

export const hitsPart: StatePart<HitsByAddress> = {
  save: (hits) =>
    [...hits].map(([address, byEntry]) => [
      address,
      [...byEntry].map(([id, h]) => (h.days ? [id, h.count, [...h.days]] : [id, h.count])),
    ]),
  load: (s) =>
    new Map(
      (s as SavedHits).map(([address, byEntry]) => [
        address,
        new Map(byEntry.map(([id, count, days]) => [id, days ? { count, days: new Set(days) } : { count }])),
      ]),
    ),
  merge(a, b) {
    for (const [address, byEntry] of b) {
      const mine = a.get(address);
      if (!mine) a.set(address, byEntry);
      else for (const [id, h] of byEntry) mine.set(id, mine.has(id) ? addHits(mine.get(id)!, h) : h);
    }
    return a;
  },
};
