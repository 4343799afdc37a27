// One --jobs task (./job-plan.ts), read alike in the command's own thread and in its workers
// (./job-worker.ts): a file or a byte range of one into a fresh aggregator, as a partial report from
// a worker and as the aggregator's state in this thread.
import { shardOf, type Aggregator } from '../lib/report/index.ts';
import type { PartialReport, Shard } from '../lib/report/partial.ts';
import { readInput, readRange } from './analyze.ts';
import type { Engine } from './engine.ts';
import type { Task } from './job-plan.ts';
import type { OnRead } from './progress.ts';

type NewReport = Awaited<ReturnType<Engine['reports']>>;

/** The task read into a fresh aggregator; the files of a later byte range are marked as
 *  continuing the range before. */
async function read(newReport: NewReport, task: Task, onRead?: OnRead): Promise<Aggregator> {
  const aggregator = newReport({ rowLimit: 0 });
  if (task.range) await readRange(aggregator, task.input, task.range, task.lastModified, onRead);
  else await readInput(aggregator, task.input, onRead);
  if (task.range?.continues) for (const f of shardOf(aggregator).state.files) f.continues = true;
  return aggregator;
}

/** A task as a worker reads it: its partial report, the delivered filter kept a typed array,
 *  which the worker hands over without a copy. */
export async function readTask(newReport: NewReport, task: Task, onRead?: OnRead): Promise<PartialReport> {
  return (await read(newReport, task, onRead)).partial(true);
}

/** A task as this thread reads it: its state, merged as it is. */
export async function readShard(newReport: NewReport, task: Task, onRead?: OnRead): Promise<Shard> {
  return shardOf(await read(newReport, task, onRead));
}

/** What a worker hands over instead of copying: the delivered filter's words or keys. */
export function transferable(partial: PartialReport): ArrayBuffer[] {
  const { bits, keys } = partial.state.delivered as { bits?: unknown; keys?: unknown };
  return [bits, keys].flatMap((a) =>
    (a instanceof Uint32Array || a instanceof Float64Array) && a.buffer instanceof ArrayBuffer
      ? [a.buffer]
      : [],
  );
}
