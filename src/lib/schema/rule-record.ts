// /rules.json's record as derived from the entry schema: the entry's fields minus the page-only
// ones, plus id, path and url. Its JSON Schema (src/lib/rule-record-schema.ts, written by
// `npm run rule-schema`) is what the box and the CLI check records against (src/lib/rules.ts).
import { z } from 'zod';
import { hasOneKey } from '../rule-key.ts';
import { entryPath, withBase } from '../urls.ts';
import { codeEntrySchema, type CodeEntryData } from './code-entry.ts';

/** Front-matter fields only the entry page and its twins use; rule records leave them out. */
export const PAGE_ONLY = {
  examples: true,
  evidenceNote: true,
  sources: true,
  related: true,
  onlySent: true,
  reviewed: true,
  history: true,
} as const;

// A new object from the entry's fields: the entry's cross-field refinements stay with the entry
// (the one the engine relies on, code or dsn, is the RuleRecord type and hasOneKey).
export const ruleRecordSchema = z.strictObject(codeEntrySchema.shape).omit(PAGE_ONLY).extend({
  id: z.string(),
  /** Site-relative path of the entry page, without the base: `codes/<id>/`. */
  path: z.string(),
  /** The page URL with the base path, as links on the site use it. */
  url: z.string(),
});

/** The record's JSON Schema without the `$schema` line, as src/lib/rule-record-schema.ts holds it. */
export function ruleRecordJsonSchema() {
  const { $schema, ...schema } = z.toJSONSchema(ruleRecordSchema);
  return schema;
}

type RecordFields = z.output<typeof ruleRecordSchema>;
export type MatchRule = RecordFields['match'][number];
export type DsnKey = NonNullable<RecordFields['dsn']>;

/** A rule record is keyed by a reply code or by a DSN's Status and reason, never both. */
export type RuleRecord = Omit<RecordFields, 'code' | 'dsn'> &
  ({ code: number; dsn?: undefined } | { code?: undefined; dsn: DsnKey });

/** An entry's record: its front matter without the page-only fields, plus id, URL and path. */
export function toRuleRecord(id: string, data: CodeEntryData, base = '/'): RuleRecord {
  const { examples, evidenceNote, sources, related, onlySent, reviewed, history, ...rule } = data; // = PAGE_ONLY
  const path = entryPath(id);
  const record = { id, url: withBase(base, path), path, ...rule };
  if (!hasOneKey(record)) throw new Error(`${id}: set exactly one of \`code\` and \`dsn\``);
  return record;
}
