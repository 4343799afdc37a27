// The command line's program (`icloud-mail-reply-codes [--json] [--summary] [file|folder|- ...]`,
// also `npm run classify`): the classifier in a terminal, for mail logs and bounces on a server.
// Without --summary it prints one line per SMTP reply, in input order (./print-replies.ts); with
// --summary it streams the inputs (.gz read as gzip) through the report aggregator /analyze/ uses
// and prints the report (one JSON object with --json; log times without a zone are read in --tz's
// IANA zone, UTC unless given). --partial prints the aggregator's state instead, for --merge to
// combine with other shards' into the report; a terminal sees the progress (./progress.ts). The
// options are read by ./cli-args.ts and listed by --help (./cli-usage.ts). A bad option or path,
// missing or broken rule data: one line, exit 2.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from '../lib/report/types.ts';
import { engineFromFile, MissingRulesError, type Engine } from './engine.ts';
import { parseCliArgs, type CliArgs } from './cli-args.ts';
import { folderThreads, worthFolderJobs, worthJobs } from './cli-jobs.ts';
import { COMMAND } from './command-name.ts';
import { expandInputs, inputBytes, InputError, type Input } from './inputs.ts';
import { writeJsonLine } from './json-out.ts';
import { fs } from './node-fs.ts';
import { pageUrl } from './page-url.ts';
import { printReplies } from './print-replies.ts';
import { rerunWithSmallHeap, wantsSmallHeap } from './small-heap.ts';

function fail(message: string): never {
  process.stderr.write(`${COMMAND}: ${message}\n`);
  process.exit(2);
}

/** OUT_DIR's rules.json when it is set, else the given default. */
export function rulesFile(fallback: string | URL): string {
  if (process.env.OUT_DIR) return path.resolve(process.env.OUT_DIR, 'rules.json');
  return typeof fallback === 'string' ? path.resolve(fallback) : fileURLToPath(fallback);
}

function openEngine(file: string): Engine {
  try {
    return engineFromFile(file);
  } catch (error) {
    fail(
      error instanceof MissingRulesError
        ? `no rule data at ${file}: run \`npm run build\` first.`
        : error instanceof Error
          ? error.message
          : String(error),
    );
  }
}

/** Whether file descriptor `fd` is a terminal. Loading node:tty to ask (or touching process.stderr,
 *  which loads it) is 5 % of a small summary's work, so only a character device is asked: a pipe
 *  or a file, as in a script or a job runner, is never one. */
function isTerminal(fd: number): boolean {
  try {
    return fs.fstatSync(fd).isCharacterDevice() && process.getBuiltinModule('node:tty').isatty(fd);
  } catch {
    return false;
  }
}

/** The progress line when it is to be shown (`show`), of the inputs' bytes; `then` is what follows
 *  the reading. */
async function startProgress(inputs: readonly Input[], show: boolean, terminal: boolean, then?: string) {
  if (!show) return undefined;
  const { Progress } = await import('./progress.ts');
  const total = inputs.some((i) => i.path === '-') ? undefined : inputBytes(inputs);
  return new Progress(process.stderr, total, terminal, then);
}

/** The --jobs workers' scripts: for big logs (./job-worker.ts), big folders of small files
 *  (./folder-worker.ts) and big logs per reply (./reply-worker.ts). */
export interface JobWorkers {
  logs: URL;
  folders: URL;
  replies: URL;
}

/** Runs the command line with its arguments and the rule data file to use; without `workers`,
 *  one job. */
export async function main(argv: readonly string[], rules: string, workers?: JobWorkers): Promise<void> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (error instanceof InputError) fail(error.message);
    throw error;
  }
  if (args.help) return void process.stdout.write((await import('./cli-usage.ts')).usage());
  const { json: asJson, partial, merge, summary, jobs, timeZone, paths } = args;
  // Run bare in a terminal, the command waits for what is typed or pasted: it says so.
  if (!args.version && (merge ? paths.includes('-') : !paths.length || paths.includes('-')) && isTerminal(0))
    process.stderr.write(
      `${COMMAND}: reading standard input: ${merge ? 'partial reports, one a line' : 'paste a log excerpt, a bounce message or webhook JSON'}, then end it with Ctrl-D (--help lists the options)\n`,
    );
  // A reader that stops early (`| head`) closes the pipe: the run ends quietly, as grep's does.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const engine = openEngine(rules);
  if (args.version)
    return void process.stdout.write((await import('./cli-usage.ts')).versionText(engine.rules, rules));
  const site = process.env.SITE;
  const absolute = pageUrl(site);
  const printReport = async (report: Report) => {
    if (asJson) return writeJsonLine(report);
    const { summaryText } = await import('./summary-text.ts');
    const byPath = new Map(engine.rules.map((r) => [r.path, r]));
    const link = (p: string) => absolute(byPath.get(p)?.url ?? `/${p}`);
    process.stdout.write(`${summaryText(report, link)}\n`);
  };
  try {
    if (merge) {
      const { mergeFiles } = await import('./merge.ts');
      return await printReport(mergeFiles(paths, engine.rules));
    }
    if (summary) {
      const inputs = expandInputs(paths.length ? paths : ['-']);
      const inFolderJobs = workers !== undefined && worthFolderJobs(inputs, jobs);
      // The --jobs workers for big logs read times as UTC: another zone runs as one job.
      const inWorkers =
        workers !== undefined && !inFolderJobs && timeZone === 'UTC' && worthJobs(inputs, jobs);
      // Those workers start with a small young generation of their own; this thread, which reads a
      // part too, keeps V8's rather than start the command again.
      if (!inWorkers && wantsSmallHeap(inputs)) rerunWithSmallHeap();
      const terminal = isTerminal(2);
      const progress = await startProgress(inputs, args.progress ?? terminal, terminal, 'making the report');
      // The report code loads only here; the terminal prints no per-reply CSV, so no rows are kept.
      const { analyzeInputs } = await import('./analyze.ts');
      const newReport = await engine.reports();
      const aggregator =
        inFolderJobs && workers
          ? await (
              await import('./folder-jobs.ts')
            ).summaryInJobs(inputs, folderThreads(inputs, jobs), {
              engine,
              worker: workers.folders,
              settings: { rules, timeZone },
              progress,
            })
          : inWorkers && workers
            ? await (
                await import('./jobs.ts')
              ).runJobs(inputs, jobs, { rulesFile: rules, engine, worker: workers.logs, progress })
            : await analyzeInputs(inputs, newReport({ rowLimit: 0, timeZone }), progress?.add);
      progress?.done();
      if (partial) {
        const saved = JSON.stringify(aggregator.partial());
        progress?.clear();
        return void process.stdout.write(`${saved}\n`);
      }
      const report = aggregator.report();
      progress?.clear();
      return await printReport(report);
    }
    const inputs = expandInputs(paths.length ? paths : ['-']);
    // The replies would mix with the line on a terminal: it shows when they go elsewhere.
    const terminal = isTerminal(2);
    const progress = await startProgress(
      inputs,
      args.progress ?? (terminal && !process.stdout.isTTY),
      terminal,
    );
    await printReplies(inputs, {
      engine,
      asJson,
      link: (entry) => absolute(entry.url),
      progress,
      jobs: workers && { jobs, worker: workers.replies, rules, site },
    });
    progress?.done();
    progress?.clear();
  } catch (error) {
    if (error instanceof InputError) fail(error.message);
    throw error;
  }
}
