// /rules.json's records: every front-matter field but the page-only ones reaches them, and the one
// decoder the box, the search card and the CLI share reads them back, refusing anything else clearly.
import { describe, expect, it } from 'vitest';
import { RULE_RECORD_SCHEMA } from '../../src/lib/rule-record-schema.ts';
import { decodeRules } from '../../src/lib/rules.ts';
import { ruleRecordJsonSchema } from '../../src/lib/schema/rule-record.ts';
import { loadEntries } from '../support/entries.ts';

const entries = loadEntries();
const PAGE_ONLY = ['examples', 'evidenceNote', 'sources', 'related', 'onlySent', 'reviewed', 'history'];

describe('rule records', () => {
  it('carry each entry’s front matter except the page-only fields, plus id, url and path', () => {
    for (const { id, data, rule } of entries) {
      const expected = Object.fromEntries(Object.entries(data).filter(([k]) => !PAGE_ONLY.includes(k)));
      expect(rule).toEqual({ id, url: `/codes/${id}/`, path: `codes/${id}/`, ...expected });
    }
  });

  it('are checked against the JSON Schema derived from the entry schema, kept up to date', () => {
    // A field added to, or changed in, the entry schema fails here until `npm run rule-schema`
    // writes the decoder's copy again.
    expect(RULE_RECORD_SCHEMA, 'run `npm run rule-schema`').toEqual(ruleRecordJsonSchema());
  });

  it('come back unchanged through JSON and the decoder', () => {
    const records = entries.map((e) => e.rule);
    expect(decodeRules(JSON.parse(JSON.stringify(records)))).toEqual(records);
  });
});

describe('decodeRules', () => {
  const [first] = entries.map((e) => e.rule);
  const json = (changes: Record<string, unknown>) => JSON.parse(JSON.stringify([{ ...first, ...changes }]));

  it('reads null (as older builds wrote absent fields) as absent', () => {
    const [record] = decodeRules(json({ enhanced: null, tag: null, stage: null, retryDelay: null }));
    expect(record).not.toHaveProperty('enhanced');
    expect(record).not.toHaveProperty('tag');
    expect(record?.id).toBe(first!.id);
  });

  it('names the record and the field that is wrong', () => {
    expect(() => decodeRules(json({ code: '550' }))).toThrow(
      `rules.json: record 0 (${first!.id}): code must be an integer, got "550"`,
    );
    expect(() => decodeRules(json({ match: [{ pattern: 'x' }] }))).toThrow(
      /record 0 .*: match\.0 must be \{ phrase \} or \{ regex \}, got \{"pattern":"x"\}/,
    );
    expect(() => decodeRules(json({ outcome: 'soft' }))).toThrow(
      /outcome must be one of permanent, transient/,
    );
    expect(() => decodeRules(json({ match: [{ regex: '(((((' }] }))).toThrow(
      /record 0 .*: match\.0\.regex must be a regular expression that compiles, got "\(\(\(\(\("/,
    );
    expect(() => decodeRules(json({ colour: 'red' }))).toThrow(/record 0 .*: colour must be absent/);
    expect(() => decodeRules(json({ id: undefined }))).toThrow(
      'rules.json: record 0: id must be a string, got nothing',
    );
  });

  it('refuses a DSN-keyed record without its reason, naming dsn.reason', () => {
    const store = entries.find((e) => e.rule.dsn)!.rule;
    const broken = JSON.parse(JSON.stringify([{ ...store, dsn: { status: store.dsn!.status } }]));
    expect(() => decodeRules(broken)).toThrow(
      `rules.json: record 0 (${store.id}): dsn.reason must be a string, got nothing`,
    );
  });

  it('refuses a record keyed by neither a code nor a DSN, or by both', () => {
    const store = entries.find((e) => e.rule.dsn)!.rule;
    expect(() => decodeRules(json({ code: undefined }))).toThrow(
      /record 0 .*: code must be set when dsn is not/,
    );
    expect(() => decodeRules(json({ dsn: store.dsn }))).toThrow(
      /record 0 .*: code must be set when dsn is not/,
    );
  });

  it('refuses what is not a list of records', () => {
    expect(() => decodeRules({ rules: [] }, 'dist/rules.json')).toThrow(
      'dist/rules.json: expected a list of rule records',
    );
    expect(() => decodeRules([null])).toThrow('rules.json: record 0: expected an object');
  });
});
