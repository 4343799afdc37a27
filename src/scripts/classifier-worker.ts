// The classifier box's engine, off the main thread: however large a paste, the page stays responsive.
// The box sends the rules once, then one text per request; the answer carries the request's id, and
// the box ignores answers to texts that are no longer in the box. The MIME decoder loads only when a
// whole message arrives.
import type { ClassifyOutcome } from '../lib/classify/types';
import { createEngine, type Engine } from '../lib/engine';
import type { RuleEntry } from '../lib/rules';

export type WorkerRequest = { rules: RuleEntry[] } | { id: number; text: string };
export interface WorkerAnswer {
  id: number;
  outcome: ClassifyOutcome;
}

let engine: Engine | undefined;

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if ('rules' in request) {
    engine = createEngine(request.rules);
    return;
  }
  void engine!
    .classify(request.text)
    .then((outcome) => self.postMessage({ id: request.id, outcome } satisfies WorkerAnswer));
});
