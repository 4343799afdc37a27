// The one place pages read the `codes` collection: sorted entries, their rule records and the basic
// codes in use. Lists and navigation everywhere come from here, never from hand-written lists.
import { getCollection, type CollectionEntry } from 'astro:content';
import { toRuleEntry } from '../lib/rule-data';
import type { RuleEntry } from '../lib/rules';

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

/** Astro's reference() does not check that the target exists, so a wrong id would silently
 *  drop a link; this makes it fail the build, naming the file and the field. */
function checkRelated(entries: CodeEntry[]): void {
  const ids = new Set(entries.map((e) => e.id));
  for (const e of entries) {
    e.data.related.forEach((r, i) => {
      if (!ids.has(r.id)) {
        throw new Error(
          `content/codes/${e.id}.mdx: related.${i}: there is no entry "${r.id}" in content/codes/`,
        );
      }
    });
  }
}

export async function getEntries(): Promise<CodeEntry[]> {
  const entries = (await getCollection('codes')).sort(compareEntries);
  checkRelated(entries);
  return entries;
}

export async function getRuleEntries(): Promise<RuleEntry[]> {
  return (await getEntries()).map((e) => toRuleEntry(e.id, e.data));
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
