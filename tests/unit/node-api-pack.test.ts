// The npm package: `npm pack` builds the Node API (prepack), and the tarball installs offline into
// an empty project, where the README's three lines run and its types check.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
  sh(...npm(['install', '--offline', '--no-audit', '--no-fund', path.join(work, tarball)]), project);
  expect(readdirSync(path.join(project, 'node_modules')).filter((f) => !f.startsWith('.'))).toEqual([
    'icloud-mail-reply-codes',
  ]);

  writeFileSync(
    path.join(project, 'mail.log'),
    'Mar  2 09:00:04 mx postfix/smtp[1]: A1: to=<x@icloud.com>, relay=mx01.mail.icloud.com[17.57.152.9]:25, dsn=5.7.1, status=bounced (host mx01.mail.icloud.com[17.57.152.9] said: 554 5.7.1 [HM08] Message rejected due to local policy. (in reply to end of DATA command))\n',
  );
  const use = `import { classify, analyzeFiles } from 'icloud-mail-reply-codes';
console.log(classify('554 5.7.1 [HM08] Message rejected due to local policy').results[0]?.entry?.id);
console.log(JSON.stringify((await analyzeFiles(['mail.log'])).entries));
`;
  writeFileSync(path.join(project, 'use.mjs'), use);
  expect(sh(process.execPath, ['use.mjs'], project).split('\n')).toEqual([
    '554-5-7-1-hm08',
    '{"554-5-7-1-hm08":1}',
    '',
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
}, 120_000);
