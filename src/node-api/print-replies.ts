// The command's output per reply (./cli.ts without --summary): each input's lines
// (./reply-input.ts) printed in input order as they come, from this thread alone, or with --jobs,
// when a plain log is big enough to cut into byte ranges, from this thread and workers
// (./reply-jobs.ts).
import { once } from 'node:events';
import type { RuleEntry } from '../lib/rules.ts';
import { worthJobs } from './cli-jobs.ts';
import { COMMAND } from './command-name.ts';
import type { Engine } from './engine.ts';
import type { Input } from './inputs.ts';
import type { Progress } from './progress.ts';
import { inputLines } from './reply-input.ts';

/** Characters of output held before one write. */
const OUT_BATCH = 65_536;
/** Bytes of output Node may hold for a reader that is behind before --jobs workers wait. */
const HELD_BYTES = 16 * 1_048_576;

export interface PrintOptions {
  engine: Engine;
  asJson: boolean;
  /** An entry's page, as the lines give it. */
  link: (entry: RuleEntry) => string;
  progress?: Progress | undefined;
  /** With `jobs` of 2 or more, the per-reply worker's script and the rule data file it reads; the
   *  site, when the links are absolute. */
  jobs?: { jobs: number; worker: URL; rules: string; site?: string | undefined; rangeBytes?: number };
}

/** Prints the replies of every input; damaged gzip or a file that cannot be read is said on standard
 *  error, the inputs after it are read, and the run ends with 2. */
export async function printReplies(inputs: readonly Input[], options: PrintOptions): Promise<void> {
  const { engine, asJson, link, progress, jobs } = options;
  // Into a pipe or a file the lines go out in batches, not in a system call a file (a folder of
  // bounces is hundreds of small files); a terminal gets each file's lines as they come.
  const batch = process.stdout.isTTY ? 0 : OUT_BATCH;
  let pending = '';
  // While a pipe's reader is behind, reading waits for it: Node would hold all the output instead
  // (per reply into a pipe, a 400 MB log peaked at 480 MB against 280 into a file).
  let draining: Promise<unknown> | undefined;
  const flush = () => {
    if (pending && !process.stdout.write(pending))
      draining ??= once(process.stdout, 'drain').finally(() => (draining = undefined));
    pending = '';
  };
  const put = (lines: string) => {
    pending += lines;
    if (pending.length >= batch) flush();
    return draining;
  };
  // What went wrong is said after the lines before it.
  const problem = (text: string) => {
    flush();
    progress?.clear();
    process.stderr.write(`${COMMAND}: ${text}\n`);
    process.exitCode = 2;
  };
  const reading = { engine, asJson, link, onRead: progress?.add };
  const inJobs = jobs && worthJobs(inputs, jobs.jobs) ? await import('./reply-jobs.ts') : undefined;
  const tasks = jobs && inJobs?.replyTasks(inputs, jobs.jobs, jobs.rangeBytes);
  if (jobs && inJobs && tasks) {
    await inJobs.printInJobs(tasks, jobs.jobs, {
      ...reading,
      worker: jobs.worker,
      workerData: { rules: jobs.rules, asJson, site: jobs.site, progress: progress?.shared },
      put,
      problem,
      // Workers wait only once the reader is HELD_BYTES behind: a pipe drains only as often as this
      // thread lets the event loop in, and waiting at every full pipe left a worker idle a fifth of
      // the run.
      ready: () => (process.stdout.writableLength > HELD_BYTES ? draining : undefined),
    });
  } else
    for (const input of inputs) {
      const failed = await inputLines(input, reading, put);
      if (failed !== undefined) problem(failed);
    }
  flush();
}
