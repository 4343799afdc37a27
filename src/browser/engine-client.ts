// The page's side of the engine's worker (src/browser/engine-worker.ts): one worker per page,
// started on first use and shared by the box, the search card and /analyze/. Stale answers are
// dropped here, once: each texts channel resolves only its latest request (older ones to
// undefined), and only the latest file run's messages are passed on.
import type { RuleRecord } from '../lib/rules';
import { withBase } from '../lib/urls';
import type { AnalyzeMessage, ClassifyAnswer, FromWorker, ToWorker } from './engine-protocol';

export interface TextChannel {
  /** Resolves to the answer, or to undefined once a newer text was sent or drop() was called. */
  classify(text: string): Promise<ClassifyAnswer | undefined>;
  /** Forgets the pending text, if any. */
  drop(): void;
}

export interface EngineClient {
  /** The decoded rules; rejects with the worker's reason when they could not be loaded. */
  readonly rules: Promise<RuleRecord[]>;
  /** A latest-only channel for one text input (the box, the search card) that draws the first
   *  `keep` results. */
  texts(keep: number): TextChannel;
  /** Reads files; only the latest run's messages reach `onMessage`. */
  analyze(files: File[], names: string[], onMessage: (m: AnalyzeMessage) => void, timeZone?: string): void;
  /** Cancels the latest run. */
  cancel(): void;
}

let client: EngineClient | undefined;

export function engineClient(base: string): EngineClient {
  client ??= start(base);
  return client;
}

function start(base: string): EngineClient {
  const worker = new Worker(new URL('./engine-worker.ts', import.meta.url), { type: 'module' });
  const send = (message: ToWorker) => worker.postMessage(message);
  const answers = new Map<number, (answer: ClassifyAnswer) => void>();
  let nextId = 0;
  let run = 0;
  let onRun: ((m: AnalyzeMessage) => void) | undefined;
  let settle: { resolve: (rules: RuleRecord[]) => void; reject: (error: Error) => void } | undefined;
  const rules = new Promise<RuleRecord[]>((resolve, reject) => (settle = { resolve, reject }));

  worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
    const m = event.data;
    if (m.type === 'loaded') settle?.resolve(m.rules);
    else if (m.type === 'refused') settle?.reject(new Error(m.message));
    else if (m.type === 'classified') {
      answers.get(m.id)?.(m.answer);
      answers.delete(m.id);
    } else if (m.run === run) onRun?.(m);
  });
  send({ type: 'load', rulesUrl: new URL(withBase(base, 'rules.json'), location.href).href });

  return {
    rules,
    texts(keep) {
      let pending: ((answer: ClassifyAnswer | undefined) => void) | undefined;
      const drop = () => {
        pending?.(undefined);
        pending = undefined;
      };
      return {
        drop,
        classify(text) {
          drop();
          const id = ++nextId;
          return new Promise((resolve) => {
            pending = resolve;
            answers.set(id, (answer) => {
              if (pending === resolve) pending = undefined;
              resolve(answer);
            });
            send({ type: 'classify', id, text, keep });
          });
        },
      };
    },
    analyze(files, names, onMessage, timeZone) {
      onRun = onMessage;
      send({ type: 'analyze', run: ++run, files, names, timeZone });
    },
    cancel: () => send({ type: 'cancel', run }),
  };
}
