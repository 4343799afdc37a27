// Loads the `codes` collection outside Astro: the front matter of every content/codes/*.mdx file,
// parsed with `yaml` and turned into rule records by the same toRuleEntry the site uses.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { toRuleEntry, type EntryData } from '../../../src/lib/rule-data.ts';
import type { RuleEntry } from '../../../src/lib/rules.ts';

export const CODES_DIR = path.resolve(import.meta.dirname, '../../../content/codes');

export interface LoadedEntry {
  id: string;
  file: string;
  data: EntryData & { examples: { text: string; note?: string }[] };
  body: string;
  rule: RuleEntry;
}

export function loadEntries(dir = CODES_DIR): LoadedEntry[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .flatMap((file) => {
      const source = readFileSync(path.join(dir, file), 'utf8');
      const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
      if (!m) return [];
      const data = parse(m[1]!) as LoadedEntry['data'];
      // The schema's defaults, which Astro would apply: a tagged entry may leave `match` out.
      data.match ??= [];
      const id = file.replace(/\.mdx$/, '');
      return [{ id, file, data, body: m[2]!, rule: toRuleEntry(id, data) }];
    });
}
