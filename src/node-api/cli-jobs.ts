// The command's --jobs N (default: the number of cores Node may use) and when it takes effect.
import { availableParallelism } from 'node:os';
import { statSync } from 'node:fs';
import type { Input } from './inputs.ts';
import { InputError } from './inputs.ts';

/** Inputs smaller than this together are read in the process: a worker's start-up would cost more. */
export const JOBS_MIN_BYTES = 16 * 1_048_576;

/** The arguments without `--jobs N` / `--jobs=N`, and N. */
export function takeJobs(args: readonly string[]): { rest: string[]; jobs: number } {
  const rest: string[] = [];
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--jobs') value = args[++i] ?? '';
    else if (a.startsWith('--jobs=')) value = a.slice(7);
    else rest.push(a);
  }
  if (value === undefined) return { rest, jobs: availableParallelism() };
  if (!/^[1-9]\d*$/.test(value))
    throw new InputError(`--jobs needs a whole number of 1 or more, not "${value}".`);
  return { rest, jobs: Number(value) };
}

/** Worker threads pay off only for files (not standard input) of JOBS_MIN_BYTES or more. */
export function worthJobs(inputs: readonly Input[], jobs: number): boolean {
  if (jobs < 2 || inputs.some((i) => i.path === '-')) return false;
  return inputs.reduce((n, i) => n + statSync(i.path).size, 0) >= JOBS_MIN_BYTES;
}

/** Many small files (a folder of bounce messages) are shared between the threads file by file
 *  (./folder-jobs.ts), whatever their size in all: a message costs far more per byte than a log
 *  line (MIME decoding), so a few hundred KB of them outweigh a worker's start-up. */
export const FOLDER_MIN_FILES = 64;
export const FOLDER_MIN_BYTES = 256 * 1024;
/** Files bigger than this on average are logs: byte ranges of them share the threads instead. */
export const FOLDER_MAX_AVERAGE_BYTES = 64 * 1024;

export function worthFolderJobs(inputs: readonly Input[], jobs: number): boolean {
  if (jobs < 2 || inputs.length < FOLDER_MIN_FILES || inputs.some((i) => i.path === '-')) return false;
  const bytes = inputs.reduce((n, i) => n + statSync(i.path).size, 0);
  return bytes >= FOLDER_MIN_BYTES && bytes <= inputs.length * FOLDER_MAX_AVERAGE_BYTES;
}
