// --jobs: the work cut into tasks for worker threads: whole files, and byte ranges of big plain
// mail logs, cut where a line starts that cannot continue the record before it.
import { isGzip } from '../lib/report/gzip.ts';
import { sniff, SNIFF_CHARS } from '../lib/report/sniff.ts';
import type { Input } from './inputs.ts';
import { fs } from './node-fs.ts';

/** A file smaller than this is read whole by one worker; a bigger one is cut into ranges of half
 *  this or more, however many jobs there are: a worker's start (compiling the classifier again, some
 *  40 MB of memory) is worth it only for what it then reads. 64 jobs on a 100 MB log started 64
 *  workers, took 1.4 GB and ten times as long as 2. */
export const RANGE_BYTES = 32 * 1_048_576;
const PROBE = 65_536;

export interface Task {
  input: Input;
  lastModified: number;
  /** A byte range [start, end) of a plain log; `continues` when it is not the file's first. */
  range?: { start: number; end: number; continues: boolean };
}

function read(fd: number, at: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  return buf.subarray(0, fs.readSync(fd, buf, 0, length, at));
}

// A line that starts with a blank, `<`, or 2, 4 or 5 may continue the record before it (see
// src/lib/report/log-records.ts); any other line starts a record, so a cut before it changes nothing.
const MAY_CONTINUE = new Set([32, 9, 60, 50, 52, 53, 10, 13]);

/** The first offset in `bytes`, after the line end at `from` or a later one, where a record
 *  starts; -1 when none does before the bytes end. */
export function recordStart(bytes: Uint8Array, from = 0): number {
  for (let i = bytes.indexOf(10, from); i >= 0 && i + 1 < bytes.length; i = bytes.indexOf(10, i + 1))
    if (!MAY_CONTINUE.has(bytes[i + 1]!)) return i + 1;
  return -1;
}

/** The first offset at or after `at` where a record starts, or `size` when there is none. */
function cutAt(fd: number, at: number, size: number): number {
  for (let o = at; o < size; o += PROBE) {
    const i = recordStart(read(fd, o, PROBE + 1));
    if (i >= 0) return o + i;
  }
  return size;
}

function isPlainLog(fd: number): boolean {
  const head = read(fd, 0, SNIFF_CHARS);
  if (isGzip(head)) return false;
  return sniff(head.toString('utf8')) === 'log';
}

/** The tasks for the inputs, in input order; files of `rangeBytes` or more that are plain mail
 *  logs are cut into `jobs` ranges, or fewer so that none is smaller than half `rangeBytes`. */
export function planTasks(inputs: readonly Input[], jobs: number, rangeBytes = RANGE_BYTES): Task[] {
  const tasks: Task[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = fs.statSync(input.path);
    } catch {
      // Gone since it was listed: read whole, its task reports it.
      tasks.push({ input, lastModified: 0 });
      continue;
    }
    const lastModified = stat.mtimeMs;
    if (!stat.isFile() || stat.size < rangeBytes || jobs < 2) {
      tasks.push({ input, lastModified });
      continue;
    }
    const fd = fs.openSync(input.path, 'r');
    try {
      if (!isPlainLog(fd)) {
        tasks.push({ input, lastModified });
        continue;
      }
      const ranges = Math.min(jobs, Math.floor(stat.size / (rangeBytes / 2)));
      let start = 0;
      for (let k = 1; k <= ranges && start < stat.size; k++) {
        const end =
          k === ranges
            ? stat.size
            : cutAt(fd, Math.max(start + 1, Math.floor((stat.size * k) / ranges)), stat.size);
        tasks.push({ input, lastModified, range: { start, end, continues: start > 0 } });
        start = end;
      }
    } finally {
      fs.closeSync(fd);
    }
  }
  return tasks;
}
