// The /analyze/ worker: reads the files as streams (gzip unpacked on the way), runs them through
// the report aggregator and posts progress, then the report and its downloads as Blobs. The page's
// main thread only draws; nothing here touches the network except fetching /rules.json.
import { createEngine } from '../lib/engine';
import { addressesCsv, repliesCsv } from '../lib/report/csv';
import { readStream } from '../lib/report/read';
import { decodeRules } from '../lib/rules';
import { LIST_SHOWN, type FromWorker, type ToWorker } from './analyze-protocol';

const PROGRESS_MS = 100;
let controller: AbortController | undefined;

const post = (message: FromWorker) => self.postMessage(message);

async function run(files: File[], names: string[], rulesUrl: string) {
  // Made before the rules load, so a Cancel that arrives while they do is not lost.
  controller = new AbortController();
  const response = await fetch(rulesUrl);
  if (!response.ok) throw new Error(`the server answered ${response.status} for the rules`);
  const rules = decodeRules(await response.json(), rulesUrl);
  const aggregator = (await createEngine(rules).reports())();
  const total = files.reduce((n, f) => n + f.size, 0);
  let before = 0;
  let last = 0;
  for (const [i, file] of files.entries()) {
    if (controller.signal.aborted) break;
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
      signal: controller.signal,
    });
    before += file.size;
    progress(file.size, true);
  }
  if (controller.signal.aborted) aggregator.cancel();
  const report = aggregator.report();
  post({
    type: 'done',
    report: {
      ...report,
      suppress: [],
      keep: [],
      suppressList: report.suppressList.slice(0, LIST_SHOWN),
      keepList: report.keepList.slice(0, LIST_SHOWN),
    },
    listed: { suppress: report.suppressList.length, keep: report.keepList.length },
    downloads: {
      json: new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' }),
      replies: new Blob([repliesCsv(aggregator.replyRows())], { type: 'text/csv' }),
      addresses: new Blob([addressesCsv(report)], { type: 'text/csv' }),
    },
  });
}

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'cancel') controller?.abort();
  else
    run(message.files, message.names, message.rulesUrl).catch((error: unknown) =>
      post({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
});
