// With --instructions: the work each side does, counted in machine instructions by Valgrind's
// callgrind, the command beside its yardsticks on the same input. Wall time on a shared machine moves
// 10–15 % from run to run, so a change of a few per cent cannot be seen in it; these counts repeat
// to within 0.01 %: V8 runs with --predictable (one thread, so the optimising compilers' and the
// garbage collector's work counts too; fixed seeds), address randomisation is off (setarch -R), and
// Node's compile cache and Perl's hash seed are left out. Compare two commits by their counts; the
// times stay the figures the targets are about.
import { spawnSync } from 'node:child_process';
import { BOUNCE_LINES } from './logs.ts';
import { endedWell, fmt } from './run.ts';
import { SISIMAI_PER_REPLY, sisimaiVersion } from './sisimai.ts';

/** The instructions the command executed, or why there is no count. */
function counted(command: string[]): { count?: number; why?: string } {
  const r = spawnSync(
    'setarch',
    ['-R', 'valgrind', '--tool=callgrind', '--callgrind-out-file=/dev/null', ...command],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      // Perl's hash order is random per run unless seeded.
      env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1', PERL_HASH_SEED: '0', PERL_PERTURB_KEYS: '0' },
    },
  );
  if (r.error) return { why: r.error.message };
  const collected = /Collected : (\d+)/.exec(r.stderr)?.[1];
  if (!endedWell(command[0]!, r.status)) return { why: r.stderr.trim().split('\n').at(-1) };
  return collected ? { count: Number(collected) } : { why: 'callgrind printed no count' };
}

const millions = (n: number) => `${fmt(n / 1e6)} M`;

function available(): string | undefined {
  const r = spawnSync('valgrind', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return 'valgrind is not installed (apt-get install valgrind)';
  const s = spawnSync('setarch', ['-R', 'true']);
  if (s.error || s.status !== 0) return '`setarch -R` fails here';
  return undefined;
}

/** `log`: a realistic log of `mb` MB; `corpus`: a folder of bounces (BENCH_CORPUS), counted against
 *  Sisimai where Perl has it. */
export function instructionsBench(bin: string, log: string, mb: number, corpus?: string) {
  const missing = available();
  if (missing) {
    console.log(`instructions: skipped, ${missing}`);
    return;
  }
  const node = [process.execPath, '--predictable'];
  const base = counted([...node, '-e', '0']);
  const summary = counted([...node, bin, '--summary', '--json', '--jobs', '1', log]);
  const grep = counted(['grep', '-cE', BOUNCE_LINES, log]);
  for (const [name, c] of [
    ['node -e 0', base],
    ['the command --summary', summary],
    ['grep', grep],
  ] as const)
    if (c.count === undefined) {
      console.log(`instructions: skipped, ${name} under callgrind failed: ${c.why}`);
      return;
    }
  console.log(
    `instructions (callgrind, node --predictable, repeats to 0.01 %): node -e 0: ${millions(base.count!)}`,
  );
  console.log(
    `instructions: icloud-mail-reply-codes --summary --json --jobs 1 on a ${fmt(mb, 1)} MB realistic log: ${millions(summary.count!)} (${millions(summary.count! - base.count!)} past node -e 0); grep -cE '${BOUNCE_LINES}': ${millions(grep.count!)}; ${fmt(summary.count! / grep.count!, 1)}× grep's`,
  );
  if (!corpus) return;
  if (!sisimaiVersion()) {
    console.log('instructions: per reply skipped, `perl -MSisimai` fails (apt-get install libsisimai-perl)');
    return;
  }
  const perReply = counted([...node, bin, '--jobs', '1', corpus]);
  const sisimai = counted(['perl', '-MSisimai', '-e', SISIMAI_PER_REPLY, corpus]);
  if (perReply.count === undefined || sisimai.count === undefined) {
    console.log(`instructions: per reply skipped: ${perReply.why ?? sisimai.why}`);
    return;
  }
  console.log(
    `instructions: icloud-mail-reply-codes --jobs 1 DIR (per reply): ${millions(perReply.count)} (${millions(perReply.count - base.count!)} past node -e 0); Sisimai make(): ${millions(sisimai.count)}; ${fmt(perReply.count / sisimai.count, 2)}× Sisimai's`,
  );
}
