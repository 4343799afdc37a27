// One --jobs task (./job-plan.ts), read alike in the command's own thread and in its workers
// (./job-worker.ts): a file or a byte range of one into a fresh aggregator, as a partial report.
import type { PartialReport } from '../lib/report/partial.ts';
import { readInput, readRange } from './analyze.ts';
import type { Engine } from './engine.ts';
import type { Task } from './job-plan.ts';

type NewReport = Awaited<ReturnType<Engine['reports']>>;

export async function readTask(newReport: NewReport, task: Task): Promise<PartialReport> {
  const aggregator = newReport({ rowLimit: 0 });
  if (task.range) await readRange(aggregator, task.input, task.range, task.lastModified);
  else await readInput(aggregator, task.input);
  // Binary: the delivered filter stays a typed array, which a worker hands over without a copy.
  const partial = aggregator.partial(true);
  if (task.range?.continues)
    for (const f of partial.state.files as { continues?: boolean }[]) f.continues = true;
  return partial;
}

/** What a worker hands over instead of copying: the delivered filter's words. */
export function transferable(partial: PartialReport): ArrayBuffer[] {
  const bits = (partial.state.delivered as { bits?: unknown }).bits;
  return bits instanceof Uint32Array && bits.buffer instanceof ArrayBuffer ? [bits.buffer] : [];
}
