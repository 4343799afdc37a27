// The engine as the Node programs get it (the Node API, `npm run classify`, corpus, bench and the
// build's reply lookup): the one place outside src/lib, with the browser's worker, that opens the
// door (src/lib/engine.ts).
import { fileURLToPath } from 'node:url';
import { createEngine, type Engine } from '../lib/engine.ts';
import { decodeRules, type RuleRecord } from '../lib/rules.ts';
import { fs } from './node-fs.ts';

export type { Engine, ReportOptions } from '../lib/engine.ts';

/** No rule data where a build should have written it. */
export class MissingRulesError extends Error {}

/** The engine over records already in hand: the content collection, parsed by the schema. */
export function engineFor(records: readonly RuleRecord[]): Engine {
  return createEngine(records);
}

/** The engine over a /rules.json file; throws MissingRulesError when there is none, and an Error
 *  naming the file, the record and the field for a record the engine could not use. */
export function engineFromFile(file: string | URL): Engine {
  const name = typeof file === 'string' ? file : fileURLToPath(file);
  let text: string;
  try {
    text = fs.readFileSync(name, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new MissingRulesError(name);
    throw error;
  }
  return createEngine(decodeRules(JSON.parse(text), name));
}
