// The running totals of a report: every classified reply goes through add(); report() turns them
// into the Report. Memory grows with the replies and their recipients, never with the log's size.
import type { Classification } from '../classify/index.ts';
import type { RuleEntry } from '../rules.ts';
import { BreakdownTally } from './breakdowns.ts';
import { DeliveredSet } from './deliveries.ts';
import { detach } from './detach.ts';
import { DOMAIN_KINDS, domainKind } from './domains.ts';
import { findIncidents, type UnknownUserEvent } from './incident.ts';
import { decideLists, recordHit, REPEATS_TO_SUPPRESS, type HitsByAddress } from './lists.ts';
import { SenderIndex } from './senders.ts';
import { MinuteCounts } from './series.ts';
import { wallClock, type WallClock } from './zones.ts';
import type { DomainKind, EntryRow, FileSummary, ReplyRow, Report, Warning } from './types.ts';

export const ROW_LIMIT = 100_000;

interface EntryStats {
  count: number;
  first?: number;
  last?: number;
  recipients: Set<string>;
}

export interface ReplySource {
  file: FileSummary;
  line: number;
  time?: number;
  /** The log line, message or event the replies were found in. */
  record?: string;
}

const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString());

export class Tally {
  readonly files: FileSummary[] = [];
  readonly delivered = new DeliveredSet();
  readonly senders = new SenderIndex();
  private readonly breakdowns = new BreakdownTally();
  /** Reads times without a zone (set by the aggregator from its options). */
  clock: WallClock = wallClock('UTC');
  skipped = 0;
  cancelled = false;
  private replies = 0;
  private icloud = 0;
  private icloudUnmatched = 0;
  private other = 0;
  private undated = 0;
  private first?: number;
  private last?: number;
  private readonly stats = new Map<string, EntryStats>();
  readonly minutes = new MinuteCounts();
  private readonly domains = Object.fromEntries(DOMAIN_KINDS.map((k) => [k, 0])) as Record<
    DomainKind,
    number
  >;
  private readonly customDomains = new Map<string, number>();
  private readonly hits: HitsByAddress = new Map();
  private readonly unknownUser: UnknownUserEvent[] = [];
  private readonly rows: ReplyRow[] = [];
  private readonly byId: Map<string, RuleEntry>;
  private readonly incidentEntries: Set<string>;

  private readonly rowLimit: number;

  constructor(rules: readonly RuleEntry[], rowLimit = ROW_LIMIT) {
    this.rowLimit = rowLimit;
    this.byId = new Map(rules.map((r) => [r.id, r]));
    // The entries Apple's incidents produce: iCloud saying the recipient does not exist.
    this.incidentEntries = new Set(rules.filter((r) => r.category === 'recipient-unknown').map((r) => r.id));
  }

  add(results: readonly Classification[], source: ReplySource) {
    const { file, time } = source;
    for (const r of results) {
      this.replies++;
      file.replies++;
      const found = r.reply.context.recipient;
      const recipient = found === undefined ? undefined : detach(found.toLowerCase());
      if (this.rows.length < this.rowLimit) this.rows.push(this.row(r, source, recipient));
      const entry = r.entry;
      if (!entry) {
        if (r.looksLikeICloud) this.icloudUnmatched++;
        else this.other++;
        continue;
      }
      this.icloud++;
      file.icloud++;
      this.breakdowns.add(r, entry.id, source.record ?? r.reply.text, time, this.senders);
      let s = this.stats.get(entry.id);
      if (!s) this.stats.set(entry.id, (s = { count: 0, recipients: new Set() }));
      s.count++;
      if (time !== undefined) {
        if (s.first === undefined || time < s.first) s.first = time;
        if (s.last === undefined || time > s.last) s.last = time;
        if (this.first === undefined || time < this.first) this.first = time;
        if (this.last === undefined || time > this.last) this.last = time;
        this.minutes.add(time, entry.id);
      } else this.undated++;
      const d = domainKind(recipient);
      this.domains[d.kind]++;
      if (d.domain) this.customDomains.set(d.domain, (this.customDomains.get(d.domain) ?? 0) + 1);
      if (!recipient) continue;
      s.recipients.add(recipient);
      recordHit(this.hits, recipient, entry, time);
      if (this.incidentEntries.has(entry.id))
        this.unknownUser.push({ time, recipient, entry: entry.id, delivered: false });
    }
  }

  private row(r: Classification, source: ReplySource, recipient: string | undefined): ReplyRow {
    const row: ReplyRow = { file: source.file.name, line: source.line, text: r.reply.text };
    if (source.time !== undefined) row.time = iso(source.time);
    if (recipient) row.recipient = recipient;
    if (r.reply.context.host) row.host = r.reply.context.host;
    if (r.reply.code !== undefined) row.code = r.reply.code;
    if (r.reply.enhanced) row.enhanced = r.reply.enhanced;
    if (r.entry) row.entry = r.entry.id;
    if (r.confidence) row.confidence = r.confidence;
    if (r.provider) row.provider = r.provider;
    return row;
  }

  replyRows(): ReplyRow[] {
    return this.rows;
  }

  report(): Report {
    const titles = new Map([...this.byId].map(([id, e]) => [id, e.title]));
    for (const e of this.unknownUser) e.delivered = this.delivered.has(e.recipient);
    const incidents = findIncidents(this.unknownUser, titles);
    const inIncident = new Set(incidents.flatMap((i) => i.events.map((e) => `${e.recipient}\n${e.entry}`)));
    const { suppressList, keepList } = decideLists(this.hits, this.byId, (a, id) =>
      inIncident.has(`${a}\n${id}`),
    );

    const rows: EntryRow[] = [...this.stats]
      .map(([id, s]) => {
        const e = this.byId.get(id)!;
        const row: EntryRow = {
          id,
          title: e.title,
          path: e.path,
          code: e.code,
          outcome: e.outcome,
          retry: e.retry,
          suppress: e.suppress,
          count: s.count,
          share: this.icloud ? s.count / this.icloud : 0,
          recipients: s.recipients.size,
        };
        if (e.enhanced) row.enhanced = e.enhanced;
        if (e.retryDelay) row.retryDelay = e.retryDelay;
        if (s.first !== undefined) row.first = iso(s.first);
        if (s.last !== undefined) row.last = iso(s.last);
        return row;
      })
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));

    const warnings: Warning[] = incidents.map((i) => i.warning);
    if (this.rowLimit > 0 && this.replies > this.rows.length)
      warnings.push({
        kind: 'rows-limit',
        message: `The per-reply CSV holds the first ${this.rows.length.toLocaleString('en')} of ${this.replies.toLocaleString('en')} replies; every count in this report includes all of them.`,
        stored: this.rows.length,
        total: this.replies,
      });

    const sum = (k: 'lines' | 'records' | 'bytes') => this.files.reduce((n, f) => n + f[k], 0);
    const report: Report = {
      files: this.files,
      bytes: sum('bytes'),
      lines: sum('lines'),
      records: sum('records'),
      skipped: this.skipped,
      replies: this.replies,
      icloud: this.icloud,
      icloudUnmatched: this.icloudUnmatched,
      other: this.other,
      delivered: this.delivered.count,
      entries: Object.fromEntries(rows.map((r) => [r.id, r.count])),
      rows,
      domains: { ...this.domains },
      customDomains: [...this.customDomains]
        .map(([domain, count]) => ({ domain, count }))
        .sort((a, b) => b.count - a.count || a.domain.localeCompare(b.domain))
        .slice(0, 50),
      undated: this.undated,
      warnings,
      suppress: suppressList.map((a) => a.address),
      keep: keepList.map((a) => a.address),
      suppressList,
      keepList,
      repeatsToSuppress: REPEATS_TO_SUPPRESS,
      problems: this.files.filter((f) => f.problem).map((f) => ({ file: f.name, message: f.problem! })),
    };
    if (this.first !== undefined) report.first = iso(this.first);
    if (this.last !== undefined) report.last = iso(this.last);
    const series = this.minutes.series();
    if (series) report.series = series;
    if (this.cancelled) report.cancelled = true;
    if (this.icloud) {
      report.breakdowns = this.breakdowns.breakdowns();
      report.replyFacts = this.breakdowns.replyFacts();
    }
    report.timeZone = { zone: this.clock.zone, zoneless: this.clock.read };
    return report;
  }
}
