// The work --jobs shares between threads for a big folder of small files (./folder-jobs.ts), done
// alike in the command's own thread and in its workers (./folder-worker.ts): the partial report of
// a run of files: a partial report from a worker, the state itself in this thread.
import type { Aggregator } from '../lib/report/index.ts';
import type { PartialReport, Shard } from '../lib/report/partial.ts';
import type { Engine } from './engine.ts';
import type { Input } from './inputs.ts';
import type { OnRead } from './progress.ts';

/** What a worker needs to read files as the command does. */
export interface FolderSettings {
  /** The rule data file. */
  rules: string;
  timeZone: string;
  /** The command's progress counter (./progress.ts), when it shows one. */
  progress?: SharedArrayBuffer | undefined;
}

/** A run of files read as --summary reads them (no per-reply rows), into a fresh aggregator. */
async function read(
  engine: Engine,
  inputs: readonly Input[],
  timeZone: string,
  onRead?: OnRead,
): Promise<Aggregator> {
  // The report code loads only here, as in the command's --summary.
  const { analyzeInputs } = await import('./analyze.ts');
  const newReport = await engine.reports();
  return analyzeInputs(inputs, newReport({ rowLimit: 0, timeZone }), onRead);
}

/** The partial report of a run of files, as a worker hands it over. */
export async function runPartial(
  engine: Engine,
  inputs: readonly Input[],
  timeZone: string,
  onRead?: OnRead,
): Promise<PartialReport> {
  return (await read(engine, inputs, timeZone, onRead)).partial();
}

/** The state of a run of files read in this thread, merged as it is. */
export async function runShard(
  engine: Engine,
  inputs: readonly Input[],
  timeZone: string,
  onRead?: OnRead,
): Promise<Shard> {
  const { shardOf } = await import('../lib/report/index.ts');
  return shardOf(await read(engine, inputs, timeZone, onRead));
}
