// The texts the command classifies per reply (./cli.ts), read from a file or standard input: the
// input as one text, except
// - an mbox, cut into its messages (at a `From ` line after an empty one, as the report's intake
//   cuts it), each decoded and classified on its own: as one text only its first message was read;
// - a plain mail log bigger than a piece, cut into pieces of whole records (where ./job-plan.ts cuts
//   byte ranges for --jobs), so a log of gigabytes is read in the memory of a few pieces and never
//   becomes one string (V8's longest is half a gigabyte; a 400 MB log per reply took 1.3 GB).
// Classified in pieces, a log prints what it printed whole (tests/unit/reply-pieces.test.ts);
// smaller pieces only take less memory.
import { sniff, SNIFF_CHARS } from '../lib/report/sniff.ts';
import { recordStart } from './job-plan.ts';
import { InputError } from './inputs.ts';
import { fs } from './node-fs.ts';
import type { OnRead } from './progress.ts';

/** The bytes of a log's piece, at least: a piece ends where the first record after them starts. */
export const PIECE_BYTES = 1_048_576;
/** What one read asks for. */
const READ_BYTES = 1_048_576;
let readBuffer: Buffer | undefined;
/** V8's longest string, in UTF-16 units: UTF-8 bytes make as many or fewer. */
const MAX_STRING = 0x1fff_ffe8;

/** Where the bytes held are cut next (an offset past 0), or -1 to wait for more. */
type Cutter = (bytes: Buffer) => number;

const FROM_LINE = Buffer.from('\nFrom ');

/** The first offset after the first byte where an mbox message starts: a line that starts with
 *  `From ` after an empty one (CRLF or LF); -1 when none does. */
export function messageStart(bytes: Buffer): number {
  for (let i = bytes.indexOf(FROM_LINE, 0); i > 0; i = bytes.indexOf(FROM_LINE, i + 1))
    if (bytes[i - 1] === 10 || (bytes[i - 1] === 13 && bytes[i - 2] === 10)) return i + 1;
  return -1;
}

/** How input that starts with `head` is cut: an mbox at its messages, a plain log at records once
 *  a piece is held; null for anything else, read as one text. */
function cutterFor(head: Buffer, pieceBytes: number): Cutter | null {
  if (head[0] === 0x1f && head[1] === 0x8b) return null;
  const format = sniff(head.toString('utf8', 0, Math.min(head.length, SNIFF_CHARS)));
  if (format === 'mbox') return messageStart;
  if (format === 'log')
    return (bytes) => (bytes.length >= pieceBytes ? recordStart(bytes, pieceBytes - 1) : -1);
  return null;
}

/** Fails when `bytes` would make a string longer than V8's longest. */
function fits(bytes: number, name: string): void {
  if (bytes > MAX_STRING)
    throw new InputError(
      `${name} is too big to classify per reply (more than ${Math.round(MAX_STRING / 1_048_576)} MB that are not a plain mail log); --summary reads it as a stream.`,
    );
}

/** The text of bytes that hold whole UTF-8 characters. */
function text(bytes: Buffer, name: string): string {
  fits(bytes.length, name);
  return bytes.toString('utf8');
}

/** The pieces of what is left to read on `fd`, read from where it is (standard input, a pipe, a
 *  file too big for one piece, an mbox). */
export function* streamed(fd: number, name: string, pieceBytes: number, onRead?: OnRead): Generator<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Undefined until enough is read to tell the format.
  let cut: Cutter | null | undefined;
  // One buffer for every read of the run, each read's bytes copied out: a megabyte allocated per
  // read made V8 collect its whole heap for the memory held outside it (a folder of mboxes took
  // 2 million instructions more per file).
  const buffer = (readBuffer ??= Buffer.allocUnsafe(READ_BYTES));
  for (;;) {
    const n = fs.readSync(fd, buffer, 0, READ_BYTES, null);
    if (n > 0) chunks.push(Buffer.from(buffer.subarray(0, n)));
    onRead?.(n);
    size += n;
    const end = n === 0;
    if (cut === undefined) {
      if (!end && size < SNIFF_CHARS) continue;
      cut = cutterFor(Buffer.concat(chunks, size), pieceBytes);
    }
    if (cut === null) {
      // One text, read whole, unless it cannot be one.
      fits(size, name);
      if (end) break;
      continue;
    }
    let held = Buffer.concat(chunks, size);
    chunks.length = 0;
    for (let at = cut(held); at > 0; at = cut(held)) {
      yield text(held.subarray(0, at), name);
      held = held.subarray(at);
    }
    // A view of the bytes held: the next concat copies it, and the pieces before it are let go.
    chunks.push(held);
    size = held.length;
    if (end) break;
  }
  yield text(Buffer.concat(chunks, size), name);
}

/** A regular file of a piece or less that is not an mbox, as one text, read as it always was;
 *  undefined for anything else, which readPieces reads. */
export function wholeText(path: string, onRead?: OnRead, pieceBytes = PIECE_BYTES): string | undefined {
  if (path === '-') return undefined;
  const stat = fs.statSync(path);
  if (!stat.isFile() || stat.size > pieceBytes) return undefined;
  const all = fs.readFileSync(path, 'utf8');
  if (/^\s*From \S/.test(all)) return undefined;
  onRead?.(stat.size);
  return all;
}

/** The texts of a path, or of standard input (`-`), in order; `onRead` hears of each read's bytes
 *  (the command's progress). */
export function* readPieces(
  path: string,
  name: string,
  pieceBytes = PIECE_BYTES,
  onRead?: OnRead,
): Generator<string> {
  if (path === '-') return yield* streamed(0, name, pieceBytes, onRead);
  const fd = fs.openSync(path, 'r');
  try {
    yield* streamed(fd, name, pieceBytes, onRead);
  } finally {
    fs.closeSync(fd);
  }
}
