// Drawing that would hold the main thread too long, cut into slices: the first runs at once, each
// later one after the page has had its turn (input, paint). A newer drawing stops an older one.

/** Resolves once the page has handled what was waiting: input first, then the next slice. */
export function yieldToPage(): Promise<void> {
  // scheduler.yield() keeps the slices ahead of other scripts' tasks; Safari and Firefox lack it.
  if (typeof scheduler !== 'undefined' && typeof scheduler.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface Slicer {
  /** Runs the steps, one per task; resolves true when all ran, false when a newer draw() or
   *  cancel() stopped them. */
  draw(steps: Iterable<() => void>): Promise<boolean>;
  cancel(): void;
}

export function slicer(): Slicer {
  let current = 0;
  return {
    async draw(steps) {
      const mine = ++current;
      let first = true;
      for (const step of steps) {
        if (!first) await yieldToPage();
        if (mine !== current) return false;
        first = false;
        step();
      }
      return mine === current;
    },
    cancel() {
      current++;
    },
  };
}
