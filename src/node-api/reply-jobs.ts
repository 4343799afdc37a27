// --jobs per reply: big plain logs cut into byte ranges (./job-plan.ts), which, with the other
// inputs, are shared between this thread and N - 1 worker threads (./reply-worker.ts) by the ordered
// pool; each task's lines are printed in input order as soon as those before them are, and a log's
// ranges are joined into the lines one job prints of it (./reply-lines.ts).
import type { Input } from './inputs.ts';
import { planTasks, type Task } from './job-plan.ts';
import { runOrdered, WORKER_YOUNG_MB } from './ordered-pool.ts';
import { shownName, type ReplyOptions } from './reply-input.ts';
import { rangesPrinter } from './reply-lines.ts';
import { replyTask, type ReplyResult } from './reply-task.ts';

/** Tasks per thread: a log's ranges come back in order while the others are read, and a thread
 *  left with a slow one keeps the rest waiting less. */
const TASKS_PER_THREAD = 4;

/** What a worker needs to print as this thread does. */
export interface ReplyWorkerData {
  rules: string;
  asJson: boolean;
  /** The site the pages' links are made absolute with (SITE), if any. */
  site?: string | undefined;
  progress?: SharedArrayBuffer | undefined;
}

/** The tasks for `jobs` threads when some input is a log big enough to cut; undefined when none
 *  is (a folder of messages per reply is read fastest in one thread: ./cli-jobs.ts says why). */
export function replyTasks(inputs: readonly Input[], jobs: number, rangeBytes?: number): Task[] | undefined {
  const tasks = planTasks(inputs, jobs * TASKS_PER_THREAD, rangeBytes);
  return tasks.some((t) => t.range) ? tasks : undefined;
}

export async function printInJobs(
  tasks: readonly Task[],
  jobs: number,
  options: ReplyOptions & {
    worker: URL;
    workerData: ReplyWorkerData;
    put: (lines: string) => unknown;
    problem: (problem: string) => void;
    /** A promise while the output is full: no task is started until it settles. */
    ready: () => Promise<unknown> | undefined;
  },
): Promise<void> {
  let ranges: ReturnType<typeof rangesPrinter> | undefined;
  await runOrdered<Task, ReplyResult>(tasks, {
    threads: jobs,
    worker: options.worker,
    workerData: options.workerData,
    youngMb: WORKER_YOUNG_MB,
    local: (task) => replyTask(task, options),
    ready: options.ready,
    take: (result, i) => {
      const task = tasks[i]!;
      if ('lines' in result) options.put(result.lines);
      else {
        ranges ??= rangesPrinter(shownName(task.input), options.asJson);
        options.put(ranges.add(result));
        // The input's last range closes its lines.
        if (!tasks[i + 1]?.range?.continues) {
          options.put(ranges.end());
          ranges = undefined;
        }
      }
      if (result.problem !== undefined) options.problem(result.problem);
    },
  });
}
