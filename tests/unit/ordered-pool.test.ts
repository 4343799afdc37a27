// The pool behind --jobs: items shared between this thread and workers, results handed on in item
// order whoever finished first, no item started while the output is full, and a failed item failing
// the run after the results of the items before it.
import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { runOrdered } from '../../src/node-api/ordered-pool.ts';

const worker = new URL('../support/pool-worker.ts', import.meta.url);
const items = Array.from({ length: 120 }, (_, i) => i);

async function run(threads: number, failOn?: number, ready?: () => Promise<unknown> | undefined) {
  const taken: { index: number; square: number; thread: number }[] = [];
  const local = async (n: number) => {
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
    if (n === failOn) throw new Error(`item ${n} failed here`);
    return { square: n * n, thread: threadId };
  };
  const done = runOrdered(items, {
    threads,
    worker,
    workerData: { failOn },
    local,
    take: (r, index) => void taken.push({ index, ...r }),
    ...(ready && { ready }),
  });
  return { done, taken };
}

describe('runOrdered', () => {
  it('hands every result on in item order, done by this thread and the workers alike', async () => {
    const { done, taken } = await run(3);
    await done;
    expect(taken.map((t) => t.index)).toEqual(items);
    expect(taken.map((t) => t.square)).toEqual(items.map((n) => n * n));
    const threads = new Set(taken.map((t) => t.thread));
    expect(threads.has(threadId)).toBe(true);
    expect(threads.size).toBeGreaterThan(1);
  }, 30_000);

  it('with one thread, does everything here', async () => {
    const { done, taken } = await run(1);
    await done;
    expect(taken.map((t) => t.index)).toEqual(items);
    expect(new Set(taken.map((t) => t.thread))).toEqual(new Set([threadId]));
  });

  it('starts no item while `ready` gives a promise, here or in a worker, and goes on once it settles', async () => {
    let open!: () => void;
    let gate: Promise<void> | undefined = new Promise((resolve) => (open = resolve));
    const { done, taken } = await run(3, undefined, () => gate);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(taken).toEqual([]);
    gate = undefined;
    open();
    await done;
    expect(taken.map((t) => t.index)).toEqual(items);
  }, 30_000);

  it('fails on a failed item after handing on every result before it, and none after', async () => {
    for (const failOn of [0, 37, 119]) {
      const { done, taken } = await run(3, failOn);
      await expect(done).rejects.toThrow(new RegExp(`item ${failOn} failed`));
      expect(taken.map((t) => t.index)).toEqual(items.slice(0, failOn));
    }
  }, 30_000);
});
