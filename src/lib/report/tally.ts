// The running totals of a report: every classified reply goes through add() into the state
// (./state.ts); report() derives the Report from it (./derive.ts) and partial() saves it for a
// later merge (./partial.ts). Memory grows with the replies and their recipients, never with the
// log's size.
import type { Classification } from '../classify/index.ts';
import type { RuleEntry } from '../rules.ts';
import { detach } from './detach.ts';
import { deriveReport } from './derive.ts';
import { domainKind } from './domains.ts';
import { savePartial, type PartialReport, type Shard } from './partial.ts';
import { postfixFields, QueueSenders, SENDERS_KEPT } from './postfix-fields.ts';
import { SenderIndex } from './senders.ts';
import { wallClock, type WallClock } from './zones.ts';
import { newState, type TallyState } from './state.ts';
import type { FileSummary, ReplyRow, Report } from './types.ts';

export const ROW_LIMIT = 100_000;

export interface ReplySource {
  file: FileSummary;
  line: number;
  time?: number;
  /** The record the reply came from, for the Postfix fields of its CSV row. */
  record?: string;
}

/** Delivery domains counted, at most (the report lists the top ones). */
const DELIVERY_DOMAINS_KEPT = 10_000;

const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString());

function replyRow(
  r: Classification,
  source: ReplySource,
  recipient: string | undefined,
  senders: QueueSenders,
): ReplyRow {
  const row: ReplyRow = { file: source.file.name, line: source.line, text: r.reply.text };
  if (source.time !== undefined) row.time = iso(source.time);
  if (recipient) row.recipient = recipient;
  if (r.reply.context.host) row.host = r.reply.context.host;
  if (source.record) Object.assign(row, postfixFields(source.record, senders));
  if (r.reply.code !== undefined) row.code = r.reply.code;
  if (r.reply.enhanced) row.enhanced = r.reply.enhanced;
  if (r.entry) row.entry = r.entry.id;
  if (r.confidence) row.confidence = r.confidence;
  if (r.provider) row.provider = r.provider;
  return row;
}

export class Tally {
  readonly state: TallyState = newState();
  /** Envelope senders by Postfix queue id, for the replies' CSV rows (not part of the report). */
  readonly senders: QueueSenders;
  /** Sending domains by queue id, for the breakdowns, while a file is read (not saved). */
  readonly senderDomains = new SenderIndex();
  /** Reads times without a zone (set by the aggregator from its options). */
  clock: WallClock = wallClock('UTC');
  private readonly byId: Map<string, RuleEntry>;
  private readonly incidentEntries: Set<string>;
  private readonly rules: readonly RuleEntry[];
  readonly rowLimit: number;

  constructor(rules: readonly RuleEntry[], rowLimit = ROW_LIMIT) {
    this.rules = rules;
    this.rowLimit = rowLimit;
    this.senders = new QueueSenders(rowLimit > 0 ? SENDERS_KEPT : 0);
    this.byId = new Map(rules.map((r) => [r.id, r]));
    // The entries Apple's incidents produce: iCloud saying the recipient does not exist.
    this.incidentEntries = new Set(rules.filter((r) => r.category === 'recipient-unknown').map((r) => r.id));
  }

  // The file intake (./intake.ts) writes these parts of the state directly.
  get files(): FileSummary[] {
    return this.state.files;
  }
  get delivered() {
    return this.state.delivered;
  }
  get minutes() {
    return this.state.minutes;
  }
  get skipped(): number {
    return this.state.totals.skipped;
  }
  set skipped(n: number) {
    this.state.totals.skipped = n;
  }
  set cancelled(value: boolean) {
    this.state.totals.cancelled = value;
  }
  /** Automatic replies read (see AutoReply): apart from the replies, in no list. */
  get autoReplies(): number {
    return this.state.totals.autoReplies;
  }
  set autoReplies(n: number) {
    this.state.totals.autoReplies = n;
  }

  /** A delivery to any provider; `icloud` when it went to an address Apple may host. */
  countDelivery(address: string, icloud: boolean, time?: number) {
    this.countDeliveryTo(address.slice(address.lastIndexOf('@') + 1).toLowerCase(), icloud, time);
  }

  /** As countDelivery, given the recipient's lower-cased domain. */
  countDeliveryTo(domain: string, icloud: boolean, time?: number) {
    const d = this.state.deliveries;
    d.all++;
    const seen = d.domains.get(domain);
    if (seen !== undefined || d.domains.size < DELIVERY_DOMAINS_KEPT) d.domains.set(domain, (seen ?? 0) + 1);
    if (!icloud) return;
    d.icloud++;
    if (time === undefined) return;
    const minute = Math.floor(time / 60_000);
    d.minutes.set(minute, (d.minutes.get(minute) ?? 0) + 1);
  }

  /** A webhook delivery event: iCloud's when the recipient's domain is Apple's. */
  eventDelivery(address: string) {
    this.delivered.add(address);
    const kind = domainKind(address.toLowerCase()).kind;
    this.countDelivery(address, kind !== 'custom' && kind !== 'unknown');
  }

  add(results: readonly Classification[], source: ReplySource) {
    const { file, time } = source;
    const { totals, rows } = this.state;
    for (const r of results) {
      totals.replies++;
      file.replies++;
      const found = r.reply.context.recipient;
      const recipient = found === undefined ? undefined : detach(found.toLowerCase());
      if (rows.length < this.rowLimit) rows.push(replyRow(r, source, recipient, this.senders));
      if (r.entry) {
        this.addEntry(r.entry, file, time, recipient);
        this.state.breakdowns.add(r, r.entry.id, source.record ?? r.reply.text, time, this.senderDomains);
      } else if (r.looksLikeICloud) totals.icloudUnmatched++;
      else totals.other++;
    }
  }

  private addEntry(entry: RuleEntry, file: FileSummary, time: number | undefined, recipient?: string) {
    const { totals, stats } = this.state;
    totals.icloud++;
    file.icloud++;
    let s = stats.get(entry.id);
    if (!s) stats.set(entry.id, (s = { count: 0 }));
    s.count++;
    if (time !== undefined) {
      if (s.first === undefined || time < s.first) s.first = time;
      if (s.last === undefined || time > s.last) s.last = time;
      if (totals.first === undefined || time < totals.first) totals.first = time;
      if (totals.last === undefined || time > totals.last) totals.last = time;
      this.state.minutes.add(time, entry.id);
    } else totals.undated++;
    const d = domainKind(recipient);
    this.state.domains[d.kind]++;
    const custom = this.state.customDomains;
    if (d.domain) custom.set(d.domain, (custom.get(d.domain) ?? 0) + 1);
    if (!recipient) return;
    this.state.hits.record(recipient, entry.id, entry.suppress === 'after-repeats', time);
    if (this.incidentEntries.has(entry.id))
      this.state.unknownUser.push({ time, recipient, entry: entry.id, delivered: false });
  }

  replyRows(): ReplyRow[] {
    return this.state.rows;
  }

  report(): Report {
    this.state.zone = { zone: this.clock.zone, zoneless: this.clock.read };
    return deriveReport(this.state, this.byId, this.rowLimit);
  }

  /** The state as it stands, its zone noted: what partial() saves. */
  shard(): Shard {
    this.state.zone = { zone: this.clock.zone, zoneless: this.clock.read };
    // The filter's held addresses are set (or its keys sorted) here, in the thread that read them
    // (--jobs): left to the merge, that would be done after every thread is.
    this.state.delivered.flush();
    return { state: this.state, rowLimit: this.rowLimit };
  }

  partial(binary = false): PartialReport {
    const { state, rowLimit } = this.shard();
    return savePartial(state, this.rules, rowLimit, binary);
  }
}
