// A partial report: the aggregator's state (./state.ts) as JSON, so shards of the input read on
// other cores or machines combine into the report one process would have made of all of it.
// The format is documented in the README ("Past one machine"); bump PARTIAL_VERSION whenever a
// part's saved shape changes, and a merge refuses partials of another version.
import type { RuleEntry } from '../rules.ts';
import { deriveReport } from './derive.ts';
import { fnv1a } from './fnv1a.ts';
import { loadState, mergeStates, newState, saveState, type TallyState } from './state.ts';
import type { Report } from './types.ts';

export const PARTIAL_FORMAT = 'icloud-mail-reply-codes/partial-report';
export const PARTIAL_VERSION = 2;

export interface PartialReport {
  format: typeof PARTIAL_FORMAT;
  version: number;
  /** A digest of the rule data the shard was classified with: shards must share it. */
  rules: string;
  /** Per-reply rows kept (0: none). */
  rowLimit: number;
  /** One member per part of the state, in that part's saved shape. */
  state: Record<string, unknown>;
}

/** A partial report that cannot be merged, in one sentence. */
export class PartialError extends Error {}

/** An aggregator's state as it stands, with its rows limit: merged in the thread that read it
 *  (PartialMerger.addShard), not saved as a partial and loaded again. */
export interface Shard {
  state: TallyState;
  rowLimit: number;
}

/** FNV-1a over what decides the report: an entry's id, title, category and suppress field. */
export function rulesDigest(rules: readonly RuleEntry[]): string {
  const text = JSON.stringify(rules.map((r) => [r.id, r.title, r.category, r.suppress]));
  return `${rules.length}-${fnv1a(text).toString(16).padStart(8, '0')}`;
}

/** `binary`: for another thread's postMessage, not JSON (see StatePart.save). */
export function savePartial(
  state: TallyState,
  rules: readonly RuleEntry[],
  rowLimit: number,
  binary = false,
): PartialReport {
  return {
    format: PARTIAL_FORMAT,
    version: PARTIAL_VERSION,
    rules: rulesDigest(rules),
    rowLimit,
    state: saveState(state, binary),
  };
}

function check(value: unknown, name: string, digest: string): PartialReport {
  const p = value as Partial<PartialReport> | null;
  if (!p || typeof p !== 'object' || p.format !== PARTIAL_FORMAT)
    throw new PartialError(`${name} is not a partial report (made with --partial).`);
  if (p.version !== PARTIAL_VERSION)
    throw new PartialError(
      `${name} is a partial report of version ${p.version}; this version merges version ${PARTIAL_VERSION} only.`,
    );
  if (p.rules !== digest)
    throw new PartialError(`${name} was made with other rule data (${p.rules}, here ${digest}).`);
  if (!p.state || typeof p.state !== 'object') throw new PartialError(`${name} has no state.`);
  return p as PartialReport;
}

/** Partial reports merged one at a time, in input order, so each can go as soon as it is in (and
 *  --jobs merges a part while later ones are still being read). */
export class PartialMerger {
  private readonly digest: string;
  // The first shard's state is where the others merge in (not an empty state: its zone would win).
  private state: TallyState | undefined;
  private rowLimit: number | undefined;

  constructor(rules: readonly RuleEntry[]) {
    this.digest = rulesDigest(rules);
  }

  add(name: string, partial: unknown) {
    const p = check(partial, name, this.digest);
    this.rowLimit ??= p.rowLimit;
    let next: TallyState;
    try {
      next = loadState(p.state);
    } catch (error) {
      throw new PartialError(`${name} is damaged: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.take(next);
  }

  /** A shard read in this thread, merged as it is: the merger then owns its state. */
  addShard(shard: Shard) {
    this.rowLimit ??= shard.rowLimit;
    this.take(shard.state);
  }

  private take(next: TallyState) {
    const state = (this.state = this.state ? mergeStates(this.state, next) : next);
    if (state.rows.length > this.rowLimit!) state.rows.length = this.rowLimit!;
  }

  /** The state of every shard's input, and the rows limit of the first. */
  merged(): { state: TallyState; rowLimit: number } {
    return { state: this.state ?? newState(), rowLimit: this.rowLimit ?? 0 };
  }
}

/** The state of every shard's input, in the order given, and the rows limit of the first. */
export function mergePartials(
  partials: readonly { name: string; partial: unknown }[],
  rules: readonly RuleEntry[],
): { state: TallyState; rowLimit: number } {
  const merger = new PartialMerger(rules);
  for (const { name, partial } of partials) merger.add(name, partial);
  return merger.merged();
}

/** The report of all the shards' input together. */
export function mergeReports(
  partials: readonly { name: string; partial: unknown }[],
  rules: readonly RuleEntry[],
): Report {
  const { state, rowLimit } = mergePartials(partials, rules);
  return deriveReport(state, new Map(rules.map((r) => [r.id, r])), rowLimit);
}
