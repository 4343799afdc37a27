// Invalid content must stop the build with an error naming the file and the field. Each case copies
// the project into a temporary folder, adds one broken entry and runs `astro sync` (the validation
// step `astro build` also runs).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'schema-errors-'));
for (const item of ['package.json', 'astro.config.mjs', 'tsconfig.json', 'src', 'content', 'public']) {
  cpSync(path.join(root, item), path.join(work, item), { recursive: true });
}
symlinkSync(path.join(root, 'node_modules'), path.join(work, 'node_modules'), 'dir');
afterAll(() => rmSync(work, { recursive: true, force: true }));

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
  reviewed: '2026-11-27',
};

function entry(overrides: Partial<Record<keyof typeof valid, string | number | string[]>>): string {
  const fields = { ...valid, ...overrides };
  const lines = Object.entries(fields).map(([k, v]) =>
    Array.isArray(v) ? `${k}:\n${v.join('\n')}` : `${k}: ${typeof v === 'number' ? v : JSON.stringify(v)}`,
  );
  return `---\n${lines.join('\n')}\n---\n\n## What it means\n\nText.\n`;
}

function runAstro(command: 'sync' | 'build', name: string, source: string) {
  const file = path.join(work, 'content/codes', `${name}.mdx`);
  writeFileSync(file, source);
  const result = spawnSync(path.join(root, 'node_modules/.bin/astro'), [command], {
    cwd: work,
    encoding: 'utf8',
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      FORCE_COLOR: '0',
      OUT_DIR: path.join(work, 'dist'),
      ASTRO_CACHE_DIR: path.join(work, 'cache'),
    },
  });
  rmSync(file);
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, file };
}

describe('broken entries fail validation, naming the file and the field', () => {
  it('rejects a basic code that is not a number', () => {
    const r = runAstro('sync', '550-5-1-1-broken-code', entry({ code: 'abc' }));
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('550-5-1-1-broken-code');
    expect(r.output).toContain(r.file);
    expect(r.output).toMatch(/\bcode\b/);
  }, 60_000);

  it('rejects an enhanced code whose class differs from the basic code', () => {
    const r = runAstro('sync', '550-4-7-1-broken-class', entry({ enhanced: '4.7.1' }));
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('550-4-7-1-broken-class');
    expect(r.output).toContain('enhanced');
    expect(r.output).toContain('does not match basic code 550');
  }, 60_000);

  it('rejects a match regex that does not compile', () => {
    const r = runAstro(
      'sync',
      '550-5-1-1-broken-regex',
      entry({ match: ['  - regex: "user (does not exist"'] }),
    );
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('550-5-1-1-broken-regex');
    expect(r.output).toContain('match');
    expect(r.output).toContain('does not compile');
  }, 60_000);

  it('rejects a related entry that does not exist', () => {
    const r = runAstro(
      'build',
      '550-5-1-1-broken-related',
      entry({}).replace('reviewed:', 'related:\n  - no-such-entry\nreviewed:'),
    );
    expect(r.output).toContain('content/codes/550-5-1-1-broken-related.mdx: related.0');
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('no-such-entry');
  }, 180_000);

  it('accepts the same entry when it is valid', () => {
    const r = runAstro('sync', '550-5-1-1-valid-entry', entry({}));
    expect(r.output).not.toMatch(/InvalidContentEntryDataError/);
    expect(r.status).toBe(0);
  }, 60_000);
});
