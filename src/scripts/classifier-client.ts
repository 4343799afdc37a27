// The box's side of src/scripts/classifier-worker.ts: one module worker per page, and a promise per
// text. Only the latest request is answered; an older one resolves to undefined once a newer is sent.
import type { ClassifyOutcome } from '../lib/classify/types';
import type { RuleEntry } from '../lib/rules';
import type { WorkerAnswer, WorkerRequest } from './classifier-worker';

export interface WorkerClassifier {
  /** Once, before the first text: the worker builds its classifier from these. */
  setRules(rules: RuleEntry[]): void;
  classify(text: string): Promise<ClassifyOutcome | undefined>;
}

/** Started with the box, so the worker's script loads with the page, not while the user types. */
export function startWorker(): WorkerClassifier {
  const worker = new Worker(new URL('./classifier-worker.ts', import.meta.url), { type: 'module' });
  const send = (request: WorkerRequest) => worker.postMessage(request);
  let latest = 0;
  let pending: ((outcome: ClassifyOutcome | undefined) => void) | undefined;
  worker.addEventListener('message', (event: MessageEvent<WorkerAnswer>) => {
    if (event.data.id !== latest) return;
    pending?.(event.data.outcome);
    pending = undefined;
  });
  return {
    setRules: (rules) => send({ rules }),
    classify(text) {
      pending?.(undefined);
      const id = ++latest;
      return new Promise((resolve) => {
        pending = resolve;
        send({ id, text });
      });
    },
  };
}
