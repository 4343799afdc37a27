// Fetches /rules.json and builds the classifier from it, each once per page: the classifier box and
// the search best-match card share both.
import { createClassifier, type Classifier } from '../lib/classify/index';
import { decodeRules, type RuleRecord } from '../lib/rules';
import { withBase } from '../lib/urls';

let rules: Promise<RuleRecord[]> | undefined;
let classifier: Promise<Classifier> | undefined;

export function loadRules(base: string): Promise<RuleRecord[]> {
  rules ??= fetch(withBase(base, 'rules.json')).then(async (response) => {
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    return decodeRules(await response.json());
  });
  return rules;
}

export const loadClassifier = (base: string) => (classifier ??= loadRules(base).then(createClassifier));
