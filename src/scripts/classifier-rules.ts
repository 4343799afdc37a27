// Fetches /rules.json and builds the classifier from it, each once per page: the classifier box and
// the search best-match card share both.
import { createClassifier, type Classifier } from '../lib/classify/index';
import type { RuleEntry } from '../lib/rules';
import { withBase } from '../lib/urls';

let rules: Promise<RuleEntry[]> | undefined;
let classifier: Promise<Classifier> | undefined;

export function loadRules(base: string): Promise<RuleEntry[]> {
  rules ??= fetch(withBase(base, 'rules.json')).then((response) => {
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    return response.json() as Promise<RuleEntry[]>;
  });
  return rules;
}

export const loadClassifier = (base: string) => (classifier ??= loadRules(base).then(createClassifier));
