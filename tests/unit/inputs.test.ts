// The files a folder argument stands for: every file below it in name order, named from the folder,
// through links to folders too; links to files and broken or looping links are left out, as
// readdirSync's own recursive walk left them out, and so is a link to a folder the walk is inside.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { expandInputs } from '../../src/node-api/inputs.ts';

const work = mkdtempSync(path.join(tmpdir(), 'inputs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('lists a folder tree in name order, through links to folders', () => {
  const top = path.join(work, 'mail');
  mkdirSync(path.join(top, 'b/deep'), { recursive: true });
  mkdirSync(path.join(top, 'a'));
  for (const f of ['z.eml', 'a/y.eml', 'b/x.log', 'b/deep/w.eml']) writeFileSync(path.join(top, f), f);
  symlinkSync('b', path.join(top, 'linked'));
  symlinkSync('z.eml', path.join(top, 'a/file-link.eml'));
  symlinkSync('nowhere', path.join(top, 'broken'));
  symlinkSync('loop2', path.join(top, 'loop1'));
  symlinkSync('loop1', path.join(top, 'loop2'));
  expect(expandInputs([top]).map((i) => i.name)).toEqual([
    'mail/a/y.eml',
    'mail/b/deep/w.eml',
    'mail/b/x.log',
    'mail/linked/deep/w.eml',
    'mail/linked/x.log',
    'mail/z.eml',
  ]);
  expect(expandInputs([`${top}/`])[0]).toEqual({
    path: path.join(top, 'a/y.eml'),
    name: 'mail/a/y.eml',
    regular: true,
  });
});

it('does not follow a link back to a folder it is inside', () => {
  const top = path.join(work, 'logs');
  mkdirSync(path.join(top, 'old'), { recursive: true });
  for (const f of ['mail.log', 'old/mail.log.1']) writeFileSync(path.join(top, f), f);
  symlinkSync('..', path.join(top, 'old/up'));
  symlinkSync('.', path.join(top, 'self'));
  symlinkSync('old', path.join(top, 'archive'));
  expect(expandInputs([top]).map((i) => i.name)).toEqual([
    'logs/archive/mail.log.1',
    'logs/mail.log',
    'logs/old/mail.log.1',
  ]);
  expect(expandInputs([path.join(top, 'old')]).map((i) => i.name)).toEqual([
    'old/mail.log.1',
    'old/up/mail.log',
  ]);
});
