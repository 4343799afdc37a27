// The rule data the classifier works on: one record per entry, derived from the `codes`
// collection's front matter (see src/lib/rule-data.ts for the derivation). No pattern is written here.
import type { Category, Evidence, Outcome, Owner, Retry, Stage, Suppress } from './vocabulary';

export type MatchRule = { phrase: string } | { regex: string };

/** An entry for a DSN that carries no SMTP reply: its Status code and a phrase of its reason. */
export interface DsnKey {
  status: string;
  reason: string;
}

export interface RuleEntry {
  id: string;
  /** Site-relative path of the entry page, without the base: `codes/<id>/`. */
  path: string;
  title: string;
  summary: string;
  /** Absent for an entry keyed by `dsn` instead. */
  code?: number;
  dsn?: DsnKey;
  enhanced?: string;
  tag?: string;
  reply: string;
  outcome: Outcome;
  retry: Retry;
  retryDelay?: string;
  suppress: Suppress;
  owner: Owner;
  category: Category;
  stage?: Stage;
  evidence: Evidence;
  generic: boolean;
  match: MatchRule[];
}
