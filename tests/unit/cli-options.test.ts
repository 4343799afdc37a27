// The command's options: each read as its help says, a word that is no option refused with its
// name (not taken for a path), --help listing exactly the options the command reads, and --version
// naming the package and its rule data.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PARTIAL_VERSION, rulesDigest } from '../../src/lib/report/partial.ts';
import { CLI_OPTIONS, parseCliArgs } from '../../src/node-api/cli-args.ts';
import { usage } from '../../src/node-api/cli-usage.ts';
import { InputError } from '../../src/node-api/inputs.ts';
import { commandWith, writeRules } from '../support/command.ts';
import { loadEntries } from '../support/entries.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'cli-options-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const rules = loadEntries().map((e) => ({ ...e.rule, url: `/${e.rule.path}` }));
const rulesFile = writeRules(work);
const run = commandWith(work);

const refused = (argv: string[]) => {
  try {
    parseCliArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error(`${argv.join(' ')} was taken`);
};

describe('the command’s options', () => {
  it('reads nothing as the defaults: per reply, standard input, all cores, UTC', () => {
    expect(parseCliArgs([])).toEqual({
      help: false,
      version: false,
      json: false,
      summary: false,
      partial: false,
      merge: false,
      progress: undefined,
      jobs: availableParallelism(),
      timeZone: 'UTC',
      paths: [],
    });
  });

  it('reads each option, in either spelling of a value, and keeps the paths in order', () => {
    const args = parseCliArgs([
      '--summary',
      'a.log',
      '--jobs=3',
      '--tz',
      'Europe/Berlin',
      '-',
      '--json',
      'b',
    ]);
    expect(args).toMatchObject({ summary: true, json: true, jobs: 3, timeZone: 'Europe/Berlin' });
    expect(args.paths).toEqual(['a.log', '-', 'b']);
    expect(parseCliArgs(['--partial'])).toMatchObject({ partial: true, summary: true });
    expect(parseCliArgs(['--merge', 'x.json'])).toMatchObject({ merge: true, paths: ['x.json'] });
    expect(parseCliArgs(['--progress']).progress).toBe(true);
    expect(parseCliArgs(['--no-progress']).progress).toBe(false);
    expect(parseCliArgs(['-h']).help).toBe(true);
    expect(parseCliArgs(['-V']).version).toBe(true);
    expect(parseCliArgs(['--jobs', '1', '--jobs', '4']).jobs).toBe(4);
  });

  it('takes every word after -- for a path, also one that looks like an option', () => {
    expect(parseCliArgs(['--summary', '--', '--json', '-x']).paths).toEqual(['--json', '-x']);
  });

  it('refuses a word that is no option, by its name, and says how to give such a path', () => {
    for (const word of ['--bogus', '-x', '--no-json', '--no-summary', '--Json']) {
      const message = refused([word, 'mail.log']);
      expect(message).toBe(
        `unknown option ${word} (--help lists the options; a path that starts with - goes after --).`,
      );
    }
  });

  it('refuses a value an option does not take, or one it cannot use', () => {
    expect(refused(['--json=yes'])).toBe('--json takes no value.');
    expect(refused(['--jobs', '0'])).toBe('--jobs needs a whole number of 1 or more, not "0".');
    expect(refused(['--jobs=two'])).toBe('--jobs needs a whole number of 1 or more, not "two".');
    expect(refused(['--summary', '--jobs'])).toBe('--jobs needs a whole number of 1 or more.');
    expect(refused(['--tz', 'Mars/Olympus'])).toBe(
      '--tz needs an IANA time zone name such as Europe/Berlin or UTC, not "Mars/Olympus".',
    );
    expect(refused(['--tz'])).toBe('--tz needs an IANA time zone name such as Europe/Berlin or UTC.');
  });

  it('--help lists exactly the options the command reads', () => {
    const text = usage();
    for (const [name, option] of Object.entries(CLI_OPTIONS)) {
      expect(text).toContain(`--${name}`);
      if ('short' in option) expect(text).toContain(`-${option.short}, --${name}`);
    }
    expect(text).toContain('--no-progress');
    const listed = new Set(text.match(/(?<![\w-])--[a-z][\w-]*/g));
    for (const word of listed) {
      const name = word.slice(2).replace(/^no-/, '');
      expect(Object.keys(CLI_OPTIONS), word).toContain(name);
    }
  });

  it('prints the help and the version on standard output, and ends with 0', () => {
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stderr).toBe('');
    expect(help.stdout).toBe(usage());
    const version = run(['-V']);
    expect(version.status).toBe(0);
    expect(version.stderr).toBe('');
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    expect(version.stdout).toBe(
      `icloud-mail-reply-codes ${pkg.version}\n` +
        `rule data: ${rules.length} entries, ${rulesFile}\n` +
        `partial reports: version ${PARTIAL_VERSION}, rule data ${rulesDigest(rules)} (--merge takes only these)\n`,
    );
  });

  // script(1) (util-linux) gives the command a terminal for standard input and output.
  const script = spawnSync('script', ['--version']).status === 0;
  /** The command's output with a terminal for standard input and output, given `args` and what is
   *  typed (\u0004: Ctrl-D). */
  const inTerminal = (args: string, typed: string) => {
    const command = [process.execPath, path.join(root, 'scripts/classify.ts')].map((a) => `'${a}'`).join(' ');
    return spawnSync('script', ['-qec', `${command} ${args}`, '/dev/null'], {
      cwd: root,
      encoding: 'utf8',
      input: typed,
      env: { ...process.env, OUT_DIR: work },
    }).stdout;
  };
  it.skipIf(!script)('run bare in a terminal, says that it reads standard input, and reads it', () => {
    const out = inTerminal('', '550 5.1.1 <x@icloud.com>: user unknown\n\u0004');
    expect(out).toContain(
      'icloud-mail-reply-codes: reading standard input: paste a log excerpt, a bounce message or webhook JSON, then end it with Ctrl-D (--help lists the options)',
    );
    expect(out).toMatch(/^550 5\.1\.1\t/m);
    // Piped, it says nothing of it.
    expect(run(['-'], '550 5.1.1 <x@icloud.com>: user unknown\n').stderr).toBe('');
    // --merge - says what it waits for.
    expect(inTerminal('--merge -', '\u0004')).toContain(
      'icloud-mail-reply-codes: reading standard input: partial reports, one a line, then end it with Ctrl-D',
    );
  });

  it('ends with 2 and one line on standard error for an unknown option, and reads nothing', () => {
    const r = run(['--summary', '--bogus', 'mail.log']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'icloud-mail-reply-codes: unknown option --bogus (--help lists the options; a path that starts with - goes after --).\n',
    );
    const path_ = run(['--', '--bogus']);
    expect(path_.status).toBe(2);
    expect(path_.stderr).toBe('icloud-mail-reply-codes: cannot read --bogus: no such file or folder\n');
  });
});
