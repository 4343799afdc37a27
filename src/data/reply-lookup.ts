// Which entry a quoted reply belongs to, decided by the classifier itself with the /rules.json
// records, so a guide that quotes a reply links to the page the box would give and never to a
// hand-picked id.
import { createClassifier, type Classifier } from '../lib/classify/index';
import type { RuleRecord } from '../lib/rules';
import { getRuleRecords } from './codes';

// A guide quotes many replies; the classifier is built once per build, not once per quote.
let classifier: Promise<Classifier> | undefined;

export async function entryForReply(text: string): Promise<RuleRecord | undefined> {
  classifier ??= getRuleRecords().then(createClassifier);
  return (await classifier).classify(text).results[0]?.entry;
}
