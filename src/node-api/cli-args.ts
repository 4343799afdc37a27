// The command's arguments (./cli.ts), read with Node's util.parseArgs: its options, each checked,
// and the paths. A word that is no option of the command is an error naming it, not a path that
// cannot be read; a path that starts with `-` goes after `--`.
import { availableParallelism } from 'node:os';
import { isTimeZone } from '../lib/report/zones.ts';
import { InputError } from './inputs.ts';

// node:util through getBuiltinModule: an `import` of it builds its module namespace at every
// start, a fifth of the command's start-up instructions on an empty input.
const { parseArgs } = process.getBuiltinModule('node:util');

export const CLI_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
  json: { type: 'boolean' },
  summary: { type: 'boolean' },
  partial: { type: 'boolean' },
  merge: { type: 'boolean' },
  progress: { type: 'boolean' },
  jobs: { type: 'string' },
  tz: { type: 'string' },
} as const;

type Name = keyof typeof CLI_OPTIONS;

export interface CliArgs {
  help: boolean;
  version: boolean;
  json: boolean;
  /** --summary, or --partial, which reads as --summary does. */
  summary: boolean;
  partial: boolean;
  merge: boolean;
  /** --progress (true), --no-progress (false), or neither: shown when standard error is a terminal. */
  progress: boolean | undefined;
  jobs: number;
  /** The IANA zone of log times without one. */
  timeZone: string;
  paths: string[];
}

const isName = (name: string): name is Name => Object.hasOwn(CLI_OPTIONS, name);

function jobsOf(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  if (!/^[1-9]\d*$/.test(value))
    throw new InputError(`--jobs needs a whole number of 1 or more${value ? `, not "${value}"` : ''}.`);
  return Number(value);
}

function zoneOf(value: string | undefined): string {
  if (value === undefined) return 'UTC';
  if (!value || !isTimeZone(value))
    throw new InputError(
      `--tz needs an IANA time zone name such as Europe/Berlin or UTC${value ? `, not "${value}"` : ''}.`,
    );
  return value;
}

/** The command's arguments; InputError for an unknown option, a value missing, or one not wanted. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  // Not strict: its errors are Node's sentences; the tokens let each one be said here.
  const { values, positionals, tokens } = parseArgs({
    args: [...argv],
    options: CLI_OPTIONS,
    strict: false,
    allowPositionals: true,
    allowNegative: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const { name, rawName } = token;
    const negated = rawName.startsWith('--no-');
    if (!isName(name) || (negated && name !== 'progress'))
      throw new InputError(
        `unknown option ${rawName} (--help lists the options; a path that starts with - goes after --).`,
      );
    if (CLI_OPTIONS[name].type === 'boolean' && token.value !== undefined)
      throw new InputError(`${rawName} takes no value.`);
  }
  const flag = (name: Name) => values[name] === true;
  // A value option at the end, with no value, is read as an empty one: its check says what it needs.
  const string = (name: Name) => {
    const v = values[name];
    return v === undefined ? undefined : typeof v === 'string' ? v : '';
  };
  return {
    help: flag('help'),
    version: flag('version'),
    json: flag('json'),
    summary: flag('summary') || flag('partial'),
    partial: flag('partial'),
    merge: flag('merge'),
    progress: typeof values.progress === 'boolean' ? values.progress : undefined,
    jobs: jobsOf(string('jobs')),
    timeZone: zoneOf(string('tz')),
    paths: positionals,
  };
}
