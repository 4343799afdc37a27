// Runs the streaming aggregator over files and folders on disk (or standard input): the engine
// behind `npm run classify -- --summary` and the Node API's analyzeFiles(). Files are read with
// Node's own streams (gzip through node:zlib), which cost less than web streams on big logs;
// standard input, which cannot be peeked at, goes through the shared web-stream reader.
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { createGunzip } from 'node:zlib';
import { problems, type Aggregator } from '../lib/report/index.ts';
import { readStream } from '../lib/report/read.ts';
import { expandInputs, type Input } from './inputs.ts';

const CHUNK = 1 << 18;

function startsWithGzip(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

async function readFile(aggregator: Aggregator, input: Input): Promise<void> {
  const stat = statSync(input.path);
  const gzip = stat.size > 0 && startsWithGzip(input.path);
  const file = aggregator.file(input.name, { bytes: stat.size, lastModified: stat.mtimeMs, gzip });
  const source = createReadStream(input.path, { highWaterMark: CHUNK });
  let text: Readable = source;
  if (gzip) {
    const gunzip = createGunzip({ chunkSize: CHUNK });
    source.on('error', (error) => gunzip.destroy(error));
    text = source.pipe(gunzip);
  }
  text.setEncoding('utf8');
  try {
    for await (const chunk of text) await file.write(chunk as string);
  } catch (error) {
    file.fail(
      gzip
        ? problems.brokenGzip(input.name, file.summary.lines)
        : problems.unreadable(input.name, error instanceof Error ? error.message : String(error)),
    );
  }
  await file.end();
}

export async function readInput(aggregator: Aggregator, input: Input): Promise<void> {
  if (input.path !== '-') return readFile(aggregator, input);
  // A web stream that reads standard input only as fast as the report takes it.
  const stdin = NodeReadableStream.from(process.stdin as AsyncIterable<Uint8Array>);
  await readStream(aggregator, input.name, stdin as unknown as ReadableStream<Uint8Array>);
}

/** Reads every path (files, folders, `-`) into the aggregator; throws InputError for a bad path
 *  before reading anything. */
export async function analyzePaths(paths: readonly string[], aggregator: Aggregator): Promise<Aggregator> {
  const inputs = expandInputs(paths.length ? paths : ['-']);
  for (const input of inputs) await readInput(aggregator, input);
  return aggregator;
}
