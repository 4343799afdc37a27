// What the bench's parts share: where the project is, number formatting and a timed child process.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');

export const fmt = (n: number, d = 0) =>
  n.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });

/** Runs a command to its end; wall time in ms and its output. Fails unless it exits 0 (grep: ≤ 1). */
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
  if (r.status !== 0 && !(command === 'grep' && r.status === 1))
    throw new Error(`${command} failed: ${r.stderr}`);
  return { ms, stdout: r.stdout, stderr: r.stderr };
}
