// --merge and the Node API's mergeReports(): partial reports (--partial, from other hosts or
// cores) read from disk and combined into the report of all their input (src/lib/report/partial.ts).
import { readFileSync } from 'node:fs';
import { mergeReports, PartialError, type Report } from '../lib/report/index.ts';
import type { RuleEntry } from '../lib/rules.ts';
import { InputError } from './inputs.ts';

/** Each file's partial report, parsed; a file that cannot be read or parsed is an InputError. */
export function readPartials(paths: readonly string[]): { name: string; partial: unknown }[] {
  if (!paths.length)
    throw new InputError('--merge needs the partial reports to merge (files made with --partial).');
  return paths.map((name) => {
    let text: string;
    try {
      text = readFileSync(name, 'utf8');
    } catch (error) {
      throw new InputError(`cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    try {
      return { name, partial: JSON.parse(text) as unknown };
    } catch {
      throw new InputError(`${name} is not a partial report (made with --partial): it is not JSON.`);
    }
  });
}

/** The report of the partial report files, in the order given; a bad one is an InputError. */
export function mergeFiles(paths: readonly string[], rules: readonly RuleEntry[]): Report {
  try {
    return mergeReports(readPartials(paths), rules);
  } catch (error) {
    if (error instanceof PartialError) throw new InputError(error.message);
    throw error;
  }
}
