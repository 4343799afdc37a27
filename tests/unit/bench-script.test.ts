// `npm run bench` runs the engine straight from its .ts sources in Node, outside Vite: this keeps the
// script (and every import it pulls in) runnable, on a small log. The figures are not asserted.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

it('npm run bench classifies generated logs, compares the engine and the bin with grep, times the start-up and counts instructions', () => {
  const root = path.resolve(import.meta.dirname, '../..');
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'scripts/bench.ts'), '--skip-rss', '--skip-browser', '--instructions'],
    {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        BENCH_LINES: '2000',
        BENCH_MB: '1',
        BENCH_INSTR_MB: '1',
        BENCH_STARTUP_RUNS: '3',
        BENCH_CORPUS: path.join(root, 'tests/unit/fixtures/eml'),
      },
    },
  );
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/log: 2,000 lines/);
  expect(r.stdout).toMatch(/engine: .* lines\/s/);
  expect(r.stdout).toMatch(/ratio: the engine takes/);
  expect(r.stdout).toMatch(/summary: icloud-mail-reply-codes --summary --json: .* replies/);
  expect(r.stdout).toMatch(/summary ratio: the CLI summary takes .*× grep's time/);
  expect(r.stdout).toMatch(/walk: the log walk alone on .*: WebAssembly .* ms .*, its JavaScript twin .* ms/);
  expect(r.stdout).toMatch(/merge: two halves --partial .* identical to --summary of the whole/);
  expect(r.stdout).toMatch(/start-up: icloud-mail-reply-codes --summary \/dev\/null: .*× node -e 0/);
  // Sisimai's side runs where Perl has it (Debian's libsisimai-perl), else the bench says why not.
  expect(r.stdout).toMatch(
    /sisimai summary ratio: the CLI takes .*× Sisimai's wall time|sisimai: skipped, `perl -MSisimai` fails/,
  );
  // Instruction counts where Valgrind runs (Debian's valgrind; setarch -R may be refused in a container),
  // else the bench says why not.
  expect(r.stdout).toMatch(
    /instructions: .*--summary --json --jobs 1 on a 1\.\d MB realistic log: [\d,]+ M .*× grep's|instructions: skipped, /,
  );
  expect(r.stdout).toMatch(
    /instructions: .* \(per reply\): [\d,]+ M .*× Sisimai's|instructions: (per reply )?skipped/,
  );
}, 180_000);
