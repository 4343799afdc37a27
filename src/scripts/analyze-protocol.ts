// Messages between the /analyze/ page and its worker.
import type { Report } from '../lib/report/index';

export type ToWorker =
  { type: 'start'; files: File[]; names: string[]; rulesUrl: string } | { type: 'cancel' };

export type FromWorker =
  | { type: 'progress'; index: number; name: string; read: number; size: number; done: number; total: number }
  | { type: 'done'; report: Report; downloads: { json: Blob; replies: Blob; addresses: Blob } }
  | { type: 'error'; message: string };
