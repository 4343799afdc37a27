// Invalid content must stop the build with an error naming the file and the field. The schema runs
// in-process on broken front matter, read from YAML as the build reads it; one case runs `astro
// sync` (the validation step `astro build` also runs) on a copy of the project to prove the build
// really uses the schema.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { relatedErrors } from '../../src/lib/schema/code-entry.ts';
import { readEntry } from '../support/entries.ts';

const valid = {
  title: 'Test entry',
  summary: 'A valid summary sentence long enough for the schema to accept it.',
  code: 550,
  enhanced: '5.1.1',
  reply: '550 5.1.1 <x@icloud.com>: test reply text',
  outcome: 'permanent',
  retry: 'no',
  suppress: 'yes',
  owner: 'sender',
  category: 'recipient-unknown',
  match: ['  - phrase: "test reply text"'],
  examples: ['  - text: "550 5.1.1 <x@icloud.com>: test reply text"'],
  evidence: 'reference',
  sources: ['  - title: "A source"', '    url: "https://example.org/source"'],
  labels: ['  sisimai:', '    reason: "userunknown"'],
  reviewed: '2026-11-27',
  history: ['  - date: 2026-11-27', '    summary: "First published."'],
};

type Fields = Record<string, string | number | string[] | undefined>;

/** An entry file's text: the valid front matter with some fields replaced (undefined drops one). */
function entry(overrides: Fields = {}): string {
  const fields: Fields = { ...valid, ...overrides };
  const lines = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) =>
      Array.isArray(v) ? `${k}:\n${v.join('\n')}` : `${k}: ${typeof v === 'number' ? v : JSON.stringify(v)}`,
    );
  return `---\n${lines.join('\n')}\n---\n\n## What it means\n\nText.\n`;
}

/** The error reading an entry gives, one line per problem. */
function errorFor(id: string, source: string): string[] {
  try {
    readEntry(id, source);
  } catch (error) {
    return String((error as Error).message).split('\n');
  }
  throw new Error(`${id} was accepted`);
}

describe('broken front matter is refused, naming the file and the field', () => {
  const cases: [string, Fields, string, RegExp][] = [
    ['550-5-1-1-broken-code', { code: 'abc' }, 'code', /number/],
    ['550-4-7-1-broken-class', { enhanced: '4.7.1' }, 'enhanced', /does not match basic code 550/],
    ['550-5-1-1-broken-enhanced', { enhanced: '5.1' }, 'enhanced', /class\.subject\.detail/],
    [
      '550-5-1-1-broken-regex',
      { match: ['  - regex: "user (does not exist"'] },
      'match.0.regex',
      /does not compile/,
    ],
    ['550-5-1-1-no-rule', { match: undefined }, 'match', /needs at least one rule/],
    ['550-5-1-1-broken-outcome', { outcome: 'soft' }, 'outcome', /permanent/],
    ['550-5-1-1-broken-reply', { reply: '554 5.1.1 wrong code' }, 'reply', /start with the basic code 550/],
    ['550-5-1-1-no-examples', { examples: undefined }, 'examples', /expected array/],
    [
      '550-5-1-1-broken-source',
      { sources: ['  - title: "A source"', '    url: "not a url"'] },
      'sources.0.url',
      /URL/i,
    ],
    ['550-5-1-1-broken-date', { reviewed: 'soon' }, 'reviewed', /date/i],
    ['550-5-1-1-no-history', { history: undefined }, 'history', /expected array/],
    [
      '550-5-1-1-history-order',
      {
        history: [
          '  - date: 2026-12-01',
          '    summary: "Txn ID added."',
          '  - date: 2026-11-27',
          '    summary: "First published."',
        ],
      },
      'history.1.date',
      /oldest first/,
    ],
    ['550-5-1-1-broken-related', { related: ['  - Not An Id'] }, 'related.0', /entry id/],
    ['550-5-1-1-unknown-field', { colour: 'red' }, 'colour', /not a field/],
    [
      '550-5-1-1-broken-only-sent',
      { onlySent: ['  say: "Please pass this bounce to your mail admin."'] },
      'onlySent.text',
      /expected string/,
    ],
  ];
  for (const [id, overrides, field, message] of cases) {
    it(`${field}: ${message.source}`, () => {
      const [line, ...rest] = errorFor(id, entry(overrides));
      expect(rest).toEqual([]);
      expect(line).toContain(`content/codes/${id}.mdx: ${field}: `);
      expect(line).toMatch(message);
    });
  }

  it('names every broken field of an entry, one line each', () => {
    const lines = errorFor('550-5-1-1-broken', entry({ code: 'abc', outcome: 'soft' }));
    expect(lines.map((l) => l.split(': ')[1])).toEqual(['code', 'outcome']);
  });

  it('refuses a related id that names no entry', () => {
    const entries = [
      { id: '550-5-1-1-a', data: { related: ['550-5-1-1-b'] } },
      { id: '550-5-1-1-b', data: { related: ['550-5-1-1-a', 'no-such-entry'] } },
    ];
    expect(relatedErrors(entries)).toEqual([
      'content/codes/550-5-1-1-b.mdx: related.1: there is no entry "no-such-entry" in content/codes/',
    ]);
  });

  it('accepts the same entry when it is valid, with the schema’s defaults', () => {
    const { data, rule } = readEntry(
      '550-5-1-1-valid',
      entry({ match: undefined, tag: 'AB12' }).replace('text"\n', 'text [AB12]"\n'),
    );
    expect(data).toMatchObject({ generic: false, match: [], related: [], reviewed: new Date('2026-11-27') });
    expect(rule).toMatchObject({
      id: '550-5-1-1-valid',
      path: 'codes/550-5-1-1-valid/',
      tag: 'AB12',
      match: [],
    });
  });
});

describe('the build', () => {
  it('fails on a broken entry, naming the file and the field', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const work = mkdtempSync(path.join(tmpdir(), 'schema-errors-'));
    try {
      for (const item of ['package.json', 'astro.config.mjs', 'tsconfig.json', 'src', 'content', 'public']) {
        cpSync(path.join(root, item), path.join(work, item), { recursive: true });
      }
      symlinkSync(path.join(root, 'node_modules'), path.join(work, 'node_modules'), 'dir');
      const file = path.join(work, 'content/codes/550-5-1-1-broken-entry.mdx');
      writeFileSync(file, entry({ code: 'abc' }));
      const result = spawnSync(path.join(root, 'node_modules/.bin/astro'), ['sync'], {
        cwd: work,
        encoding: 'utf8',
        env: {
          ...process.env,
          ASTRO_TELEMETRY_DISABLED: '1',
          FORCE_COLOR: '0',
          ASTRO_CACHE_DIR: path.join(work, 'cache'),
        },
      });
      // Astro styles its messages with ANSI codes even without colour.
      const output = `${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
      expect(result.status).not.toBe(0);
      expect(output).toContain(file);
      expect(output).toMatch(/\bcode\b\W+Expected type `"number"`/);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 120_000);
});
