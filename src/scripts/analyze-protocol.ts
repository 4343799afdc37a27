// Messages between the /analyze/ page and its worker.
import type { Report } from '../lib/report/index';

export type ToWorker =
  { type: 'start'; files: File[]; names: string[]; rulesUrl: string } | { type: 'cancel' };

/** Addresses per list sent to the page; the downloads hold all of them, and a page that had to
 *  receive and draw tens of thousands would stall. */
export const LIST_SHOWN = 200;

export type FromWorker =
  | { type: 'progress'; index: number; name: string; read: number; size: number; done: number; total: number }
  | {
      type: 'done';
      /** The report with suppressList and keepList cut to LIST_SHOWN, and without suppress and keep. */
      report: Report;
      listed: { suppress: number; keep: number };
      downloads: { json: Blob; replies: Blob; addresses: Blob };
    }
  | { type: 'error'; message: string };
