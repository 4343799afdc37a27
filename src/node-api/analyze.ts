// Runs the streaming aggregator over files and folders on disk (or standard input): the engine
// behind `npm run classify -- --summary` and the Node API's analyzeFiles().
import { createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { Classifier, ClassifyOutcome } from '../lib/classify/index.ts';
import { createAggregator, type Aggregator } from '../lib/report/index.ts';
import { readStream } from '../lib/report/read.ts';
import type { RuleEntry } from '../lib/rules.ts';
import { expandInputs, type Input } from './inputs.ts';

export interface AnalyzeOptions {
  classifier: Classifier;
  rules: readonly RuleEntry[];
  classifyMessage?: (text: string) => Promise<ClassifyOutcome>;
  rowLimit?: number;
}

const CHUNK = 1 << 18;

/** A web stream that reads the Node stream only as fast as the report takes it (Readable.toWeb
 *  would read ahead and hold much of a big file in its queue). */
const pulled = (stream: Readable) =>
  NodeReadableStream.from(stream as AsyncIterable<Uint8Array>) as unknown as ReadableStream<Uint8Array>;

export async function readInput(aggregator: Aggregator, input: Input): Promise<void> {
  if (input.path === '-') {
    await readStream(aggregator, input.name, pulled(process.stdin));
    return;
  }
  const stat = statSync(input.path);
  const stream = pulled(createReadStream(input.path, { highWaterMark: CHUNK }));
  await readStream(aggregator, input.name, stream, { bytes: stat.size, lastModified: stat.mtimeMs });
}

/** Reads every path (files, folders, `-`) into one aggregator; throws InputError for a bad path
 *  before reading anything. */
export async function analyzePaths(paths: readonly string[], options: AnalyzeOptions): Promise<Aggregator> {
  const inputs = expandInputs(paths.length ? paths : ['-']);
  const aggregator = createAggregator(options);
  for (const input of inputs) await readInput(aggregator, input);
  return aggregator;
}
