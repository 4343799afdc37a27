// The engine's one worker, off the main thread: however large a paste or a log, the page stays
// responsive. It fetches and decodes /rules.json itself, opens the door (src/lib/engine.ts) once,
// then answers texts (the box, the search card) and reads files (/analyze/, whose code loads only
// when files arrive). Messages: src/browser/engine-protocol.ts.
import type { ClassifyOutcome } from '../lib/classify/types';
import { tallyReplies } from '../lib/classify/tally';
import { createEngine, type Engine } from '../lib/engine';
import { decodeRules } from '../lib/rules';
import type { ClassifyAnswer, FromWorker, ToWorker } from './engine-protocol';

const post = (message: FromWorker) => self.postMessage(message);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

let engine: Promise<Engine> | undefined;
/** Cancels the files being read, by run. */
const cancels = new Map<number, AbortController>();

async function load(rulesUrl: string): Promise<Engine> {
  const response = await fetch(rulesUrl);
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  return createEngine(decodeRules(await response.json(), rulesUrl));
}

function answer(outcome: ClassifyOutcome, keep: number): ClassifyAnswer {
  const { results } = outcome;
  return {
    outcome: { ...outcome, results: results.slice(0, keep) },
    replies: results.length,
    tally: tallyReplies(results),
  };
}

async function analyze(run: number, files: File[], names: string[], timeZone?: string) {
  // Made before the rules load, so a Cancel that arrives while they do is not lost.
  const controller = new AbortController();
  cancels.set(run, controller);
  try {
    const [ready, { analyzeFiles }] = await Promise.all([engine!, import('./engine-analyze')]);
    await analyzeFiles(ready, files, names, controller.signal, (m) => post({ ...m, run }), timeZone);
  } catch (error) {
    post({ type: 'error', message: messageOf(error), run });
  } finally {
    cancels.delete(run);
  }
}

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const m = event.data;
  if (m.type === 'load') {
    engine = load(m.rulesUrl);
    engine.then(
      (ready) => post({ type: 'loaded', rules: [...ready.rules] }),
      (error: unknown) => post({ type: 'refused', message: messageOf(error) }),
    );
  } else if (m.type === 'classify') {
    void engine!.then(async (ready) =>
      post({ type: 'classified', id: m.id, answer: answer(await ready.classify(m.text), m.keep) }),
    );
  } else if (m.type === 'analyze') void analyze(m.run, m.files, m.names, m.timeZone);
  else cancels.get(m.run)?.abort();
});
