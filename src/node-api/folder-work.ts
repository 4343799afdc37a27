// The work --jobs shares between threads for a big folder of small files (./folder-jobs.ts), done
// alike in the command's own thread and in its workers (./folder-worker.ts): the partial report of
// a run of files.
import type { PartialReport } from '../lib/report/partial.ts';
import type { Engine } from './engine.ts';
import type { Input } from './inputs.ts';

/** What a worker needs to read files as the command does. */
export interface FolderSettings {
  /** The rule data file. */
  rules: string;
  timeZone: string;
}

/** The partial report of a run of files, read as --summary reads them (no per-reply rows). */
export async function runPartial(
  engine: Engine,
  inputs: readonly Input[],
  timeZone: string,
): Promise<PartialReport> {
  // The report code loads only here, as in the command's --summary.
  const { analyzeInputs } = await import('./analyze.ts');
  const newReport = await engine.reports();
  return (await analyzeInputs(inputs, newReport({ rowLimit: 0, timeZone }))).partial();
}
