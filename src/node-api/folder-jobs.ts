// --summary --jobs for a big folder of small files (bounce messages): runs of consecutive files
// shared between this thread and N - 1 worker threads (./ordered-pool.ts), each run read into a
// partial report (its state, in this thread), merged in input order: the report one thread makes.
import { deriveReport } from '../lib/report/derive.ts';
import { PartialMerger, savePartial, type PartialReport, type Shard } from '../lib/report/partial.ts';
import type { Engine } from './engine.ts';
import { runShard, type FolderSettings } from './folder-work.ts';
import type { Input } from './inputs.ts';
import { runOrdered } from './ordered-pool.ts';
import type { Progress } from './progress.ts';

/** Runs of files per thread for the summary: enough that a thread left with a slow run does not
 *  keep the others waiting, few enough that merging their partial reports costs little. */
const RUNS_PER_THREAD = 4;

export async function summaryInJobs(
  inputs: readonly Input[],
  jobs: number,
  options: { engine: Engine; worker: URL; settings: FolderSettings; progress?: Progress | undefined },
) {
  const { engine, settings } = options;
  const size = Math.ceil(inputs.length / (jobs * RUNS_PER_THREAD));
  const runs = Array.from({ length: Math.ceil(inputs.length / size) }, (_, i) =>
    inputs.slice(i * size, (i + 1) * size),
  );
  const merger = new PartialMerger(engine.rules);
  // A worker's run comes back as a partial report, this thread's as its state.
  await runOrdered<Input[], PartialReport | Shard>(runs, {
    threads: jobs,
    worker: options.worker,
    workerData: { ...settings, progress: options.progress?.shared } satisfies FolderSettings,
    local: (run) => runShard(engine, run, settings.timeZone, options.progress?.add),
    take: (result, i) =>
      'format' in result ? merger.add(runs[i]![0]!.name, result) : merger.addShard(result),
  });
  const { state, rowLimit } = merger.merged();
  // Every run was read in this zone; a merge keeps the zone of the empty state it starts from.
  state.zone.zone = settings.timeZone;
  const byId = new Map(engine.rules.map((r) => [r.id, r]));
  return {
    report: () => deriveReport(state, byId, rowLimit),
    partial: () => savePartial(state, engine.rules, rowLimit),
  };
}
