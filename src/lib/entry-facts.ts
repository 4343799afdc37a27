// An entry's facts as the site words them, for every place that shows them: the entry page's facts
// box (src/components/FactsList.astro), the box's cards (src/browser/classifier-cards.ts) and the
// search page's best-match card (src/browser/search-best-match.ts). Each picks which facts, in what
// order; the label and the words for a value are written only here.
import type { RuleRecord } from './rules.ts';
import { CATEGORIES, EVIDENCE, OUTCOMES, OWNERS, STAGES, SUPPRESS, retryText } from './vocabulary.ts';

/** The fields facts are told from: an entry's front matter or its rule record. */
type FactSource = Pick<
  RuleRecord,
  'outcome' | 'category' | 'stage' | 'retry' | 'retryDelay' | 'suppress' | 'owner' | 'evidence'
>;

const FACTS = {
  outcome: { label: 'Outcome', text: (e: FactSource) => OUTCOMES[e.outcome] },
  category: { label: 'Category', text: (e: FactSource) => CATEGORIES[e.category] },
  stage: { label: 'SMTP stage', text: (e: FactSource) => (e.stage ? STAGES[e.stage] : 'Not known') },
  retry: { label: 'Retry', text: (e: FactSource) => retryText(e.retry, e.retryDelay) },
  suppress: { label: 'Suppress the address?', text: (e: FactSource) => SUPPRESS[e.suppress] },
  owner: { label: 'Who must act', text: (e: FactSource) => OWNERS[e.owner] },
  evidence: { label: 'Evidence', text: (e: FactSource) => EVIDENCE[e.evidence] },
} as const;

export type FactKey = keyof typeof FACTS;

export interface EntryFact {
  key: FactKey;
  label: string;
  text: string;
}

/** Every fact of an entry, by key. */
export function factsOf(entry: FactSource): Record<FactKey, EntryFact> {
  const all = {} as Record<FactKey, EntryFact>;
  for (const key of Object.keys(FACTS) as FactKey[])
    all[key] = { key, label: FACTS[key].label, text: FACTS[key].text(entry) };
  return all;
}

/** The named facts of an entry, in the order asked for. */
export function entryFacts(entry: FactSource, keys: readonly FactKey[]): EntryFact[] {
  const all = factsOf(entry);
  return keys.map((key) => all[key]);
}
