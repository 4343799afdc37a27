// Drawing in slices (src/browser/slices.ts): the first step at once, the others one per task, and a
// newer drawing (or a cancel) stops an older one before its next step.
import { expect, it } from 'vitest';
import { slicer } from '../../src/browser/slices.ts';

it('runs the first step at once and the rest later, in order', async () => {
  const done: number[] = [];
  const drawing = slicer().draw([1, 2, 3].map((n) => () => done.push(n)));
  expect(done).toEqual([1]);
  expect(await drawing).toBe(true);
  expect(done).toEqual([1, 2, 3]);
});

it('a newer drawing stops the older one before its next step', async () => {
  const s = slicer();
  const done: string[] = [];
  const old = s.draw(['a1', 'a2', 'a3'].map((x) => () => done.push(x)));
  const now = s.draw(['b1', 'b2'].map((x) => () => done.push(x)));
  expect([await old, await now]).toEqual([false, true]);
  expect(done).toEqual(['a1', 'b1', 'b2']);
});

it('cancel stops a drawing', async () => {
  const s = slicer();
  const done: number[] = [];
  const drawing = s.draw([1, 2].map((n) => () => done.push(n)));
  s.cancel();
  expect(await drawing).toBe(false);
  expect(done).toEqual([1]);
});
