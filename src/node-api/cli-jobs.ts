// When the command's --jobs N (./cli-args.ts reads it) takes effect.
import { inputBytes, type Input } from './inputs.ts';

/** Inputs smaller than this together are read in the process: a worker's start-up would cost more. */
export const JOBS_MIN_BYTES = 16 * 1_048_576;

/** Worker threads pay off only for files (not standard input) of JOBS_MIN_BYTES or more. */
export function worthJobs(inputs: readonly Input[], jobs: number): boolean {
  if (jobs < 2 || inputs.some((i) => i.path === '-')) return false;
  return inputBytes(inputs) >= JOBS_MIN_BYTES;
}

/** Many small files (a folder of bounce messages) of JOBS_MIN_BYTES or more: their summary is read
 *  in runs of files shared between the threads (./folder-jobs.ts), not as ./jobs.ts' tasks, which
 *  would make and merge a partial report per message (three times the CPU of one thread on 5,000
 *  bounces). Smaller folders, and folders of messages per reply (./reply-jobs.ts shares only big
 *  logs' byte ranges), stay in one thread: each worker compiles the classifier and the MIME decoder
 *  again, and on two cores V8's compiler threads already take the second core while a run warms up (Sisimai's 629 bounces per reply: 0.55–0.60 s with two
 *  jobs, 0.49 s with one; 8 copies of them: 1.66 against 1.58 s, the summary 1.68 against 1.83 s). */
export const FOLDER_MIN_FILES = 64;
/** Files bigger than this on average are logs: byte ranges of them share the threads instead. */
export const FOLDER_MAX_AVERAGE_BYTES = 64 * 1024;

export function worthFolderJobs(inputs: readonly Input[], jobs: number): boolean {
  if (jobs < 2 || inputs.length < FOLDER_MIN_FILES || inputs.some((i) => i.path === '-')) return false;
  const bytes = inputBytes(inputs);
  return bytes >= JOBS_MIN_BYTES && bytes <= inputs.length * FOLDER_MAX_AVERAGE_BYTES;
}

/** The threads for a folder's summary: `jobs`, or fewer so that each reads half JOBS_MIN_BYTES or
 *  more (a worker's start, the classifier and the MIME decoder compiled again, is worth it only for
 *  what it then reads: 64 of them take gigabytes). */
export function folderThreads(inputs: readonly Input[], jobs: number): number {
  return Math.max(1, Math.min(jobs, Math.floor(inputBytes(inputs) / (JOBS_MIN_BYTES / 2))));
}
