// The hit table (src/lib/report/hits.ts) keeps what a Map of address → entry → { count, Set of days }
// kept: for random replies (several entries per address, days repeated, replies without a time)
// its hits equal that plain model's, also when the replies are cut in two, the later part saved
// through JSON and merged, and each entry's distinct recipients are counted from it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HitTable, type Hit, type SavedHits } from '../../src/lib/report/hits.ts';

interface Reply {
  address: string;
  entry: string;
  time?: number;
}

const DAY = 86_400_000;
/** Entries `r…` are `after-repeats` ones, whose days count. */
const repeats = (entry: string) => entry.startsWith('r');

/** The model: per address and entry the count and, for `after-repeats`, the set of UTC dates, a
 *  reply without a time adding a day of its own. */
function model(replies: Reply[]): Map<string, Hit[]> {
  const byAddress = new Map<string, Map<string, { count: number; days?: Set<string> }>>();
  for (const { address, entry, time } of replies) {
    let byEntry = byAddress.get(address);
    if (!byEntry) byAddress.set(address, (byEntry = new Map()));
    let h = byEntry.get(entry);
    if (!h) byEntry.set(entry, (h = { count: 0 }));
    h.count++;
    if (!repeats(entry)) continue;
    h.days ??= new Set();
    h.days.add(time === undefined ? `undated-${h.count}` : new Date(time).toISOString().slice(0, 10));
  }
  return new Map(
    [...byAddress].map(([address, byEntry]) => [
      address,
      [...byEntry].map(([entry, h]): Hit =>
        h.days ? { entry, count: h.count, days: h.days.size } : { entry, count: h.count },
      ),
    ]),
  );
}

function tableOf(replies: Reply[]): HitTable {
  const table = new HitTable();
  for (const { address, entry, time } of replies) table.record(address, entry, repeats(entry), time);
  return table;
}

const hitsOf = (table: HitTable) => new Map([...table.keys()].map((a) => [a, table.hitsOf(a)]));

const reply: fc.Arbitrary<Reply> = fc.record(
  {
    address: fc.constantFrom('a@icloud.com', 'b@icloud.com', 'c@me.com', 'd@mac.com'),
    entry: fc.constantFrom('r1', 'r2', 'y1', 'n1'),
    // Six days, times anywhere in them, often on the same day.
    time: fc.nat(6 * DAY - 1).map((t) => Date.UTC(2026, 2, 1) + t),
  },
  { requiredKeys: ['address', 'entry'] },
);

describe('the hit table', () => {
  it('keeps the counts and days of a map of sets, whole and cut in two and merged', () => {
    fc.assert(
      fc.property(fc.array(reply, { maxLength: 80 }), fc.nat(), (replies, at) => {
        const cut = replies.length ? at % (replies.length + 1) : 0;
        const expected = model(replies);
        expect(hitsOf(tableOf(replies))).toEqual(expected);
        const later = JSON.parse(JSON.stringify(tableOf(replies.slice(cut)).save())) as SavedHits;
        const merged = tableOf(replies.slice(0, cut)).merge(HitTable.load(later));
        expect(hitsOf(merged)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('counts each entry’s distinct recipients', () => {
    const table = tableOf([
      { address: 'a@icloud.com', entry: 'n1' },
      { address: 'a@icloud.com', entry: 'n1' },
      { address: 'b@icloud.com', entry: 'n1' },
      { address: 'b@icloud.com', entry: 'r1', time: 0 },
    ]);
    expect(table.recipients()).toEqual(
      new Map([
        ['n1', 2],
        ['r1', 1],
      ]),
    );
    expect(table.addresses).toBe(2);
  });
});
