// The streaming aggregator: whole logs, bounce folders and webhook exports in, one Report out.
// Pure (no DOM, no Node): /analyze/'s worker, `npm run classify -- --summary` and the Node API
// feed it text chunk by chunk (see ./read.ts for reading byte streams and gzip).
import type { Classifier, ClassifyOutcome } from '../classify/index.ts';
import { replyCodes } from '../lexicon.ts';
import type { RuleEntry } from '../rules.ts';
import { FileIntake, type FileInfo } from './intake.ts';
import { LogScanner } from './log-scan.ts';
import type { PartialReport, Shard } from './partial.ts';
import { createPrefilter } from '../classify/prefilter.ts';
import { RecordMemo } from './record-memo.ts';
import { Tally } from './tally.ts';
import { wallClock } from './zones.ts';
import type { FileSummary, ReplyRow, Report } from './types.ts';

export type * from './types.ts';
export type { FileInfo } from './intake.ts';
export { problems } from './problems.ts';
export { REPEATS_TO_SUPPRESS } from './lists.ts';
export { isTimeZone, zonedTime } from './zones.ts';
export {
  mergeReports,
  PartialError,
  PARTIAL_FORMAT,
  PARTIAL_VERSION,
  type PartialReport,
} from './partial.ts';
export {
  INCIDENT_MIN_DELIVERED,
  INCIDENT_MIN_RECIPIENTS,
  INCIDENT_LARGE_WAVE,
  INCIDENT_WINDOW_MS,
} from './incident.ts';

export interface AggregatorOptions {
  classifier: Classifier;
  rules: readonly RuleEntry[];
  /** Classifies anything, decoding a whole email first (the engine's classify, src/lib/engine.ts);
   *  without it messages are read as plain text. */
  classifyAny?: (text: string) => Promise<ClassifyOutcome>;
  /** Per-reply rows kept for the CSV; the counts always cover every reply. */
  rowLimit?: number;
  /** The IANA zone of log times that carry none (syslog); UTC unless given. */
  timeZone?: string;
  /** The time syslog lines' year is judged from when a file has no modification time. */
  now?: number;
}

/** One file being read: write its text in chunks, then end it (or fail it, then end it). */
export interface FileWriter {
  /** A chunk of bytes (UTF-8) or of text; one file is written in one of the two. The bytes are
   *  read or copied before the promise settles, so the caller may fill the same buffer again. */
  write(chunk: string | Uint8Array): Promise<void>;
  end(): Promise<void>;
  fail(problem: string): void;
  readonly summary: FileSummary;
}

export interface Aggregator {
  /** Files are read one after the other: end one before opening the next. */
  file(name: string, info?: FileInfo): FileWriter;
  /** Marks the report as cut short by the user. */
  cancel(): void;
  report(): Report;
  /** The state so far as a partial report, to merge with other shards' (mergeReports); `binary`
   *  keeps the delivered filter a typed array, to pass to another thread (then it is not JSON). */
  partial(binary?: boolean): PartialReport;
  replyRows(): ReplyRow[];
}

/** Each aggregator's tally, for shardOf: the Node API's Aggregator type does not show it. */
const tallies = new WeakMap<Aggregator, Tally>();

/** The aggregator's state as it stands, for a merge in the thread that read it (--jobs): the
 *  partial report would save it only to load it again. */
export function shardOf(aggregator: Aggregator): Shard {
  const tally = tallies.get(aggregator);
  if (!tally) throw new Error('shardOf: not an aggregator made by createAggregator');
  return tally.shard();
}

export function createAggregator(options: AggregatorOptions): Aggregator {
  const tally = new Tally(options.rules, options.rowLimit);
  tally.clock = wallClock(options.timeZone);
  const codes = replyCodes(options.rules.map((r) => r.code));
  const env = {
    classifier: options.classifier,
    classifyAny: options.classifyAny,
    prefilter: createPrefilter(codes),
    records: new RecordMemo(options.classifier),
    scanner: new LogScanner(codes),
    tally,
    now: options.now ?? Date.now(),
  };
  const aggregator: Aggregator = {
    file: (name, info = {}) => new FileIntake(name, info, env),
    cancel: () => void (tally.cancelled = true),
    report: () => tally.report(),
    partial: (binary) => tally.partial(binary),
    replyRows: () => tally.replyRows(),
  };
  tallies.set(aggregator, tally);
  return aggregator;
}
