// --jobs N: the inputs' tasks (./job-plan.ts) shared between this thread and N - 1 worker threads
// (./job-worker.ts) by the ordered pool (./ordered-pool.ts), each task's partial report merged in
// input order as soon as those before it are, so the report is the one a single job makes. This
// thread reads the first task while the workers start; it would otherwise only wait for them.
import { PartialMerger, savePartial, type PartialReport, type Shard } from '../lib/report/partial.ts';
import { deriveReport } from '../lib/report/derive.ts';
import type { Report } from '../lib/report/types.ts';
import type { Engine } from './engine.ts';
import { planTasks, type Task } from './job-plan.ts';
import { readShard } from './job-task.ts';
import type { Input } from './inputs.ts';
import { runOrdered, WORKER_YOUNG_MB } from './ordered-pool.ts';
import type { Progress } from './progress.ts';

export interface JobsResult {
  report(): Report;
  partial(): PartialReport;
}

export async function runJobs(
  inputs: readonly Input[],
  jobs: number,
  options: {
    rulesFile: string;
    engine: Engine;
    worker: URL;
    rangeBytes?: number;
    /** The command's progress (./progress.ts), when it shows one. */
    progress?: Progress | undefined;
  },
): Promise<JobsResult> {
  const { engine } = options;
  const tasks = planTasks(inputs, jobs, options.rangeBytes);
  const newReport = await engine.reports();
  const merger = new PartialMerger(engine.rules);
  // A worker's task comes back as a partial report, this thread's as its state.
  await runOrdered<Task, PartialReport | Shard>(tasks, {
    threads: jobs,
    worker: options.worker,
    workerData: { rules: options.rulesFile, progress: options.progress?.shared },
    youngMb: WORKER_YOUNG_MB,
    local: (task) => readShard(newReport, task, options.progress?.add),
    take: (result, i) =>
      'format' in result ? merger.add(tasks[i]!.input.name, result) : merger.addShard(result),
  });
  const { state, rowLimit } = merger.merged();
  const byId = new Map(engine.rules.map((r) => [r.id, r]));
  return {
    report: () => deriveReport(state, byId, rowLimit),
    partial: () => savePartial(state, engine.rules, rowLimit),
  };
}
