// /analyze/'s work inside the engine's worker: reads the files as streams (gzip unpacked on the
// way) through the report aggregator, posting progress, then the report, then its downloads as Blobs
// (made after the report is posted, so the page draws it meanwhile).
import type { Engine } from '../lib/engine';
import { addressesCsv, repliesCsv } from '../lib/report/csv';
import { readStream } from '../lib/report/read';
import { LIST_SHOWN, type AnalyzeMessage } from './engine-protocol';

const PROGRESS_MS = 100;

export async function analyzeFiles(
  engine: Engine,
  files: File[],
  names: string[],
  signal: AbortSignal,
  post: (message: AnalyzeMessage) => void,
  timeZone?: string,
) {
  const aggregator = (await engine.reports())({ timeZone });
  const total = files.reduce((n, f) => n + f.size, 0);
  let before = 0;
  let last = 0;
  for (const [i, file] of files.entries()) {
    if (signal.aborted) break;
    const progress = (read: number, force = false) => {
      const now = Date.now();
      if (!force && now - last < PROGRESS_MS) return;
      last = now;
      post({
        type: 'progress',
        index: i,
        name: names[i]!,
        read,
        size: file.size,
        done: before + read,
        total,
      });
    };
    progress(0, true);
    await readStream(aggregator, names[i]!, file.stream(), {
      bytes: file.size,
      lastModified: file.lastModified,
      onProgress: progress,
      signal,
    });
    before += file.size;
    progress(file.size, true);
  }
  if (signal.aborted) aggregator.cancel();
  const full = aggregator.report();
  const { suppress, keep, ...report } = full;
  post({
    type: 'done',
    report: {
      ...report,
      suppressList: report.suppressList.slice(0, LIST_SHOWN),
      keepList: report.keepList.slice(0, LIST_SHOWN),
    },
    listed: { suppress: full.suppressList.length, keep: full.keepList.length },
  });
  post({
    type: 'downloads',
    downloads: {
      json: new Blob([JSON.stringify(full, null, 2)], { type: 'application/json' }),
      replies: new Blob([repliesCsv(aggregator.replyRows())], { type: 'text/csv' }),
      addresses: new Blob([addressesCsv(full)], { type: 'text/csv' }),
    },
  });
}
