// Reads the entries straight from content/codes/*.mdx and parses their front matter with the site's
// schema, so tests derive their expectations from the collection as the build sees it (defaults
// applied, bad data failing with the file and field named) and no list of entries is written here.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { RuleRecord } from '../../src/lib/rules.ts';
import { toRuleRecord } from '../../src/schemas/rule-record.ts';
import { parseEntry, relatedErrors, type CodeEntryData } from '../../src/schemas/code-entry.ts';

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

/** A made-up entry for tests of the engine's rules, parsed by the schema like a real one; the
 *  fields a rule test does not care about get valid stand-ins. */
export function testRule(id: string, fields: Record<string, unknown>): RuleRecord {
  const frontMatter = {
    examples: [{ text: fields.reply }],
    evidence: 'capture',
    sources: [{ title: 'Test source', url: 'https://example.org/source' }],
    reviewed: '2026-11-27',
    labels: { sisimai: { reason: 'undefined' } },
    ...fields,
  };
  return toRuleRecord(id, parseEntry(id, frontMatter));
}
