// A folder as --jobs shares it between threads (src/node-api/cli-jobs.ts): many small files, 16 MB or
// more in all. Every bounce message of the tests, many times over, a log of an incident cut into
// pieces that fall between the messages (one in a subfolder), and sparse files of zeros (binary, to
// the classifier) that make up the size without filling the disk.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { JOBS_MIN_BYTES } from '../../src/node-api/cli-jobs.ts';

const root = path.resolve(import.meta.dirname, '../..');

export function bounceFolder(folder: string, { copies = 40, padding = true } = {}): string {
  mkdirSync(path.join(folder, 'sub'), { recursive: true });
  const messages = readdirSync(path.join(root, 'tests'), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.eml'))
    .map((d) => path.join(d.parentPath, d.name));
  const name = (i: number, rest: string) => `m${String(i).padStart(2, '0')}-${rest}`;
  for (let i = 0; i < copies; i++)
    for (const m of messages) copyFileSync(m, path.join(folder, name(i, path.basename(m))));
  const incident = readFileSync(path.join(root, 'tests/fixtures/analyze/incident.log'), 'utf8').split('\n');
  for (let k = 0; k * 4 < incident.length; k++)
    writeFileSync(
      path.join(folder, k === 5 ? 'sub' : '', name(k * 2, 'incident.log')),
      `${incident.slice(k * 4, k * 4 + 4).join('\n')}\n`,
    );
  if (padding)
    for (let k = 0; k < 64; k++) {
      const file = path.join(folder, name(k, 'zeros.bin'));
      writeFileSync(file, '');
      truncateSync(file, Math.ceil(JOBS_MIN_BYTES / 64));
    }
  return folder;
}
