// Reads one file's bytes into the aggregator: gzip (by its magic bytes, whatever the name) through
// DecompressionStream, chunk by chunk, so memory stays flat. The aggregator takes the bytes (a log
// is scanned as bytes and only its candidate records decoded). Web streams only, so the browser
// worker and Node share it.
import type { Aggregator } from './index.ts';
import { problems } from './problems.ts';
import { isGzip } from './gzip.ts';

export interface ReadOptions {
  /** Size of the file, for the summary and progress. */
  bytes?: number;
  lastModified?: number;
  /** Called with the bytes read so far (compressed bytes for gzip). */
  onProgress?: (bytesRead: number) => void;
  signal?: AbortSignal;
}

export async function readStream(
  aggregator: Aggregator,
  name: string,
  source: ReadableStream<Uint8Array<ArrayBuffer>>,
  options: ReadOptions = {},
): Promise<void> {
  const reader = source.getReader();
  let first: Awaited<ReturnType<typeof reader.read>>;
  try {
    first = await reader.read();
  } catch (error) {
    const file = aggregator.file(name, { bytes: options.bytes, lastModified: options.lastModified });
    file.fail(problems.unreadable(name, error instanceof Error ? error.message : String(error)));
    await file.end();
    return;
  }
  const gzip = !first.done && isGzip(first.value);
  const file = aggregator.file(name, { bytes: options.bytes, lastModified: options.lastModified, gzip });
  if (first.done) return file.end();

  let read = first.value.byteLength;
  options.onProgress?.(read);
  let pending: Uint8Array<ArrayBuffer> | undefined = first.value;
  const bytes = new ReadableStream<Uint8Array<ArrayBuffer>>({
    async pull(controller) {
      if (pending) {
        controller.enqueue(pending);
        pending = undefined;
        return;
      }
      const r = await reader.read();
      if (r.done) return controller.close();
      read += r.value.byteLength;
      options.onProgress?.(read);
      controller.enqueue(r.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  const text = (gzip ? bytes.pipeThrough(new DecompressionStream('gzip')) : bytes).getReader();
  try {
    for (;;) {
      if (options.signal?.aborted) {
        await text.cancel();
        break;
      }
      const r = await text.read();
      if (r.done) break;
      await file.write(r.value);
    }
  } catch (error) {
    file.fail(
      gzip
        ? problems.brokenGzip(name, file.summary.lines)
        : problems.unreadable(name, error instanceof Error ? error.message : String(error)),
    );
  }
  await file.end();
}
