// The report's "what to do first": the problems in the input ranked, largest first, each with its
// share of the iCloud attempts, whether it is a new or rising wave, and the one action to take.
//
// Ranking: replies × weight, where a permanent refusal weighs PERMANENT_WEIGHT and a transient one 1,
// so a policy block ranks above deferrals of the same size (a deferral is often delivered on a later
// try; a bounce never is) unless the deferrals are more than twice as many.
//
// Trends, from the dated iCloud attempts other than the entry's own replies (deliveries to iCloud
// and the other iCloud replies, per minute), so a large wave does not move the line it is judged by:
// - `new` since the entry's first reply, when that reply came after more than half of them;
// - `rising` since its first reply in the later half of the attempts' time span, when that half
//   holds at least RISING_MIN of its replies and RISING_FACTOR times as many as the earlier half.
// Fewer than TREND_MIN_ATTEMPTS dated attempts give no trend.
import { textOrder } from '../text-order.ts';
import { CATEGORIES, RETRY, SUPPRESS } from '../vocabulary.ts';
import type { EntryRow, IncidentWarning, TodoItem } from './types.ts';

export const PERMANENT_WEIGHT = 2;
export const RISING_FACTOR = 3;
export const RISING_MIN = 5;
export const TREND_MIN_ATTEMPTS = 10;
export const TODO_LENGTH = 5;

const MINUTE = 60_000;

/** Minute (ms since the epoch / 60,000) → count. */
export type MinuteMap = ReadonlyMap<number, number>;

export interface TodoInput {
  rows: readonly EntryRow[];
  incidents: readonly IncidentWarning[];
  attempts: number;
  /** Dated iCloud attempts per minute. */
  attemptMinutes: MinuteMap;
  /** Entry id → its replies per minute. */
  entryMinutes: ReadonlyMap<string, MinuteMap>;
}

const iso = (minute: number) => new Date(minute * MINUTE).toISOString();

/** The minute by which more than half of the dated attempts had happened, and the span. */
function timeline(attempts: MinuteMap) {
  const minutes = [...attempts.keys()].sort((a, b) => a - b);
  const total = minutes.reduce((n, m) => n + attempts.get(m)!, 0);
  if (total < TREND_MIN_ATTEMPTS) return undefined;
  let seen = 0;
  let median = minutes[0]!;
  for (const m of minutes) {
    seen += attempts.get(m)!;
    median = m;
    if (seen * 2 > total) break;
  }
  return { median, mid: (minutes[0]! + minutes.at(-1)!) / 2 };
}

export function trendOf(replies: MinuteMap | undefined, attempts: MinuteMap): TodoItem['trend'] | undefined {
  if (!replies?.size) return undefined;
  const others = new Map(attempts);
  for (const [m, c] of replies) others.set(m, Math.max(0, (others.get(m) ?? 0) - c));
  const line = timeline(others);
  if (!line) return undefined;
  const minutes = [...replies.keys()].sort((a, b) => a - b);
  if (minutes[0]! > line.median) return { kind: 'new', since: iso(minutes[0]!) };
  let before = 0;
  let after = 0;
  for (const m of minutes) {
    if (m < line.mid) before += replies.get(m)!;
    else after += replies.get(m)!;
  }
  if (after < RISING_MIN || after < RISING_FACTOR * before) return undefined;
  return { kind: 'rising', since: iso(minutes.find((m) => m >= line.mid)!) };
}

export function actionFor(row: Pick<EntryRow, 'category' | 'retry' | 'retryDelay' | 'suppress'>): string {
  const retry = row.retryDelay ? `${RETRY[row.retry]} (${row.retryDelay})` : RETRY[row.retry];
  return `${CATEGORIES[row.category]}: ${retry.toLowerCase()}; ${SUPPRESS[row.suppress].toLowerCase()}.`;
}

const score = (t: TodoItem) => t.replies * (t.permanent ? PERMANENT_WEIGHT : 1);

/** The ranked list: a suspected incident is one item, and its replies leave their entries' items. */
export function rankTodo(input: TodoInput): TodoItem[] {
  const share = (n: number) => (input.attempts ? n / input.attempts : 0);
  const left = new Map(input.rows.map((r) => [r.id, r.count]));
  const byId = new Map(input.rows.map((r) => [r.id, r]));
  const items: TodoItem[] = [];
  for (const w of input.incidents) {
    const counts = Object.entries(w.entries).sort((a, b) => b[1] - a[1]);
    const replies = counts.reduce((n, [, c]) => n + c, 0);
    for (const [id, c] of counts) left.set(id, (left.get(id) ?? 0) - c);
    const row = byId.get(counts[0]![0]);
    if (!row) continue;
    const item: TodoItem = {
      kind: 'incident',
      entry: row.id,
      title: `Possible Apple incident: ${w.recipients} recipients told they do not exist`,
      path: row.path,
      replies,
      share: share(replies),
      permanent: row.outcome === 'permanent',
      action: 'Keep these addresses (do not suppress them); resend once the incident is over.',
    };
    if (w.from) item.trend = { kind: 'new', since: w.from };
    items.push(item);
  }
  for (const row of input.rows) {
    const replies = left.get(row.id) ?? 0;
    if (replies <= 0) continue;
    const item: TodoItem = {
      kind: 'entry',
      entry: row.id,
      title: row.title,
      path: row.path,
      replies,
      share: share(replies),
      permanent: row.outcome === 'permanent',
      action: actionFor(row),
    };
    const trend = trendOf(input.entryMinutes.get(row.id), input.attemptMinutes);
    if (trend) item.trend = trend;
    items.push(item);
  }
  return items.sort((a, b) => score(b) - score(a) || textOrder(a.entry, b.entry)).slice(0, TODO_LENGTH);
}
