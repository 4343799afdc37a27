// The one door to the engine: rule records in, everything a program needs out. The Node programs
// (through src/node-api/engine.ts) and the browser's worker build it; nothing else constructs the
// classifier or decides whether a text is a whole message. The MIME decoder and the report code
// load on first use, so the box's worker carries neither until it needs them.
import { createClassifier, looksLikeMessage, type ClassifyOutcome } from './classify/index.ts';
import type { Aggregator, AggregatorOptions } from './report/index.ts';
import type { RuleRecord } from './rules.ts';

/** What a report may be asked for; the engine supplies the classifier and the rules. */
export type ReportOptions = Omit<AggregatorOptions, 'classifier' | 'rules' | 'classifyAny'>;

export interface Engine {
  readonly rules: readonly RuleRecord[];
  /** Every SMTP reply in a log excerpt, bounce text or webhook JSON: synchronous, never throws. */
  classifyText(text: string): ClassifyOutcome;
  /** Anything pasted or read: a whole email is MIME-decoded first, any other text classified. */
  classify(text: string): Promise<ClassifyOutcome>;
  /** The streaming report's factory (the report code loads on the first call). */
  reports(): Promise<(options?: ReportOptions) => Aggregator>;
}

export function createEngine(rules: readonly RuleRecord[]): Engine {
  const classifier = createClassifier(rules);
  const classifyText = (text: string) => classifier.classify(text);
  // Imported once: each import() call costs a module-map look-up (about 0.1 ms in Node), paid
  // again for every message of a folder.
  let messageModule: Promise<typeof import('./classify/message.ts')> | undefined;
  async function classify(text: string): Promise<ClassifyOutcome> {
    if (!looksLikeMessage(text)) return classifyText(text);
    const { classifyMessage } = await (messageModule ??= import('./classify/message.ts'));
    return classifyMessage(text, classifier);
  }
  async function reports() {
    const { createAggregator } = await import('./report/index.ts');
    return (options: ReportOptions = {}) =>
      createAggregator({ classifier, rules, classifyAny: classify, ...options });
  }
  return { rules, classifyText, classify, reports };
}
