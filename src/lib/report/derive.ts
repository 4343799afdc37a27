// The Report, derived from the aggregator's state (./state.ts): the same code whether the state
// came from one process or was merged from partial reports.
import type { RuleEntry } from '../rules.ts';
import { findIncidents } from './incident.ts';
import { decideLists, REPEATS_TO_SUPPRESS } from './lists.ts';
import type { TallyState } from './state.ts';
import { textOrder } from '../text-order.ts';
import { rankTodo } from './todo.ts';
import type { EntryRow, IncidentWarning, Report, Warning } from './types.ts';
import { thousands } from '../thousands.ts';

const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString());

function entryRows(state: TallyState, byId: ReadonlyMap<string, RuleEntry>): EntryRow[] {
  const icloud = state.totals.icloud;
  const recipients = state.hits.recipients();
  return [...state.stats]
    .map(([id, s]) => {
      const e = byId.get(id)!;
      const row: EntryRow = {
        id,
        title: e.title,
        path: e.path,
        code: e.code,
        outcome: e.outcome,
        retry: e.retry,
        suppress: e.suppress,
        category: e.category,
        count: s.count,
        share: icloud ? s.count / icloud : 0,
        recipients: recipients.get(id) ?? 0,
      };
      if (e.enhanced) row.enhanced = e.enhanced;
      if (e.retryDelay) row.retryDelay = e.retryDelay;
      if (s.first !== undefined) row.first = iso(s.first);
      if (s.last !== undefined) row.last = iso(s.last);
      return row;
    })
    .sort((a, b) => b.count - a.count || textOrder(a.id, b.id));
}

function rowsLimitWarning(state: TallyState, rowLimit: number): Warning[] {
  const { replies } = state.totals;
  const stored = state.rows.length;
  if (rowLimit <= 0 || replies <= stored) return [];
  return [
    {
      kind: 'rows-limit',
      message: `The per-reply CSV holds the first ${thousands(stored)} of ${thousands(replies)} replies; every count in this report includes all of them.`,
      stored,
      total: replies,
    },
  ];
}

/** The addresses to suppress and keep, and the incident warnings that decide some of them. */
function listsAndIncidents(state: TallyState, byId: ReadonlyMap<string, RuleEntry>) {
  const titles = new Map([...byId].map(([id, e]) => [id, e.title]));
  for (const e of state.unknownUser) e.delivered = state.delivered.has(e.recipient);
  const incidents = findIncidents(state.unknownUser, titles);
  const inIncident = new Set(incidents.flatMap((i) => i.events.map((e) => `${e.recipient}\n${e.entry}`)));
  const lists = decideLists(state.hits, byId, (a, id) => inIncident.has(`${a}\n${id}`));
  return { ...lists, warnings: incidents.map((i): Warning => i.warning) };
}

/** Deliveries to every provider, the refusal rates and the ranked list of what to do first. */
function attemptsAndTodo(state: TallyState, rows: EntryRow[], warnings: Warning[]) {
  const { totals, deliveries: d } = state;
  const refused = totals.icloud + totals.icloudUnmatched;
  const attempts = d.icloud + refused;
  const byEntry = state.minutes.byEntry();
  const attemptMinutes = new Map(d.minutes);
  for (const m of byEntry.values())
    for (const [minute, c] of m) attemptMinutes.set(minute, (attemptMinutes.get(minute) ?? 0) + c);
  const todo = rankTodo({
    rows,
    incidents: warnings.filter((w): w is IncidentWarning => w.kind === 'incident'),
    attempts,
    attemptMinutes,
    entryMinutes: byEntry,
  });
  const deliveries = {
    all: d.all,
    icloud: d.icloud,
    domains: [...d.domains]
      .map(([domain, count]) => ({ domain, count }))
      .sort((a, b) => b.count - a.count || textOrder(a.domain, b.domain))
      .slice(0, 10),
  };
  const rates = {
    attempts,
    refused,
    refusedShare: attempts ? refused / attempts : 0,
    icloudShareOfDeliveries: d.all ? d.icloud / d.all : 0,
  };
  return { deliveries, rates, todo };
}

export function deriveReport(
  state: TallyState,
  byId: ReadonlyMap<string, RuleEntry>,
  rowLimit: number,
): Report {
  const { files, totals } = state;
  const { suppressList, keepList, warnings } = listsAndIncidents(state, byId);
  const rows = entryRows(state, byId);
  const sum = (k: 'lines' | 'records' | 'bytes') => files.reduce((n, f) => n + f[k], 0);
  const report: Report = {
    files: files.map(({ continues: _, ...f }) => f),
    bytes: sum('bytes'),
    lines: sum('lines'),
    records: sum('records'),
    skipped: totals.skipped,
    replies: totals.replies,
    icloud: totals.icloud,
    icloudUnmatched: totals.icloudUnmatched,
    other: totals.other,
    autoReplies: totals.autoReplies,
    delivered: state.delivered.count,
    ...attemptsAndTodo(state, rows, warnings),
    entries: Object.fromEntries(rows.map((r) => [r.id, r.count])),
    rows,
    domains: { ...state.domains },
    customDomains: [...state.customDomains]
      .map(([domain, count]) => ({ domain, count }))
      .sort((a, b) => b.count - a.count || textOrder(a.domain, b.domain))
      .slice(0, 50),
    undated: totals.undated,
    warnings: [...warnings, ...rowsLimitWarning(state, rowLimit)],
    suppress: suppressList.map((a) => a.address),
    keep: keepList.map((a) => a.address),
    suppressList,
    keepList,
    repeatsToSuppress: REPEATS_TO_SUPPRESS,
    problems: files.filter((f) => f.problem).map((f) => ({ file: f.name, message: f.problem! })),
  };
  if (totals.first !== undefined) report.first = iso(totals.first);
  if (totals.last !== undefined) report.last = iso(totals.last);
  const series = state.minutes.series();
  if (series) report.series = series;
  report.timeZone = { ...state.zone };
  if (state.totals.icloud) {
    report.breakdowns = state.breakdowns.breakdowns();
    report.replyFacts = state.breakdowns.replyFacts();
  }
  if (totals.cancelled) report.cancelled = true;
  return report;
}
