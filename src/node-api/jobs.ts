// --jobs N: the inputs' tasks (./job-plan.ts) spread over N worker threads (./job-worker.ts), each
// task's partial report merged in input order, so the report is the one a single job makes.
import { Worker } from 'node:worker_threads';
import { mergePartials, savePartial, type PartialReport } from '../lib/report/partial.ts';
import { deriveReport } from '../lib/report/derive.ts';
import type { Report } from '../lib/report/types.ts';
import type { RuleEntry } from '../lib/rules.ts';
import { planTasks } from './job-plan.ts';
import type { Input } from './inputs.ts';

/** A worker's young generation, as the command's own (./small-heap.ts): V8 would grow it to tens
 *  of MB per worker while a log streams through, for no gain in speed. */
const YOUNG_MB = 12;

export interface JobsResult {
  report(): Report;
  partial(): PartialReport;
}

type Reply = { index: number; partial: PartialReport } | { index: number; error: string };

export async function runJobs(
  inputs: readonly Input[],
  jobs: number,
  options: { rulesFile: string; rules: readonly RuleEntry[]; worker: URL; rangeBytes?: number },
): Promise<JobsResult> {
  const tasks = planTasks(inputs, jobs, options.rangeBytes);
  const partials: PartialReport[] = new Array(tasks.length);
  let next = 0;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(options.worker, {
        workerData: { rules: options.rulesFile },
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB },
      });
      const send = () =>
        worker.postMessage(next < tasks.length ? { index: next, task: tasks[next++] } : 'done');
      worker.on('online', send);
      worker.on('message', (reply: Reply) => {
        if ('error' in reply) return reject(new Error(reply.error));
        partials[reply.index] = reply.partial;
        send();
      });
      worker.on('error', reject);
      worker.on('exit', () => resolve());
    });
  await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, one));
  const { state, rowLimit } = mergePartials(
    partials.map((partial, i) => ({ name: tasks[i]!.input.name, partial })),
    options.rules,
  );
  const byId = new Map(options.rules.map((r) => [r.id, r]));
  return {
    report: () => deriveReport(state, byId, rowLimit),
    partial: () => savePartial(state, options.rules, rowLimit),
  };
}
