// Turns collection entries (their id and front matter) into the classifier's rule records.
// Takes plain data so it runs in Node tests, at build time and nowhere needs Astro.
import type { DsnKey, Labels, MatchRule, RuleEntry } from './rules';
import { entryPath } from './urls.ts';
import type { Category, Evidence, Outcome, Owner, Retry, Stage, Suppress } from './vocabulary';

export interface EntryData {
  title: string;
  summary: string;
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
  generic?: boolean;
  match: MatchRule[];
  labels?: Labels;
}

export function toRuleEntry(id: string, d: EntryData): RuleEntry {
  return {
    id,
    path: entryPath(id),
    title: d.title,
    summary: d.summary,
    code: d.code,
    dsn: d.dsn,
    enhanced: d.enhanced,
    tag: d.tag,
    reply: d.reply,
    outcome: d.outcome,
    retry: d.retry,
    retryDelay: d.retryDelay,
    suppress: d.suppress,
    owner: d.owner,
    category: d.category,
    stage: d.stage,
    evidence: d.evidence,
    generic: d.generic ?? false,
    match: d.match,
    labels: d.labels,
  };
}
