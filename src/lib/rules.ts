// The rule data the classifier works on: one record per entry, derived from the `codes`
// collection's front matter (see src/lib/rule-data.ts for the derivation). No pattern is written here.
import type { Category, Evidence, Outcome, Owner, Retry, Stage, Suppress } from './vocabulary';

export type MatchRule = { phrase: string } | { regex: string };

/** A DSN with no SMTP reply, keyed by its Status code and a Reason phrase (see the schema). */
export interface DsnKey {
  status: string;
  reason: string;
}

/** How other tools file the reply (Sisimai's reason; ESP labels where a source shows them). */
export interface Labels {
  sisimai: { reason: string; note?: string };
  esps: { esp: string; label: string; source: string }[];
}

export interface RuleEntry {
  id: string;
  /** Site-relative path of the entry page, without the base: `codes/<id>/`. */
  path: string;
  title: string;
  summary: string;
  /** Absent for an entry keyed by `dsn` (a DSN that carries no SMTP reply). */
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
  labels?: Labels;
}
