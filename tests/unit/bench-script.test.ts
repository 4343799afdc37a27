// `npm run bench` runs the engine straight from its .ts sources in Node, outside Vite: this keeps the
// script (and every import it pulls in) runnable, on a small log. The figures are not asserted.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

it('npm run bench classifies generated logs and compares the engine and the CLI summary with grep', () => {
  const root = path.resolve(import.meta.dirname, '../..');
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'scripts/bench.ts'), '--skip-rss', '--skip-browser'],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, BENCH_LINES: '2000', BENCH_MB: '1' },
    },
  );
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/log: 2,000 lines/);
  expect(r.stdout).toMatch(/engine: .* lines\/s/);
  expect(r.stdout).toMatch(/ratio: the engine takes/);
  expect(r.stdout).toMatch(/summary: npm run classify -- --summary --json: .* replies/);
  expect(r.stdout).toMatch(/summary ratio: the CLI summary takes .*× grep's time/);
}, 60_000);
