// The entries as tests see them: the loader the bench and the corpus use too
// (src/node-api/entry-files.ts), and made-up entries for tests of the engine's rules.
import type { RuleRecord } from '../../src/lib/rules.ts';
import { parseEntry } from '../../src/lib/schema/code-entry.ts';
import { toRuleRecord } from '../../src/lib/schema/rule-record.ts';

export {
  CODES_DIR,
  loadEntries,
  readEntry,
  splitFrontMatter,
  type EntryFile,
} from '../../src/node-api/entry-files.ts';

/** A made-up entry for tests of the engine's rules, parsed by the schema like a real one; the
 *  fields a rule test does not care about get valid stand-ins. */
export function testRule(id: string, fields: Record<string, unknown>): RuleRecord {
  const frontMatter = {
    examples: [{ text: fields.reply }],
    evidence: 'capture',
    sources: [{ title: 'Test source', url: 'https://example.org/source' }],
    reviewed: '2026-11-27',
    history: [{ date: '2026-11-27', summary: 'First published.' }],
    labels: { sisimai: { reason: 'undefined' } },
    ...fields,
  };
  return toRuleRecord(id, parseEntry(id, frontMatter));
}
