// A worker for tests/unit/ordered-pool.test.ts: squares each number after a short random wait, and
// fails on the number workerData names.
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { serveItems } from '../../src/node-api/ordered-pool.ts';

const { failOn } = workerData as { failOn?: number };

serveItems(parentPort!, async (n: number) => {
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
  if (n === failOn) throw new Error(`item ${n} failed`);
  return { square: n * n, thread: threadId };
});
