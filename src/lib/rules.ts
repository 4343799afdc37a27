// The rule data the classifier works on, as /rules.json carries it: one record per entry, its front
// matter minus what only the entry page shows, plus where the page is. The type is derived from the
// schema, so a new front-matter field reaches /rules.json, the box and the CLI without a change here.
// No zod at run time: the box loads this file, and zod would add about 90 kB (gzipped) to it.
import type { CodeEntryData, MatchRule } from '../schemas/code-entry.ts';
import { entryPath, withBase } from './urls.ts';
import { CATEGORIES, EVIDENCE, OUTCOMES, OWNERS, RETRY, STAGES, SUPPRESS } from './vocabulary.ts';

export type { MatchRule };

/** Front-matter fields only the entry page and its twins use; rule records leave them out. */
export type PageOnlyField =
  'examples' | 'evidenceNote' | 'sources' | 'related' | 'onlySent' | 'reviewed' | 'history';

export type RuleRecord = Omit<CodeEntryData, PageOnlyField> & {
  id: string;
  /** Site-relative path of the entry page, without the base: `codes/<id>/`. */
  path: string;
  /** The page URL with the base path, as links on the site use it. */
  url: string;
};

/** The engine's name for a rule record. */
export type RuleEntry = RuleRecord;

/** An entry's record: its front matter without the page-only fields, plus id, URL and path. */
export function toRuleRecord(id: string, data: CodeEntryData, base = '/'): RuleRecord {
  const { examples, evidenceNote, sources, related, onlySent, reviewed, history, ...rule } = data; // = PageOnlyField
  const path = entryPath(id);
  return { id, url: withBase(base, path), path, ...rule };
}

type Check = { want: string; test: (v: unknown) => boolean; optional?: true };

const string: Check = { want: 'a string', test: (v) => typeof v === 'string' };
const optionalString: Check = { ...string, optional: true };
const oneOf = (labels: object, optional?: true): Check => ({
  want: `one of ${Object.keys(labels).join(', ')}`,
  test: (v) => typeof v === 'string' && Object.hasOwn(labels, v),
  optional,
});
const isRule = (r: unknown) =>
  typeof r === 'object' &&
  r !== null &&
  (typeof (r as { phrase?: unknown }).phrase === 'string' ||
    typeof (r as { regex?: unknown }).regex === 'string');

/** What the engine and the cards read; other fields pass through as the build wrote them. */
const CHECKS: { [K in keyof RuleRecord]?: Check } = {
  id: string,
  path: string,
  url: string,
  title: string,
  summary: string,
  reply: string,
  code: { want: 'a reply code (integer)', test: Number.isInteger, optional: true },
  enhanced: optionalString,
  tag: optionalString,
  retryDelay: optionalString,
  outcome: oneOf(OUTCOMES),
  retry: oneOf(RETRY),
  suppress: oneOf(SUPPRESS),
  owner: oneOf(OWNERS),
  category: oneOf(CATEGORIES),
  stage: oneOf(STAGES, true),
  evidence: oneOf(EVIDENCE),
  generic: { want: 'true or false', test: (v) => typeof v === 'boolean' },
  match: {
    want: 'a list of { phrase } or { regex } rules',
    test: (v) => Array.isArray(v) && v.every(isRule),
  },
};

function checkRecord(record: Record<string, unknown>, at: string): asserts record is RuleRecord {
  const where = typeof record.id === 'string' ? `${at} (${record.id})` : at;
  for (const [field, check] of Object.entries(CHECKS)) {
    const v = record[field];
    if (v === undefined ? !check.optional : !check.test(v)) {
      throw new Error(`${where}: ${field} must be ${check.want}, got ${JSON.stringify(v) ?? 'nothing'}`);
    }
  }
}

function decodeRecord(value: unknown, at: string): RuleRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${at}: expected an object`);
  }
  // Absent fields are left out of /rules.json; null (as older builds wrote them) means the same.
  const record = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
  checkRecord(record, at);
  return record;
}

/** The one reader of /rules.json (box, search card, CLI): throws, naming the record and the field,
 *  on anything the classifier could not use. */
export function decodeRules(json: unknown, source = 'rules.json'): RuleRecord[] {
  if (!Array.isArray(json)) throw new Error(`${source}: expected a list of rule records`);
  return json.map((value, i) => decodeRecord(value, `${source}: record ${i}`));
}
