// The classifier box's engine, off the main thread: however large a paste, the page stays responsive.
// The box sends the rules once, then one text per request; the answer carries the request's id, and
// the box ignores answers to texts that are no longer in the box. The MIME decoder loads only when a
// whole message arrives.
import { createClassifier, looksLikeMessage, type Classifier } from '../lib/classify/index';
import type { ClassifyOutcome } from '../lib/classify/types';
import type { RuleEntry } from '../lib/rules';

export type WorkerRequest = { rules: RuleEntry[] } | { id: number; text: string };
export interface WorkerAnswer {
  id: number;
  outcome: ClassifyOutcome;
}

let classifier: Classifier | undefined;

async function classify(text: string, c: Classifier): Promise<ClassifyOutcome> {
  if (!looksLikeMessage(text)) return c.classify(text);
  const { classifyMessage } = await import('../lib/classify/message');
  return classifyMessage(text, c);
}

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if ('rules' in request) {
    classifier = createClassifier(request.rules);
    return;
  }
  void classify(request.text, classifier!).then((outcome) =>
    self.postMessage({ id: request.id, outcome } satisfies WorkerAnswer),
  );
});
