// The command's start-up: the bin on an empty input (per reply and --summary) against `node -e 0`,
// runs interleaved so a busy machine slows all three alike; best and median of each.
import { fmt, timed } from './run.ts';

// BENCH_STARTUP_RUNS lowers the count for the smoke test.
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 21);

export function startupBench(bin: string) {
  const commands: [string, string[]][] = [
    ['node -e 0', ['-e', '0']],
    ['icloud-mail-reply-codes /dev/null', [bin, '/dev/null']],
    ['icloud-mail-reply-codes --summary /dev/null', [bin, '--summary', '/dev/null']],
  ];
  const times = commands.map(() => [] as number[]);
  for (let run = 0; run < RUNS; run++)
    commands.forEach(([, argv], i) => times[i]!.push(timed(process.execPath, argv).ms));
  const [base, ...rest] = times.map((t) => {
    const sorted = t.sort((a, b) => a - b);
    return { best: sorted[0]!, median: sorted[RUNS >> 1]! };
  });
  const shown = (t: { best: number; median: number }) => `${fmt(t.best)} ms (median ${fmt(t.median)} ms)`;
  console.log(`start-up, best of ${RUNS}: node -e 0: ${shown(base!)}`);
  rest.forEach((t, i) =>
    console.log(
      `start-up: ${commands[i + 1]![0]}: ${shown(t)}; ${fmt(t.best / base!.best, 2)}× node -e 0 (target ≤ 2×)`,
    ),
  );
}
