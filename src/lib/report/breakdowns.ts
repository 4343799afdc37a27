// The breakdowns a block of iCloud refusals needs (by sending domain, by iCloud MX host, by the
// sending IP a reply names, bounced against deferred) and each distinct iCloud reply with the
// facts the message to Apple asks for: its count, Txn IDs, the IPs it names, when it came.
import type { Classification } from '../classify/index.ts';
import { namedIps, replyKey, txnIds } from '../apple-facts.ts';
import { textOrder } from '../text-order.ts';
import { detach } from './detach.ts';
import type { SenderIndex } from './senders.ts';
import type { Breakdowns, Count, ReportedReply } from './types.ts';

/** Distinct replies kept; past it further wordings are only counted in the breakdowns. */
const MAX_REPLIES = 100;
/** Txn IDs, IPs and domains kept per reply (the draft to Apple needs a few, not thousands). */
const MAX_PER_REPLY = 50;
const SHOWN = 50;
const STATUS = /\bstatus=(bounced|deferred)\b/;
const RELAY = /\brelay=([^\s[\],]+)/;

interface Held {
  entry: string;
  text: string;
  count: number;
  txnIds: Set<string>;
  ips: Set<string>;
  senders: Set<string>;
  first?: number;
  last?: number;
}

const bump = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);
const addSome = (set: Set<string>, items: Iterable<string>) => {
  for (const i of items) if (set.size < MAX_PER_REPLY) set.add(detach(i));
};
const ranked = (m: Map<string, number>): Count[] =>
  [...m]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || textOrder(a.key, b.key))
    .slice(0, SHOWN);
const iso = (t?: number) => (t === undefined ? undefined : new Date(t).toISOString());

export class BreakdownTally {
  private readonly senders = new Map<string, number>();
  private readonly hosts = new Map<string, number>();
  private readonly ips = new Map<string, number>();
  private readonly status = { bounced: 0, deferred: 0 };
  private readonly replies = new Map<string, Held>();

  /** One iCloud reply, from `record` (the log line, message or event it was found in). */
  add(r: Classification, entry: string, record: string, time: number | undefined, index: SenderIndex) {
    const sender = index.domainFor(record);
    if (sender) bump(this.senders, sender);
    const host = r.reply.context.host ?? RELAY.exec(record)?.[1];
    if (host) bump(this.hosts, detach(host.toLowerCase()));
    const ips = namedIps(r.reply.text);
    for (const ip of ips) bump(this.ips, detach(ip));
    const status = STATUS.exec(record)?.[1];
    if (status === 'deferred' || (!status && String(r.reply.code ?? '').startsWith('4')))
      this.status.deferred++;
    else this.status.bounced++;

    const key = `${entry}\n${replyKey(r.reply.text)}`;
    let held = this.replies.get(key);
    if (!held) {
      if (this.replies.size >= MAX_REPLIES) return;
      const text = detach(r.reply.text);
      held = { entry, text, count: 0, txnIds: new Set(), ips: new Set(), senders: new Set() };
      this.replies.set(key, held);
    }
    held.count++;
    addSome(held.txnIds, txnIds(r.reply.text));
    addSome(held.ips, ips);
    if (sender) addSome(held.senders, [sender]);
    if (time !== undefined) {
      if (held.first === undefined || time < held.first) held.first = time;
      if (held.last === undefined || time > held.last) held.last = time;
    }
  }

  /** The tally as JSON, for a partial report (./partial.ts). */
  save() {
    const replies = [...this.replies].map(([key, h]) => [
      key,
      { ...h, txnIds: [...h.txnIds], ips: [...h.ips], senders: [...h.senders] },
    ]);
    return {
      senders: [...this.senders],
      hosts: [...this.hosts],
      ips: [...this.ips],
      status: this.status,
      replies,
    };
  }

  static load(saved: ReturnType<BreakdownTally['save']>): BreakdownTally {
    const t = new BreakdownTally();
    for (const [k, v] of saved.senders) t.senders.set(k, v);
    for (const [k, v] of saved.hosts) t.hosts.set(k, v);
    for (const [k, v] of saved.ips) t.ips.set(k, v);
    Object.assign(t.status, saved.status);
    for (const [key, h] of saved.replies as [
      string,
      Omit<Held, 'txnIds' | 'ips' | 'senders'> & Record<'txnIds' | 'ips' | 'senders', string[]>,
    ][])
      t.replies.set(key, {
        ...h,
        txnIds: new Set(h.txnIds),
        ips: new Set(h.ips),
        senders: new Set(h.senders),
      });
    return t;
  }

  /** Adds a later shard's tally to this one. */
  merge(other: BreakdownTally): BreakdownTally {
    for (const [mine, theirs] of [
      [this.senders, other.senders],
      [this.hosts, other.hosts],
      [this.ips, other.ips],
    ])
      for (const [k, v] of theirs!) mine!.set(k, (mine!.get(k) ?? 0) + v);
    this.status.bounced += other.status.bounced;
    this.status.deferred += other.status.deferred;
    for (const [key, h] of other.replies) {
      const held = this.replies.get(key);
      if (!held) {
        if (this.replies.size < MAX_REPLIES) this.replies.set(key, h);
        continue;
      }
      held.count += h.count;
      addSome(held.txnIds, h.txnIds);
      addSome(held.ips, h.ips);
      addSome(held.senders, h.senders);
      if (h.first !== undefined && (held.first === undefined || h.first < held.first)) held.first = h.first;
      if (h.last !== undefined && (held.last === undefined || h.last > held.last)) held.last = h.last;
    }
    return this;
  }

  breakdowns(): Breakdowns {
    return {
      senders: ranked(this.senders),
      hosts: ranked(this.hosts),
      ips: ranked(this.ips),
      status: { ...this.status },
    };
  }

  /** The distinct replies, most frequent first. */
  replyFacts(): ReportedReply[] {
    return [...this.replies.values()]
      .sort((a, b) => b.count - a.count || textOrder(a.text, b.text))
      .map((h) => {
        const out: ReportedReply = {
          entry: h.entry,
          text: h.text,
          count: h.count,
          txnIds: [...h.txnIds],
          ips: [...h.ips],
          senders: [...h.senders],
        };
        if (h.first !== undefined) out.first = iso(h.first);
        if (h.last !== undefined) out.last = iso(h.last);
        return out;
      });
  }
}
