// A --jobs worker thread: reads each task it is posted (./job-task.ts) and posts back its partial
// report, to be merged in input order.
import { parentPort, workerData } from 'node:worker_threads';
import { engineFromFile } from './engine.ts';
import { readTask, transferable } from './job-task.ts';
import type { Task } from './job-plan.ts';
import { serveItems } from './ordered-pool.ts';
import { sharedCounter } from './progress.ts';

const data = workerData as { rules: string; progress?: SharedArrayBuffer };
const engine = engineFromFile(data.rules);
const newReport = await engine.reports();
const onRead = data.progress && sharedCounter(data.progress);

serveItems(parentPort!, (task: Task) => readTask(newReport, task, onRead), transferable);
