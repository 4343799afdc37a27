// Reads the entries straight from content/codes/*.mdx and parses their front matter with the site's
// schema, for the programs that run without Astro's build (tests, bench, corpus): they see the
// collection as the build does (defaults applied, bad data failing with the file and field named).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { RuleRecord } from '../lib/rules.ts';
import { parseEntry, relatedErrors, type CodeEntryData } from '../lib/schema/code-entry.ts';
import { toRuleRecord } from '../lib/schema/rule-record.ts';

export const CODES_DIR = path.resolve(import.meta.dirname, '../../content/codes');

export interface EntryFile {
  id: string;
  file: string;
  /** The front matter as written (dates as text, defaults not applied). */
  frontMatter: Record<string, unknown>;
  /** The front matter as the schema parses it, as pages see it. */
  data: CodeEntryData;
  body: string;
  /** The classifier's record for this entry, made by the same toRuleRecord /rules.json uses. */
  rule: RuleRecord;
}

export function splitFrontMatter(source: string): { frontMatter: string; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!m) throw new Error('no front matter');
  return { frontMatter: m[1] ?? '', body: m[2] ?? '' };
}

/** One entry file's text, read as the build reads it; throws naming the file and the field. */
export function readEntry(id: string, source: string): Omit<EntryFile, 'file'> {
  const split = splitFrontMatter(source);
  const frontMatter = parse(split.frontMatter);
  const data = parseEntry(id, frontMatter);
  return { id, frontMatter, data, body: split.body, rule: toRuleRecord(id, data) };
}

export function loadEntries(dir = CODES_DIR): EntryFile[] {
  const entries = readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      return { file, ...readEntry(f.replace(/\.mdx$/, ''), readFileSync(file, 'utf8')) };
    });
  const errors = relatedErrors(entries);
  if (errors.length) throw new Error(errors.join('\n'));
  return entries;
}
