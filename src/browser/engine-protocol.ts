// Messages between a page and the engine's worker (src/browser/engine-worker.ts): the box and the
// search card send texts, /analyze/ sends files. The page's side is src/browser/engine-client.ts.
import type { TallyRow } from '../lib/classify/tally';
import type { ClassifyOutcome } from '../lib/classify/types';
import type { Report } from '../lib/report/index';
import type { RuleRecord } from '../lib/rules';

export type ToWorker =
  /** First, once: where /rules.json is (an absolute URL: the worker's own base is /_astro/). */
  | { type: 'load'; rulesUrl: string }
  /** `keep`: how many results the page draws; the answer carries only those. */
  | { type: 'classify'; id: number; text: string; keep: number }
  /** `timeZone`: the IANA zone of log times that carry none. */
  | { type: 'analyze'; run: number; files: File[]; names: string[]; timeZone?: string }
  | { type: 'cancel'; run: number };

/** Addresses per list sent to the page; the downloads hold all of them, and a page that had to
 *  receive and draw tens of thousands would stall. */
export const LIST_SHOWN = 200;

/** The report as the page draws it: suppressList and keepList cut to LIST_SHOWN, and without the
 *  bare address lists (the downloads have them). */
export type ShownReport = Omit<Report, 'suppress' | 'keep'>;

/** The worker's answer to a text. A paste of megabytes holds thousands of replies: copying them all
 *  to the page would hold its main thread, so it gets the ones it draws and the counts. */
export interface ClassifyAnswer {
  /** The outcome, its results cut to the first `keep`. */
  outcome: ClassifyOutcome;
  /** How many replies the text holds. */
  replies: number;
  /** All of them counted per entry, most frequent first. */
  tally: TallyRow[];
}

export type AnalyzeMessage =
  | { type: 'progress'; index: number; name: string; read: number; size: number; done: number; total: number }
  | {
      type: 'done';
      report: ShownReport;
      /** How many addresses each full list holds. */
      listed: { suppress: number; keep: number };
    }
  /** Right after 'done': the files are made once the report is on its way to the page. */
  | { type: 'downloads'; downloads: { json: Blob; replies: Blob; addresses: Blob } }
  | { type: 'error'; message: string };

export type FromWorker =
  /** The rules as decoded, for what the page shows beside the classifier's answers. */
  | { type: 'loaded'; rules: RuleRecord[] }
  /** The rules could not be loaded or were refused (naming the record and the field). */
  | { type: 'refused'; message: string }
  | { type: 'classified'; id: number; answer: ClassifyAnswer }
  | (AnalyzeMessage & { run: number });
