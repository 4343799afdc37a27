// Items of work shared between this thread and worker threads, each taking the next item when it is
// free, and the results handed on in item order as soon as every item before them is done: the
// command's --jobs for a folder of bounce messages (./folder-jobs.ts) and for big logs
// (./jobs.ts). A failed item fails the run after the results of the items before it were handed
// on, as one thread would have.
import { Worker, type MessagePort } from 'node:worker_threads';

/** A log-reading worker's young generation, as the command's own (./small-heap.ts): V8 would grow it
 *  to tens of MB per worker while a log streams through, for no gain in speed. */
export const WORKER_YOUNG_MB = 12;

/** What the pool posts a worker, and what it posts back. */
export type PoolRequest<T> = { index: number; item: T } | 'done';
export type PoolReply<R> = { index: number; result: R } | { index: number; error: string };

export interface PoolOptions<T, R> {
  /** Threads in all, this one included. */
  threads: number;
  worker: URL;
  workerData: unknown;
  /** A worker's young generation in MB (V8's default when unset). */
  youngMb?: number;
  /** Does one item in this thread, as a worker does it. */
  local(item: T): Promise<R>;
  /** Receives each result, in item order. */
  take(result: R, index: number): void;
  /** A promise while no item should be started (the output they feed is full), else undefined. */
  ready?(): Promise<unknown> | undefined;
}

export async function runOrdered<T, R>(items: readonly T[], options: PoolOptions<T, R>): Promise<void> {
  const results = new Map<number, R>();
  let next = 0;
  let handed = 0;
  // The first item that failed, and why: no later item is started, and none after it handed on.
  let failed: { index: number; error: unknown } | undefined;
  const fail = (index: number, error: unknown) => {
    if (!failed || index < failed.index) failed = { index, error };
  };
  const claim = () => (next < items.length && (!failed || next < failed.index) ? next++ : undefined);
  const handOn = () => {
    while (results.has(handed) && (!failed || handed < failed.index)) {
      options.take(results.get(handed)!, handed);
      results.delete(handed++);
    }
  };

  const inWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(options.worker, {
        workerData: options.workerData,
        resourceLimits: options.youngMb ? { maxYoungGenerationSizeMb: options.youngMb } : {},
      });
      // Two items in flight, so a worker has the next one while its last result travels back.
      let inFlight = 0;
      let closed = false;
      const send = (): void => {
        if (closed) return;
        const wait = options.ready?.();
        if (wait) return void wait.then(send);
        const index = claim();
        if (index !== undefined) {
          inFlight++;
          worker.postMessage({ index, item: items[index]! } satisfies PoolRequest<T>);
        } else if (inFlight === 0) {
          closed = true;
          worker.postMessage('done' satisfies PoolRequest<T>);
        }
      };
      worker.on('online', () => {
        send();
        send();
      });
      worker.on('message', (reply: PoolReply<R>) => {
        inFlight--;
        if ('error' in reply) fail(reply.index, new Error(reply.error));
        else results.set(reply.index, reply.result);
        handOn();
        send();
      });
      worker.on('error', reject);
      worker.on('exit', () => resolve());
    });

  const here = async () => {
    for (;;) {
      await options.ready?.();
      const index = claim();
      if (index === undefined) return;
      try {
        results.set(index, await options.local(items[index]!));
      } catch (error) {
        fail(index, error);
      }
      handOn();
      // Lets the workers' replies in: an item classified synchronously (a log) never waits.
      await new Promise(setImmediate);
    }
  };

  // The workers first: they take a while to start, and this thread begins at once.
  const workers = Array.from({ length: Math.max(0, Math.min(options.threads, items.length) - 1) }, inWorker);
  await Promise.all([...workers, here()]);
  handOn();
  if (failed) throw failed.error;
}

/** A worker's side: does each item it is posted with `work` and posts the result back, handing
 *  over the buffers `transfer` names of it instead of copying them. */
export function serveItems<T, R>(
  port: MessagePort,
  work: (item: T) => Promise<R>,
  transfer: (result: R) => ArrayBuffer[] = () => [],
): void {
  port.on('message', async (message: PoolRequest<T>) => {
    if (message === 'done') return port.close();
    const { index, item } = message;
    try {
      const result = await work(item);
      port.postMessage({ index, result } satisfies PoolReply<R>, transfer(result));
    } catch (error) {
      port.postMessage({
        index,
        error: error instanceof Error ? error.message : String(error),
      } satisfies PoolReply<R>);
    }
  });
}
