// Drawing that would hold the main thread too long, cut into slices: the first runs at once, each
// later one after the page has had its turn (input, paint). A newer drawing stops an older one.

/** Resolves once the page has drawn its next frame and handled what was waiting (input first), so
 *  each slice is laid out and painted on its own. A hidden page draws no frames: a timer stands in. */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const next = () => setTimeout(resolve, 0);
    if (typeof document === 'undefined' || document.hidden) next();
    else requestAnimationFrame(next);
  });
}

export interface Slicer {
  /** Runs the steps, one per frame; resolves true when all ran, false when a newer draw() or
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
