// `npm run classify` with rule data it cannot use: one line naming the record and the field on
// stderr and exit code 2, never a classification made from half a record.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEntries } from '../support/entries.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'cli-rules-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const records = loadEntries().map((e) => e.rule);
const store = records.find((r) => r.dsn !== undefined)!;

function classify(rules: unknown, input: string) {
  writeFileSync(path.join(work, 'rules.json'), JSON.stringify(rules));
  return spawnSync(process.execPath, [path.join(root, 'scripts/classify.ts')], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, OUT_DIR: work },
  });
}

describe('npm run classify with broken rule data', () => {
  it('refuses a mailbox-store DSN record without dsn.reason, naming the field', () => {
    const broken = records.map((r) => (r === store ? { ...r, dsn: { status: r.dsn!.status } } : r));
    const r = classify(broken, '550 5.1.1 <x@icloud.com>: user unknown');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^icloud-mail-reply-codes: .*rules\.json: record \d+ \(/);
    expect(lines[0]).toContain(`(${store.id}): dsn.reason must be a string, got nothing`);
  });

  it('classifies with the same records once they are whole', () => {
    const r = classify(records, '554 5.7.1 [HM08] Message rejected due to local policy');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('hm08');
  });
});
