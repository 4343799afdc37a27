// The parts of the aggregator's state (./state.ts) whose saving or merging takes more than a line.
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
      autoReplies: a.autoReplies + b.autoReplies,
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

export const statsPart = mapPart<EntryStats>((a, b) => {
  const s: EntryStats = { count: a.count + b.count };
  const first = min(a.first, b.first);
  const last = max(a.last, b.last);
  if (first !== undefined) s.first = first;
  if (last !== undefined) s.last = last;
  return s;
});
