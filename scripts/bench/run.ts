// What the bench's parts share: where the project is, number formatting and a timed child process.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');

export const fmt = (n: number, d = 0) =>
  n.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });

/** How a command of the bench ends well: with 0, or grep with 1 (no line matched). */
export const endedWell = (command: string, status: number | null) =>
  status === 0 || (command === 'grep' && status === 1);

/** Runs a command to its end; wall time in ms and its output. Fails unless it ends well. */
export function timed(
  command: string,
  argv: string[],
  env: Record<string, string> = {},
): { ms: number; stdout: string; stderr: string } {
  const t = performance.now();
  const r = spawnSync(command, argv, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, ...env },
  });
  const ms = performance.now() - t;
  if (!endedWell(command, r.status)) throw new Error(`${command} failed: ${r.stderr}`);
  return { ms, stdout: r.stdout, stderr: r.stderr };
}
