// The package's Node API: the classifier bound to the rule data it was built with, and the
// streaming report aggregator, for people who process bounces in their own code.
//
//   import { classify, analyzeFiles } from 'icloud-mail-reply-codes';
//   classify('554 5.7.1 [HM08] Message rejected due to local policy').results[0]?.entry?.id;
//   (await analyzeFiles(['/var/log/mail.log.1.gz'])).entries;
import type { ClassifyOutcome } from '../lib/classify/index.ts';
import { mergeReports as mergeWith, type Aggregator, type Report } from '../lib/report/index.ts';
import type { RuleEntry } from '../lib/rules.ts';
import { analyzePaths, type OnProgress } from './analyze.ts';
import { engineFromFile } from './engine.ts';

export type {
  AutoReply,
  AutoReplyKind,
  Classification,
  ClassifyOutcome,
  Confidence,
  ExtractedReply,
  ReplyContext,
} from '../lib/classify/index.ts';
export type * from '../lib/report/types.ts';
export type { Aggregator, FileWriter } from '../lib/report/index.ts';
export type { RuleEntry } from '../lib/rules.ts';
export { readStream, type ReadOptions } from '../lib/report/read.ts';
export { PartialError, PARTIAL_FORMAT, PARTIAL_VERSION, type PartialReport } from '../lib/report/index.ts';
export { InputError } from './inputs.ts';
export type { OnProgress } from './analyze.ts';

const engine = engineFromFile(new URL('../rules.json', import.meta.url));
const newReport = await engine.reports();

/** The rule data of the site build this package was packed from (its /rules.json). */
export const rules: readonly RuleEntry[] = engine.rules;

/** Every SMTP reply in a log excerpt, bounce text or webhook JSON, with its entry (if any). */
export function classify(text: string): ClassifyOutcome {
  return engine.classifyText(text);
}

/** Like classify(), but decodes a whole email message (MIME, quoted-printable, base64) first. */
export function classifyEmail(text: string): Promise<ClassifyOutcome> {
  return engine.classify(text);
}

/** A streaming aggregator: open a file, write its text in chunks, end it, then read report(). */
export function createReport(options: { rowLimit?: number } = {}): Aggregator {
  return newReport(options);
}

export interface AnalyzeFilesOptions {
  /** Called as the files are read. */
  onProgress?: OnProgress;
}

/** The report for files and folders on disk (`.gz` unpacked, `-` for standard input). */
export async function analyzeFiles(
  paths: readonly string[],
  options: AnalyzeFilesOptions = {},
): Promise<Report> {
  return (await analyzePaths(paths, newReport(), options.onProgress)).report();
}

/** The report of partial reports (an aggregator's partial(), or `--partial` output parsed), as one
 *  process would make of all their input, in the order given; throws PartialError for a bad one. */
export function mergeReports(partials: readonly unknown[]): Report {
  return mergeWith(
    partials.map((partial, i) => ({ name: `partial report ${i + 1}`, partial })),
    engine.rules,
  );
}
