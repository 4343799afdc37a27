// Which entry a quoted reply belongs to, decided by the classifier itself with the /rules.json
// records, so a guide that quotes a reply links to the page the box would give and never to a
// hand-picked id.
import type { RuleRecord } from '../lib/rules';
import { engineFor, type Engine } from '../node-api/engine';
import { getRuleRecords } from './codes';

// A guide quotes many replies; the engine is built once per build, not once per quote.
let engine: Promise<Engine> | undefined;

export async function entryForReply(text: string): Promise<RuleRecord | undefined> {
  engine ??= getRuleRecords().then(engineFor);
  return (await engine).classifyText(text).results[0]?.entry;
}
