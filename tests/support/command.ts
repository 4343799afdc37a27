// The command line from its sources (scripts/classify.ts), as the tests run it: with the rule data
// the tests write into a folder of their own (OUT_DIR), and standard input given or empty.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadEntries } from './entries.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** The entries' rule data written to `dir`/rules.json as a build writes it (site-relative URLs). */
export function writeRules(dir: string): string {
  const file = path.join(dir, 'rules.json');
  writeFileSync(file, JSON.stringify(loadEntries().map((e) => ({ ...e.rule, url: `/${e.rule.path}` }))));
  return file;
}

/** Runs the command with `outDir`'s rules.json; its status, standard output and error. */
export function commandWith(outDir: string) {
  return (args: string[], input: string | Buffer = '') =>
    spawnSync(process.execPath, [path.join(root, 'scripts/classify.ts'), ...args], {
      cwd: root,
      encoding: 'utf8',
      input,
      env: { ...process.env, OUT_DIR: outDir },
    });
}
