// Fetches /rules.json once per page: the classifier box (which hands the rules to its worker) and the
// search best-match card share it.
import { decodeRules, type RuleRecord } from '../lib/rules';
import { withBase } from '../lib/urls';

let rules: Promise<RuleRecord[]> | undefined;

export function loadRules(base: string): Promise<RuleRecord[]> {
  rules ??= fetch(withBase(base, 'rules.json')).then(async (response) => {
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    return decodeRules(await response.json());
  });
  return rules;
}
