// Reads the entries' front matter straight from content/codes/*.mdx so tests can derive their
// expectations from the collection (no hand-written list of entries anywhere in the tests).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { toRuleEntry, type EntryData } from '../../src/lib/rule-data.ts';
import type { RuleEntry } from '../../src/lib/rules.ts';

export const CODES_DIR = path.resolve(import.meta.dirname, '../../content/codes');

export interface EntryFile {
  id: string;
  file: string;
  data: EntryData & {
    examples: { text: string; note?: string }[];
    sources: { title: string; url: string; date?: string }[];
    related?: string[];
  };
  body: string;
  /** The classifier's record for this entry, made by the same toRuleEntry the site uses. */
  rule: RuleEntry;
}

export function splitFrontMatter(source: string): { frontMatter: string; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!m) throw new Error('no front matter');
  return { frontMatter: m[1] ?? '', body: m[2] ?? '' };
}

export function loadEntries(dir = CODES_DIR): EntryFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      const { frontMatter, body } = splitFrontMatter(readFileSync(file, 'utf8'));
      const data = parse(frontMatter) as EntryFile['data'];
      // The schema's defaults, which Astro applies: a tagged entry may leave `match` out.
      data.match ??= [];
      data.related ??= [];
      const id = f.replace(/\.mdx$/, '');
      return { id, file, data, body, rule: toRuleEntry(id, data) };
    });
}
