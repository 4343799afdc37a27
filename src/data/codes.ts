// The one place pages read the `codes` collection: sorted entries, their rule records and the basic
// codes in use. Lists and navigation everywhere come from here, never from hand-written lists.
import { getCollection, type CollectionEntry } from 'astro:content';
import type { RuleRecord } from '../lib/rules';
import { toRuleRecord } from '../lib/schema/rule-record.ts';
import { relatedErrors } from '../lib/schema/code-entry.ts';

export type CodeEntry = CollectionEntry<'codes'>;

const enhancedKey = (e?: string) =>
  e
    ? e
        .split('.')
        .map((n) => n.padStart(3, '0'))
        .join('.')
    : '';

// Entries keyed by a DSN (no basic code) sort after every reply code.
const codeKey = (e: CodeEntry) => e.data.code ?? 1000;

function compareEntries(a: CodeEntry, b: CodeEntry): number {
  return (
    codeKey(a) - codeKey(b) ||
    enhancedKey(a.data.enhanced).localeCompare(enhancedKey(b.data.enhanced)) ||
    a.id.localeCompare(b.id)
  );
}

export async function getEntries(): Promise<CodeEntry[]> {
  const entries = (await getCollection('codes')).sort(compareEntries);
  // A wrong related id would silently drop a link: fail the build, naming the file and the field.
  const errors = relatedErrors(entries);
  if (errors.length) throw new Error(errors.join('\n'));
  return entries;
}

/** The /rules.json records, with page URLs under the deployment's base path. */
export async function getRuleRecords(): Promise<RuleRecord[]> {
  return (await getEntries()).map((e) => toRuleRecord(e.id, e.data, import.meta.env.BASE_URL));
}

/** Basic reply codes that have at least one entry, ascending. */
export async function getBasicCodes(): Promise<number[]> {
  const codes = (await getEntries()).flatMap((e) => (e.data.code === undefined ? [] : [e.data.code]));
  return [...new Set(codes)].sort((a, b) => a - b);
}

/** getStaticPaths for a route per entry (its page, its twins, its preview image). */
export async function entryRoutes() {
  return (await getEntries()).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
