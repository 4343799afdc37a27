// The texts the command classifies per reply (./cli.ts), read from a file or standard input (gzip
// unpacked, as --summary unpacks it): the input as one text, except
// - an mbox, cut into its messages (at a `From ` line after an empty one, as the report's intake
//   cuts it), each decoded and classified on its own: as one text only its first message was read;
// - a plain mail log bigger than a piece, cut into pieces of whole records (where ./job-plan.ts cuts
//   byte ranges for --jobs), so a log of gigabytes is read in the memory of a few pieces and never
//   becomes one string (V8's longest is half a gigabyte; a 400 MB log per reply took 1.3 GB).
// Classified in pieces, a log prints what it printed whole (tests/unit/reply-pieces.test.ts);
// smaller pieces only take less memory.
import { isGzip } from '../lib/report/gzip.ts';
import { sniff, SNIFF_CHARS } from '../lib/report/sniff.ts';
import { decodeText, utf16Of, utf16ToUtf8, type Utf16ToUtf8 } from '../lib/report/utf16.ts';
import { recordStart } from './job-plan.ts';
import { InputError } from './inputs.ts';
import { fs } from './node-fs.ts';
import type { OnRead } from './progress.ts';
import { openSmallFile } from './small-file.ts';

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

/** Where the next mbox message starts, after the one the bytes start with (blank lines before it
 *  belong to it): a line that starts with `From ` after an empty one (CRLF or LF); -1 when none does. */
export function messageStart(bytes: Buffer): number {
  let first = 0;
  for (let c = bytes[first]; c === 32 || (c! >= 9 && c! <= 13); c = bytes[++first]);
  for (let i = bytes.indexOf(FROM_LINE, first); i >= 0; i = bytes.indexOf(FROM_LINE, i + 1))
    if (i > first && (bytes[i - 1] === 10 || (bytes[i - 1] === 13 && bytes[i - 2] === 10))) return i + 1;
  return -1;
}

/** How input that starts with `head` is cut: an mbox at its messages, a plain log at records once
 *  a piece is held; null for anything else, read as one text. */
function cutterFor(head: Buffer, pieceBytes: number): Cutter | null {
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

/** A byte range [start, end) of a file (--jobs, ./job-plan.ts). */
export interface ByteRange {
  start: number;
  end: number;
}

/** Each read of `fd`'s bytes, from where it is or over `range`, copied out of one buffer for them
 *  all: a megabyte allocated per read made V8 collect its whole heap for the memory held outside
 *  it (a folder of mboxes took 2 million instructions more per file). */
function* reads(fd: number, onRead?: OnRead, range?: ByteRange): Generator<Buffer> {
  const buffer = (readBuffer ??= Buffer.allocUnsafe(READ_BYTES));
  let at = range?.start ?? null;
  const size = (from: number | null) => (range ? Math.min(READ_BYTES, range.end - from!) : READ_BYTES);
  for (let n; size(at) > 0 && (n = fs.readSync(fd, buffer, 0, size(at), at)) > 0;) {
    if (at !== null) at += n;
    onRead?.(n);
    yield Buffer.from(buffer.subarray(0, n));
  }
}

/** The texts of a stream of bytes: cut as cutterFor says, once the first 64 KB tell the format. */
async function* cutPieces(
  chunks: Iterable<Buffer> | AsyncIterable<Buffer>,
  name: string,
  pieceBytes: number,
): AsyncGenerator<string> {
  const held: Buffer[] = [];
  let size = 0;
  // Undefined until enough is read to tell the format; null for one text.
  let cut: Cutter | null | undefined;
  function* cuts(): Generator<string> {
    let all = Buffer.concat(held, size);
    held.length = 0;
    for (let at = cut!(all); at > 0; at = cut!(all)) {
      yield text(all.subarray(0, at), name);
      all = all.subarray(at);
    }
    // A view of the bytes held: the next concat copies it, and the pieces before it are let go.
    held.push(all);
    size = all.length;
  }
  // Reading that breaks off (damaged gzip) leaves the whole lines before the damage to classify.
  let broken: { error: unknown } | undefined;
  try {
    for await (const chunk of chunks) {
      held.push(chunk);
      size += chunk.length;
      if (cut === undefined && size >= SNIFF_CHARS) cut = cutterFor(Buffer.concat(held, size), pieceBytes);
      // One text is read whole, unless it cannot be one.
      if (cut === null) fits(size, name);
      else if (cut) yield* cuts();
    }
  } catch (error) {
    broken = { error };
    const all = Buffer.concat(held, size);
    held.length = 0;
    held.push(all.subarray(0, all.lastIndexOf(10) + 1));
    size = held[0]!.length;
  }
  if (cut === undefined) cut = cutterFor(Buffer.concat(held, size), pieceBytes);
  if (cut) yield* cuts();
  if (size || !broken) yield text(Buffer.concat(held, size), name);
  if (broken) throw broken.error;
}

/** gzip data that ended or broke before its end; the lines before are read. */
export class BrokenGzip extends Error {
  readonly lines: number;

  constructor(lines: number) {
    super('the gzip data is cut off or damaged');
    this.lines = lines;
  }
}

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The chunks as UTF-8: UTF-16 ones (./utf16.ts) turned into it, others as they are. */
async function* asUtf8(chunks: Iterable<Buffer> | AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let utf16: Utf16ToUtf8 | null | undefined;
  for await (const chunk of chunks) {
    if (utf16 === undefined) {
      const encoding = utf16Of(chunk);
      utf16 = encoding ? utf16ToUtf8(encoding) : null;
    }
    yield utf16 ? asBuffer(utf16.push(chunk)) : chunk;
  }
  const rest = utf16?.end();
  if (rest?.length) yield asBuffer(rest);
}

/** The bytes of gzip data unpacked (node:zlib, loaded for the first gzip input). */
async function* gunzipped(chunks: Iterable<Buffer>): AsyncGenerator<Buffer> {
  const { Readable } = await import('node:stream');
  const { createGunzip } = await import('node:zlib');
  const gunzip = createGunzip();
  // A read that fails ends the unpacking as damage would, with the lines before it read.
  const source = Readable.from(chunks).on('error', (error) => gunzip.destroy(error));
  yield* source.pipe(gunzip) as AsyncIterable<Buffer>;
}

/** A regular file of a piece or less that is not an mbox or gzip, as one text; undefined for
 *  anything else, which readPieces reads. */
export function wholeText(path: string, onRead?: OnRead, pieceBytes = PIECE_BYTES): string | undefined {
  if (path === '-') return undefined;
  const bytes = openSmallFile(path, pieceBytes)?.bytes;
  if (!bytes || isGzip(bytes)) return undefined;
  const all = utf16Of(bytes) ? decodeText(bytes) : bytes.toString('utf8');
  // An mbox is cut into its messages by readPieces.
  if (/^\s*From \S/.test(all)) return undefined;
  onRead?.(bytes.length);
  return all;
}

/** The texts of a path, or of standard input (`-`), in order, gzip unpacked; `onRead` hears of
 *  each read's bytes (compressed ones for gzip: the command's progress). Throws BrokenGzip after
 *  the texts before the damage. With `range`, only those bytes of a plain log are read, cut as the
 *  whole file would be from the range's start (its first piece is the file's when it starts at 0). */
export async function* readPieces(
  path: string,
  name: string,
  pieceBytes = PIECE_BYTES,
  onRead?: OnRead,
  range?: ByteRange,
): AsyncGenerator<string> {
  const fd = path === '-' ? 0 : fs.openSync(path, 'r');
  let lines = 0;
  try {
    const raw = reads(fd, onRead, range);
    const first = raw.next();
    // The first read, peeked at for gzip's magic bytes, goes first.
    const chunks = first.done
      ? []
      : (function* () {
          yield first.value;
          yield* raw;
        })();
    const gzip = !first.done && isGzip(first.value);
    try {
      for await (const text of cutPieces(asUtf8(gzip ? gunzipped(chunks) : chunks), name, pieceBytes)) {
        if (gzip) for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
        yield text;
      }
    } catch (error) {
      if (gzip && !(error instanceof InputError)) throw new BrokenGzip(lines);
      throw error;
    }
  } finally {
    if (fd !== 0) fs.closeSync(fd);
  }
}
