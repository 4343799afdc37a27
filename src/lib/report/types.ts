// The report the aggregator (createAggregator in ./index.ts) builds from whole logs, bounce folders and webhook
// exports. /analyze/, `npm run classify -- --summary` and the Node API all produce this shape.
import type { ICLOUD_DOMAINS } from '../apple-domains.ts';
import type { RuleRecord } from '../rules.ts';

/** How a file was read: line by line (a mail log), by paragraph (bounce text without headers), one
 *  JSON event per line, one JSON document, one email message, or an mbox of messages. */
export type FileFormat = 'log' | 'text' | 'json-lines' | 'json' | 'eml' | 'mbox';

export interface FileSummary {
  name: string;
  /** Bytes read from disk (compressed size for .gz). */
  bytes: number;
  format?: FileFormat;
  gzip: boolean;
  lines: number;
  /** Lines of a log, paragraphs, events or messages: the units classified one at a time. */
  records: number;
  replies: number;
  icloud: number;
  /** What was wrong with the file, in a sentence naming it; the rest of the report stands. */
  problem?: string;
}

/** One row per iCloud entry: the entry's own facts (from its rule record), then the counts. */
export type EntryRow = Pick<
  RuleRecord,
  'id' | 'title' | 'path' | 'code' | 'enhanced' | 'outcome' | 'retry' | 'retryDelay' | 'suppress' | 'category'
> & {
  count: number;
  /** Share of the iCloud replies, 0–1. */
  share: number;
  /** ISO 8601 times of the first and last dated reply; absent when no reply carried a time. */
  first?: string;
  last?: string;
  recipients: number;
};

export type DomainKind = (typeof ICLOUD_DOMAINS)[number] | 'custom' | 'relay' | 'unknown';

export interface SeriesBucket {
  /** ISO start of the bucket. */
  start: string;
  counts: Record<string, number>;
  /** Deliveries to Apple-hosted addresses seen in the bucket, for the refusal rate. */
  delivered?: number;
}

/** A key (a domain, a host, an IP) and how many iCloud replies it had. */
export interface Count {
  key: string;
  count: number;
}

/** The iCloud replies broken down the ways a block of refusals is investigated. */
export interface Breakdowns {
  /** By the envelope sender's domain (a log's `from=<…>` joined by queue id, a DSN's or event's). */
  senders: Count[];
  /** By the iCloud MX host that replied (mx01.mail.icloud.com, …). */
  hosts: Count[];
  /** By the sending IP a reply names (`?ip=` in Proofpoint links, "Mail from IP …"). */
  ips: Count[];
  /** Refused for good (5xx, `status=bounced`) against deferred (4xx, `status=deferred`). */
  status: { bounced: number; deferred: number };
}

/** One distinct iCloud reply (replies differing only in their Txn ID are one), with the facts the
 *  message to Apple asks for. */
export interface ReportedReply {
  entry: string;
  text: string;
  count: number;
  txnIds: string[];
  ips: string[];
  /** Sending domains of the mail it refused. */
  senders: string[];
  first?: string;
  last?: string;
}

/** The zone times without one were read in (and the report's times are shown in). */
export interface ReportZone {
  zone: string;
  /** Times read without a zone of their own. */
  zoneless: number;
}

export interface Series {
  bucketMinutes: number;
  buckets: SeriesBucket[];
}

export interface IncidentWarning {
  kind: 'incident';
  message: string;
  from?: string;
  to?: string;
  /** Distinct recipients with an unknown-user reply inside the window. */
  recipients: number;
  /** How many of them received mail elsewhere in the same input. */
  delivered: number;
  entries: Record<string, number>;
}

export interface LimitWarning {
  kind: 'rows-limit';
  message: string;
  stored: number;
  total: number;
}

export type Warning = IncidentWarning | LimitWarning;

/** Why a kept address is kept: `retry` (a transient refusal: the queue may try again now),
 *  `fix-first` (a refusal whose cause is on the sending side or not yet repeated enough), or
 *  `incident` (a suspected Apple incident: resend once it is over). */
export type KeepGroup = 'retry' | 'fix-first' | 'incident';

export interface ListedAddress {
  address: string;
  /** The entry that decided, and the reason in a sentence. */
  entry: string;
  reason: string;
  /** Set on kept addresses. */
  group?: KeepGroup;
}

/** Deliveries seen in the input, to every provider, and those to addresses Apple may host. */
export interface Deliveries {
  all: number;
  icloud: number;
  /** Recipient domains with the most deliveries (at most 10). */
  domains: { domain: string; count: number }[];
}

/** Rates over the iCloud attempts: deliveries to iCloud plus iCloud replies. */
export interface Rates {
  attempts: number;
  /** iCloud replies (with or without an entry): each one an attempt iCloud refused. */
  refused: number;
  /** refused / attempts, 0–1. */
  refusedShare: number;
  /** iCloud deliveries / all deliveries, 0–1. */
  icloudShareOfDeliveries: number;
}

/** One item of the ranked "what to do first" list (./todo.ts). */
export interface TodoItem {
  kind: 'entry' | 'incident';
  /** The entry the item links to (for an incident: its largest entry). */
  entry: string;
  title: string;
  /** The entry page's path; its steps are at `#what-to-do`. */
  path: string;
  replies: number;
  /** Share of the iCloud attempts, 0–1. */
  share: number;
  permanent: boolean;
  /** A wave since a time: `new` (it began after most of the attempts) or `rising`. */
  trend?: { kind: 'new' | 'rising'; since: string };
  /** The one thing to do, in a sentence. */
  action: string;
}

export interface Report {
  files: FileSummary[];
  bytes: number;
  lines: number;
  records: number;
  /** Lines the prefilter skipped: they cannot hold an SMTP reply. */
  skipped: number;
  replies: number;
  /** Replies credited to an iCloud entry. */
  icloud: number;
  /** Replies that look like iCloud's but match no entry. */
  icloudUnmatched: number;
  /** Replies from other providers or with no sign of iCloud. */
  other: number;
  /** Messages that were vacation or out-of-office replies: counted apart, never a bounce. */
  autoReplies: number;
  /** Deliveries seen to addresses Apple may host: log lines (Postfix status=sent, Exim =>,
   *  Sendmail stat=Sent) naming an Apple host or domain, and every ESP delivered event. */
  delivered: number;
  deliveries: Deliveries;
  rates: Rates;
  /** The problems ranked, largest first (./todo.ts). */
  todo: TodoItem[];
  first?: string;
  last?: string;
  /** Entry id → iCloud replies. */
  entries: Record<string, number>;
  rows: EntryRow[];
  domains: Record<DomainKind, number>;
  customDomains: { domain: string; count: number }[];
  series?: Series;
  /** iCloud replies without a time (left out of the chart). */
  undated: number;
  warnings: Warning[];
  suppress: string[];
  keep: string[];
  suppressList: ListedAddress[];
  keepList: ListedAddress[];
  /** `after-repeats` entries suppress an address once it got the reply on this many days. */
  repeatsToSuppress: number;
  problems: { file: string; message: string }[];
  cancelled?: boolean;
  breakdowns?: Breakdowns;
  /** Each distinct iCloud reply, most frequent first (at most 100). */
  replyFacts?: ReportedReply[];
  timeZone?: ReportZone;
}

/** One reply found, as in the per-reply CSV. */
export interface ReplyRow {
  file: string;
  /** First line of the record the reply came from (1-based). */
  line: number;
  time?: string;
  recipient?: string;
  host?: string;
  /** Postfix's queue id, the envelope sender of that queue id, `status=` and `delay=`. */
  queueId?: string;
  sender?: string;
  status?: string;
  delay?: string;
  code?: number;
  enhanced?: string;
  entry?: string;
  confidence?: string;
  provider?: string;
  text: string;
}
