// The npm package: `npm pack` builds the Node API and the command (prepack), and the tarball installs
// offline (its dependencies from npm's cache) into an empty project, where the README's three lines
// run, its types check and `npx icloud-mail-reply-codes` prints the summary of a log.
import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadEntries } from '../support/entries.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'node-api-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function sh(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** npm as the running npm script started it, else from PATH, under this Node. */
const npm = (args: string[]): [string, string[]] =>
  process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath, ...args]] : ['npm', args];

it('packs, installs into an empty project and works there', () => {
  // The rule data a site build would write, so this runs before `npm run build`.
  const build = path.join(work, 'build');
  mkdirSync(build);
  writeFileSync(
    path.join(build, 'rules.json'),
    JSON.stringify(loadEntries().map((e) => ({ ...e.rule, url: `/${e.rule.path}` }))),
  );
  sh(...npm(['pack', '--silent', '--pack-destination', work]), root, { OUT_DIR: build });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
  expect(tarball).toMatch(/^icloud-mail-reply-codes-.*\.tgz$/);

  const project = path.join(work, 'project');
  mkdirSync(project);
  writeFileSync(
    path.join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  // npm's cache holds the dependencies' tarballs (npm ci fetched them), not their registry metadata:
  // they install by tarball URL, at the lockfile's versions, which meet the package's ranges.
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version: string }>;
  };
  const registry = sh(...npm(['config', 'get', 'registry']), root)
    .trim()
    .replace(/\/?$/, '/');
  const deps = ['postal-mime', 'zod'].map(
    (d) => `${registry}${d}/-/${d}-${lock.packages[`node_modules/${d}`]!.version}.tgz`,
  );
  sh(...npm(['install', '--offline', '--no-audit', '--no-fund', path.join(work, tarball), ...deps]), project);
  // The package's own code only: its dependencies install beside it, not inside it.
  expect(readdirSync(path.join(project, 'node_modules/icloud-mail-reply-codes')).sort()).toEqual([
    'README.md',
    'dist-node',
    'package.json',
  ]);
  expect(readdirSync(path.join(project, 'node_modules'))).toEqual(
    expect.arrayContaining(['icloud-mail-reply-codes', 'postal-mime', 'zod']),
  );

  const log =
    'Mar  2 09:00:04 mx postfix/smtp[1]: A1: to=<x@icloud.com>, relay=mx01.mail.icloud.com[17.57.152.9]:25, dsn=5.7.1, status=bounced (host mx01.mail.icloud.com[17.57.152.9] said: 554 5.7.1 [HM08] Message rejected due to local policy. (in reply to end of DATA command))\n';
  writeFileSync(path.join(project, 'mail.log'), log);
  const use = `import { classify, analyzeFiles } from 'icloud-mail-reply-codes';
console.log(classify('554 5.7.1 [HM08] Message rejected due to local policy').results[0]?.entry?.id);
const read = [0, 0];
const report = await analyzeFiles(['mail.log'], {
  onProgress: (bytes, total) => {
    read[0] = bytes;
    read[1] = total ?? -1;
  },
});
console.log(JSON.stringify(report.entries));
console.log(JSON.stringify(read));
`;
  writeFileSync(path.join(project, 'use.mjs'), use);
  expect(sh(process.execPath, ['use.mjs'], project).split('\n')).toEqual([
    '554-5-7-1-hm08',
    '{"554-5-7-1-hm08":1}',
    JSON.stringify([log.length, log.length]),
    '',
  ]);

  const summary = sh(
    ...npm(['exec', '--offline', '--', 'icloud-mail-reply-codes', '--summary', 'mail.log']),
    project,
    {
      OUT_DIR: '',
    },
  );
  expect(summary).toContain('Read 1 file: 1 lines, 1 records; 1 SMTP replies: 1 from iCloud with an entry');
  expect(summary).toMatch(/^\s*1\s+100\.0%\s+554-5-7-1-hm08\s/m);
  // The version is the package's, built into the command; the rule data the one packed beside it.
  const version = sh(...npm(['exec', '--offline', '--', 'icloud-mail-reply-codes', '--version']), project, {
    OUT_DIR: '',
  });
  const { version: packed } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  expect(version.split('\n').slice(0, 2)).toEqual([
    `icloud-mail-reply-codes ${packed}`,
    `rule data: ${loadEntries().length} entries, ${path.join(realpathSync(project), 'node_modules/icloud-mail-reply-codes/dist-node/rules.json')}`,
  ]);

  writeFileSync(
    path.join(project, 'use.ts'),
    `${use}const id: string | undefined = classify('x').results[0]?.entry?.id;\nexport { id };\n`,
  );
  sh(
    process.execPath,
    [
      path.join(root, 'node_modules/typescript/bin/tsc'),
      '--noEmit',
      '--strict',
      '--module',
      'nodenext',
      '--target',
      'es2022',
      '--types',
      'node',
      '--typeRoots',
      path.join(root, 'node_modules/@types'),
      'use.ts',
    ],
    project,
  );
}, 240_000);
