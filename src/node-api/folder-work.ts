// The work --jobs spreads over threads for a folder of bounce messages (./folder-jobs.ts), done
// alike in the command's own thread and in its workers (./folder-worker.ts): one file's per-reply
// lines, and one run of files' partial report.
import { readFileSync } from 'node:fs';
import type { PartialReport } from '../lib/report/partial.ts';
import type { RuleEntry } from '../lib/rules.ts';
import type { Engine } from './engine.ts';
import type { Input } from './inputs.ts';
import { replyLines } from './reply-lines.ts';

/** What a worker needs to do the work as the command would. */
export interface FolderSettings {
  /** The rule data file. */
  rules: string;
  mode: 'replies' | 'summary';
  asJson: boolean;
  /** SITE: the origin that makes the entries' URLs absolute. */
  site?: string;
  timeZone: string;
}

/** An entry's page, absolute when a site is given (rules.json holds site-relative URLs). */
export const entryLink =
  (site: string | undefined) =>
  (entry: RuleEntry): string =>
    site ? new URL(entry.url, site).href : entry.url;

/** The lines the command prints for one input (a file, or `-` for standard input). */
export async function replyText(
  engine: Engine,
  input: Input,
  asJson: boolean,
  link: (entry: RuleEntry) => string,
): Promise<string> {
  const text = readFileSync(input.path === '-' ? 0 : input.path, 'utf8');
  const name = input.path === '-' ? 'stdin' : input.name;
  return replyLines(name, await engine.classify(text), asJson, link);
}

/** The partial report of a run of files, read as --summary reads them (no per-reply rows). */
export async function runPartial(
  engine: Engine,
  inputs: readonly Input[],
  timeZone: string,
): Promise<PartialReport> {
  // The report code loads only here, as in the command's --summary.
  const { analyzeInputs } = await import('./analyze.ts');
  const newReport = await engine.reports();
  return (await analyzeInputs(inputs, newReport({ rowLimit: 0, timeZone }))).partial();
}
