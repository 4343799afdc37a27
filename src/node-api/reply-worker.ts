// A --jobs worker thread per reply (./reply-jobs.ts): the lines of each task it is posted.
import { parentPort, workerData } from 'node:worker_threads';
import { engineFromFile } from './engine.ts';
import type { Task } from './job-plan.ts';
import { serveItems } from './ordered-pool.ts';
import { sharedCounter } from './progress.ts';
import type { ReplyWorkerData } from './reply-jobs.ts';
import { pageUrl } from './page-url.ts';
import { replyTask } from './reply-task.ts';

const data = workerData as ReplyWorkerData;
const absolute = pageUrl(data.site);
const options = {
  engine: engineFromFile(data.rules),
  asJson: data.asJson,
  link: (entry: { url: string }) => absolute(entry.url),
  onRead: data.progress && sharedCounter(data.progress),
};

serveItems(parentPort!, (task: Task) => replyTask(task, options));
