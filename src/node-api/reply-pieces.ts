// The texts the command classifies per reply (./cli.ts), read from a file or standard input: the
// whole input as one text, except a plain mail log bigger than a piece, which is cut into pieces of
// whole records (where ./job-plan.ts cuts byte ranges for --jobs), so a log of gigabytes is read in
// the memory of a few pieces and never becomes one string (V8's longest is half a gigabyte; a
// 400 MB log per reply took 1.3 GB). Classified in pieces, a log prints what it printed whole
// (tests/unit/reply-pieces.test.ts); smaller pieces only take less memory.
import { recordStart, startsPlainLog } from './job-plan.ts';
import { InputError } from './inputs.ts';
import { fs } from './node-fs.ts';

/** The bytes of a piece, at least: a piece ends where the first record after them starts. */
export const PIECE_BYTES = 1_048_576;
/** What one read asks for when the size is not known (standard input, a pipe). */
const READ_BYTES = 1_048_576;
/** V8's longest string, in UTF-16 units: UTF-8 bytes make as many or fewer. */
const MAX_STRING = 0x1fff_ffe8;

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
 *  file too big for one piece). */
export function* streamed(fd: number, name: string, pieceBytes: number): Generator<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  let log: boolean | undefined;
  for (;;) {
    const chunk = Buffer.allocUnsafe(READ_BYTES);
    const n = fs.readSync(fd, chunk, 0, READ_BYTES, null);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    size += n;
    if (size < pieceBytes) continue;
    // Not a log: one text, read whole, unless it cannot be one.
    if (log === false) {
      fits(size, name);
      continue;
    }
    let held = Buffer.concat(chunks, size);
    chunks.length = 0;
    log ??= startsPlainLog(held);
    // As many pieces as the bytes held make; the rest waits for more.
    for (let cut = log ? recordStart(held, pieceBytes - 1) : -1; cut >= 0;) {
      yield text(held.subarray(0, cut), name);
      held = held.subarray(cut);
      cut = held.length >= pieceBytes ? recordStart(held, pieceBytes - 1) : -1;
    }
    // A view of the bytes held: the next concat copies it, and the piece before it is let go.
    chunks.push(held);
    size = held.length;
  }
  yield text(Buffer.concat(chunks, size), name);
}

/** A regular file of a piece or less, as one text, read as it always was; undefined for standard
 *  input, a pipe or a device, and a bigger file, which are read by readPieces. */
export function wholeText(path: string, pieceBytes = PIECE_BYTES): string | undefined {
  if (path === '-') return undefined;
  const stat = fs.statSync(path);
  return stat.isFile() && stat.size <= pieceBytes ? fs.readFileSync(path, 'utf8') : undefined;
}

/** The texts of a path, or of standard input (`-`), in order. */
export function* readPieces(path: string, name: string, pieceBytes = PIECE_BYTES): Generator<string> {
  if (path === '-') return yield* streamed(0, name, pieceBytes);
  const fd = fs.openSync(path, 'r');
  try {
    yield* streamed(fd, name, pieceBytes);
  } finally {
    fs.closeSync(fd);
  }
}
