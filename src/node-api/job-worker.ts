// A --jobs worker thread: reads the tasks it is sent (src/node-api/job-plan.ts) each into a fresh
// aggregator and posts back each one's partial report, to be merged in input order.
import { parentPort, workerData } from 'node:worker_threads';
import { readInput, readRange } from './analyze.ts';
import { engineFromFile } from './engine.ts';
import type { Task } from './job-plan.ts';

const engine = engineFromFile((workerData as { rules: string }).rules);
const newReport = await engine.reports();

parentPort!.on('message', async (message: { index: number; task: Task } | 'done') => {
  if (message === 'done') return parentPort!.close();
  const { index, task } = message;
  try {
    const aggregator = newReport({ rowLimit: 0 });
    if (task.range) await readRange(aggregator, task.input, task.range, task.lastModified);
    else await readInput(aggregator, task.input);
    // The filter's words are handed over, not copied or written out as base64.
    const partial = aggregator.partial(true);
    if (task.range?.continues)
      for (const f of partial.state.files as { continues?: boolean }[]) f.continues = true;
    const bits = (partial.state.delivered as { bits?: unknown }).bits;
    const transfer = bits instanceof Uint32Array && bits.buffer instanceof ArrayBuffer ? [bits.buffer] : [];
    parentPort!.postMessage({ index, partial }, transfer);
  } catch (error) {
    parentPort!.postMessage({ index, error: error instanceof Error ? error.message : String(error) });
  }
});
