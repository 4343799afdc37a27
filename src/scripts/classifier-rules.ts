// Fetches /rules.json once per page: the classifier box (which hands the rules to its worker) and the
// search best-match card share it.
import type { RuleEntry } from '../lib/rules';
import { withBase } from '../lib/urls';

let rules: Promise<RuleEntry[]> | undefined;

export function loadRules(base: string): Promise<RuleEntry[]> {
  rules ??= fetch(withBase(base, 'rules.json')).then((response) => {
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    return response.json() as Promise<RuleEntry[]>;
  });
  return rules;
}
