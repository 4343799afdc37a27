// A --jobs worker thread for a big folder of small files (./folder-jobs.ts): the partial report of
// each run of files it is posted.
import { parentPort, workerData } from 'node:worker_threads';
import { engineFromFile } from './engine.ts';
import { runPartial, type FolderSettings } from './folder-work.ts';
import type { Input } from './inputs.ts';
import { serveItems } from './ordered-pool.ts';
import { sharedCounter } from './progress.ts';

const settings = workerData as FolderSettings;
const engine = engineFromFile(settings.rules);
const onRead = settings.progress && sharedCounter(settings.progress);

serveItems(parentPort!, (inputs: Input[]) => runPartial(engine, inputs, settings.timeZone, onRead));
