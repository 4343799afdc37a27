// The one reader of /rules.json (the worker, the CLI, the Node API): one record per entry, its front
// matter minus what only the entry page shows, plus where the page is. Records are checked against
// the JSON Schema zod derives from the entry schema (./rule-record-schema.ts), read by a small
// checker (./json-schema.ts): zod itself would add 26 kB gzipped, and zod/mini 8 kB, to a page whose
// scripts must stay under 30 kB. The types come from the same derived schema.
import { decodeJson, Problem } from './json-schema.ts';
import { hasOneKey } from './rule-key.ts';
import { RULE_RECORD_SCHEMA } from './rule-record-schema.ts';
import type { DsnKey, MatchRule, RuleRecord } from './schema/rule-record.ts';
import { compiles } from './regexp.ts';

export type { DsnKey, MatchRule, RuleRecord };

/** A record keyed by a DSN (iCloud's mailbox store), matched apart from replies. */
export type DsnRuleEntry = Extract<RuleRecord, { dsn: DsnKey }>;

/** The engine's name for a rule record. */
export type RuleEntry = RuleRecord;

/** The entry schema's refinements the engine depends on, which JSON Schema cannot state. */
function checkRefinements(record: RuleRecord) {
  for (const [i, rule] of record.match.entries()) {
    if ('regex' in rule && !compiles(rule.regex))
      throw new Problem(`match.${i}.regex`, 'a regular expression that compiles', rule.regex);
  }
}

function isRecord(value: unknown): value is RuleRecord {
  return typeof value === 'object' && value !== null && hasOneKey(value);
}

function decodeRecord(value: unknown, at: string): RuleRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${at}: expected an object`);
  }
  // Absent fields are left out of /rules.json; null (as older builds wrote them) means the same.
  const record = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
  const where = typeof record.id === 'string' ? `${at} (${record.id})` : at;
  try {
    const decoded = decodeJson(RULE_RECORD_SCHEMA, record);
    if (!isRecord(decoded)) throw new Error('code must be set when dsn is not, and not when it is');
    checkRefinements(decoded);
    return decoded;
  } catch (error) {
    throw new Error(`${where}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Throws, naming the record and the field, on anything the classifier could not use. */
export function decodeRules(json: unknown, source = 'rules.json'): RuleRecord[] {
  if (!Array.isArray(json)) throw new Error(`${source}: expected a list of rule records`);
  return json.map((value, i) => decodeRecord(value, `${source}: record ${i}`));
}
