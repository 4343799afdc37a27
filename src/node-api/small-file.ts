// A small regular file's bytes from one open: the report's reader (./analyze.ts) and the per-reply
// reader (./reply-pieces.ts) read most of a folder of bounces this way.
import type { Stats } from 'node:fs';
import { fs } from './node-fs.ts';

/** A file listed as regular, of up to `maxBytes` (a bounce message, mostly): its bytes, size and
 *  time from one open, which stat, then readFileSync's own open and stat, cost twice over (a folder
 *  of bounces is hundreds of files). The file's stat when it is bigger or not regular; undefined
 *  when it could not be opened or read, for the reading after to report. O_NONBLOCK: a FIFO put in
 *  its place since it was listed does not hold the command up. */
export function openSmallFile(path: string, maxBytes: number): { stat: Stats; bytes?: Buffer } | undefined {
  let fd: number;
  try {
    fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.size > maxBytes) return { stat };
    if (stat.size === 0) {
      // Empty as stat tells it, as a file of /proc is: readFileSync reads it to its end.
      const all = fs.readFileSync(fd);
      return all.length > maxBytes ? { stat } : { stat, bytes: all };
    }
    const bytes = Buffer.allocUnsafe(stat.size);
    let n = 0;
    for (let r = 1; n < bytes.length && r > 0; n += r) r = fs.readSync(fd, bytes, n, bytes.length - n, n);
    return { stat, bytes: bytes.subarray(0, n) };
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}
