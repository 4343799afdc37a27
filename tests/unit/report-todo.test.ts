// The ranked "what to do first" list (src/lib/report/todo.ts): permanent refusals weigh double, so
// a policy block ranks above deferrals of the same size but not above more than twice as many; an
// incident is one item and takes its replies from its entries; `new` and `rising` follow the
// documented rules and are absent when they do not hold.
import { describe, expect, it } from 'vitest';
import {
  actionFor,
  PERMANENT_WEIGHT,
  rankTodo,
  RISING_FACTOR,
  RISING_MIN,
  trendOf,
  type TodoInput,
} from '../../src/lib/report/todo.ts';
import type { EntryRow, IncidentWarning } from '../../src/lib/report/types.ts';

const row = (id: string, count: number, outcome: EntryRow['outcome'], more: Partial<EntryRow> = {}) =>
  ({
    id,
    title: id.toUpperCase(),
    path: `codes/${id}/`,
    code: outcome === 'permanent' ? 554 : 421,
    outcome,
    retry: outcome === 'permanent' ? 'after-fix' : 'later',
    suppress: 'no',
    category: outcome === 'permanent' ? 'policy-block' : 'rate-limit',
    count,
    share: 0,
    recipients: count,
    ...more,
  }) as EntryRow;

const input = (rows: EntryRow[], more: Partial<TodoInput> = {}): TodoInput => ({
  rows,
  incidents: [],
  attempts: 200,
  attemptMinutes: new Map(),
  entryMinutes: new Map(),
  ...more,
});

/** `count` per minute over [from, to). */
const minutes = (from: number, to: number, count = 1) =>
  new Map(Array.from({ length: to - from }, (_, i) => [from + i, count] as [number, number]));

describe('ranking', () => {
  it('puts a permanent block above transient deferrals of the same size, with its share of attempts', () => {
    const todo = rankTodo(input([row('deferral', 30, 'transient'), row('block', 30, 'permanent')]));
    expect(todo.map((t) => t.entry)).toEqual(['block', 'deferral']);
    expect(todo[0]).toMatchObject({ replies: 30, share: 30 / 200, permanent: true, path: 'codes/block/' });
  });

  it(`lets deferrals rank first once they are more than ${PERMANENT_WEIGHT} times as many`, () => {
    const todo = rankTodo(input([row('block', 10, 'permanent'), row('deferral', 21, 'transient')]));
    expect(todo.map((t) => t.entry)).toEqual(['deferral', 'block']);
  });

  it('makes an incident one item and leaves only the replies outside it to its entry', () => {
    const incident: IncidentWarning = {
      kind: 'incident',
      message: '…',
      from: '2026-04-26T08:00:00.000Z',
      recipients: 12,
      delivered: 12,
      entries: { unknown: 12 },
    };
    const todo = rankTodo(
      input([row('unknown', 15, 'permanent'), row('deferral', 20, 'transient')], { incidents: [incident] }),
    );
    expect(todo.map((t) => [t.kind, t.entry, t.replies])).toEqual([
      ['incident', 'unknown', 12],
      ['entry', 'deferral', 20],
      ['entry', 'unknown', 3],
    ]);
    expect(todo[0]!.trend).toEqual({ kind: 'new', since: incident.from });
  });

  it('says the action in the vocabulary of the entry’s fields', () => {
    expect(actionFor(row('block', 1, 'permanent'))).toBe(
      'Policy block: retry after fixing the cause; do not suppress.',
    );
    expect(actionFor(row('deferral', 1, 'transient', { retryDelay: '15 minutes' }))).toBe(
      'Rate limit: retry later (15 minutes); do not suppress.',
    );
  });
});

describe('trends', () => {
  const attempts = minutes(0, 240);

  it('is new when the first reply comes after more than half of the attempts', () => {
    expect(trendOf(minutes(150, 180), attempts)).toEqual({
      kind: 'new',
      since: new Date(150 * 60_000).toISOString(),
    });
  });

  it(`is rising when the later half holds ${RISING_FACTOR}× the earlier half and at least ${RISING_MIN}`, () => {
    const replies = new Map([...minutes(10, 12), ...minutes(130, 136)]);
    expect(trendOf(replies, attempts)).toEqual({
      kind: 'rising',
      since: new Date(130 * 60_000).toISOString(),
    });
  });

  it('is absent for a steady trickle, for too few later replies, and for too few attempts', () => {
    expect(trendOf(minutes(0, 240, 1), attempts)).toBeUndefined();
    expect(trendOf(new Map([...minutes(10, 11), ...minutes(130, 134)]), attempts)).toBeUndefined();
    expect(trendOf(minutes(5, 8), minutes(0, 9))).toBeUndefined();
  });
});
