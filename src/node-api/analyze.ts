// Runs the streaming aggregator over files and folders on disk (or standard input): the engine
// behind the command's --summary and the Node API's analyzeFiles(). A file of up to one chunk (a
// bounce message, mostly) is read after one open; bigger ones, devices and pipes chunk by chunk; gzip
// with Node's own streams through node:zlib, which cost less than web streams on big logs; standard
// input, which cannot be peeked at, goes through the shared web-stream reader. Streams, zlib and
// web streams load when first needed.
import type { Stats } from 'node:fs';
import { isGzip } from '../lib/report/gzip.ts';
import { problems, type Aggregator, type FileWriter } from '../lib/report/index.ts';
import { readStream } from '../lib/report/read.ts';
import { expandInputs, inputBytes, reason, type Input } from './inputs.ts';
import { fs, fsAsync } from './node-fs.ts';
import type { OnRead } from './progress.ts';
import { openSmallFile } from './small-file.ts';

const CHUNK = 1 << 18;

function startsWithGzip(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(2);
    return fs.readSync(fd, head, 0, 2, 0) === 2 && isGzip(head);
  } finally {
    fs.closeSync(fd);
  }
}

async function readFile(aggregator: Aggregator, input: Input, onRead?: OnRead): Promise<void> {
  const opened = input.regular ? openSmallFile(input.path, CHUNK) : undefined;
  const bytes = opened?.bytes;
  let stat: Stats;
  let gzip: boolean;
  try {
    stat = opened?.stat ?? fs.statSync(input.path);
    // A small file read above is read again only if it is gzip: its first bytes are in hand.
    gzip = bytes ? isGzip(bytes) : stat.size > 0 && startsWithGzip(input.path);
  } catch (error) {
    // Gone since it was listed (a rotated log), or not to be opened: the report says so.
    const file = aggregator.file(input.name);
    file.fail(problems.unreadable(input.name, reason(error)));
    return file.end();
  }
  const file = aggregator.file(input.name, {
    bytes: bytes?.length ?? stat.size,
    lastModified: stat.mtimeMs,
    gzip,
  });
  if (bytes && !gzip) {
    if (bytes.length) await file.write(bytes);
    await file.end();
    onRead?.(bytes.length);
    return;
  }
  // Anything else that is not gzip (a device such as /dev/null, a pipe) is read in order, without
  // a stream: Node's streams take longer to load than the command takes to read an empty input.
  if (!gzip) return readPlain(file, input, { start: 0, end: Infinity, inOrder: !stat.isFile(), onRead });
  const { createGunzip } = await import('node:zlib');
  const source = fs.createReadStream(input.path, { highWaterMark: CHUNK });
  const gunzip = createGunzip({ chunkSize: CHUNK });
  source.on('error', (error) => gunzip.destroy(error));
  // The compressed bytes, as the total counts them.
  if (onRead) source.on('data', (chunk) => onRead(chunk.length));
  try {
    for await (const chunk of source.pipe(gunzip)) await file.write(chunk as Buffer);
  } catch {
    file.fail(problems.brokenGzip(input.name, file.summary.lines));
  }
  await file.end();
}

/** Reads bytes [start, end) of a plain file, cut at line starts (--jobs, ./job-plan.ts). */
export async function readRange(
  aggregator: Aggregator,
  input: Input,
  range: { start: number; end: number },
  lastModified: number,
  onRead?: OnRead,
): Promise<void> {
  const { start, end } = range;
  const file = aggregator.file(input.name, { bytes: end - start, lastModified, gzip: false });
  await readPlain(file, input, { start, end, onRead });
}

/** Reads bytes [start, end) of a regular file into two buffers used again and again: the next chunk
 *  is read while the aggregator takes this one (which it copies what it keeps of; a stream would
 *  allocate a buffer a chunk, and reading only once a chunk is done leaves the thread idle).
 *  `inOrder`: a file that cannot be read at an offset (a pipe, a device) is read from where it is. */
async function readPlain(
  file: FileWriter,
  input: Input,
  how: { start: number; end: number; inOrder?: boolean; onRead?: OnRead | undefined },
): Promise<void> {
  const { start, end, inOrder = false, onRead } = how;
  try {
    const fd = await fsAsync.open(input.path, 'r');
    try {
      const buffers = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
      const read = (k: number, at: number) =>
        fsAsync.read(fd, buffers[k % 2]!, 0, Math.max(0, Math.min(CHUNK, end - at)), inOrder ? null : at);
      let at = start;
      let next = read(0, at);
      for (let k = 0; ; k++) {
        const { bytesRead } = await next;
        if (bytesRead === 0) break;
        at += bytesRead;
        next = read(k + 1, at);
        await file.write(buffers[k % 2]!.subarray(0, bytesRead));
        onRead?.(bytesRead);
      }
    } finally {
      await fsAsync.close(fd);
    }
  } catch (error) {
    file.fail(problems.unreadable(input.name, reason(error)));
  }
  await file.end();
}

export async function readInput(aggregator: Aggregator, input: Input, onRead?: OnRead): Promise<void> {
  if (input.path !== '-') return readFile(aggregator, input, onRead);
  // A web stream that reads standard input only as fast as the report takes it.
  const chunks = (process.stdin as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const stdin = new ReadableStream<Uint8Array<ArrayBuffer>>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) return controller.close();
      onRead?.(next.value.length);
      // Node's Buffers are views of a plain ArrayBuffer, never a shared one.
      controller.enqueue(
        new Uint8Array(next.value.buffer as ArrayBuffer, next.value.byteOffset, next.value.length),
      );
    },
    cancel: async () => void (await chunks.return?.()),
  });
  await readStream(aggregator, input.name, stdin);
}

/** Hears how far reading is: the bytes read so far (compressed ones for gzip) and all the input's,
 *  undefined when standard input is among it. */
export type OnProgress = (bytesRead: number, totalBytes: number | undefined) => void;

/** Reads every path (files, folders, `-`) into the aggregator; throws InputError for a bad path
 *  before reading anything. */
export async function analyzePaths(
  paths: readonly string[],
  aggregator: Aggregator,
  onProgress?: OnProgress,
): Promise<Aggregator> {
  const inputs = expandInputs(paths.length ? paths : ['-']);
  if (!onProgress) return analyzeInputs(inputs, aggregator);
  const total = inputs.some((i) => i.path === '-') ? undefined : inputBytes(inputs);
  let read = 0;
  return analyzeInputs(inputs, aggregator, (bytes) => onProgress((read += bytes), total));
}

/** Reads inputs already expanded (and checked) by expandInputs into the aggregator; `onRead` hears
 *  of every read's bytes (the command's progress). */
export async function analyzeInputs(
  inputs: readonly Input[],
  aggregator: Aggregator,
  onRead?: OnRead,
): Promise<Aggregator> {
  for (const input of inputs) await readInput(aggregator, input, onRead);
  return aggregator;
}
