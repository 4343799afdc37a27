// A --jobs worker thread for a folder of bounce messages (./folder-jobs.ts): the per-reply lines of
// each file, or the partial report of each run of files, it is posted.
import { parentPort, workerData } from 'node:worker_threads';
import { engineFromFile } from './engine.ts';
import { entryLink, replyText, runPartial, type FolderSettings } from './folder-work.ts';
import type { Input } from './inputs.ts';
import { serveItems } from './ordered-pool.ts';

const settings = workerData as FolderSettings;
const engine = engineFromFile(settings.rules);
const link = entryLink(settings.site);

if (settings.mode === 'replies')
  serveItems(parentPort!, (input: Input) => replyText(engine, input, settings.asJson, link));
else serveItems(parentPort!, (inputs: Input[]) => runPartial(engine, inputs, settings.timeZone));
