// The filter of delivered addresses (src/lib/report/delivered-set.ts) is the blocked Bloom filter its
// comment describes: the share of addresses never added that it takes for delivered is the one its
// formula gives, no address added is ever missed, a filter merged from two holds both's, and the
// addresses it holds back to set in block order give the bits they would give set at once. Until it
// makes its bits, it keeps the addresses' keys: it answers and saves as the bits would.
import { describe, expect, it } from 'vitest';
import { DeliveredSet } from '../../src/lib/report/delivered-set.ts';

const BLOCKS = 2 ** 17;
const BLOCK_BITS = 512;
const HASHES = 8;

/** Σ_j Pois(j; n/B) · (1 - (1 - 1/s)^(kj))^k, the comment's false-positive rate. */
function expectedRate(n: number): number {
  const load = n / BLOCKS;
  let p = Math.exp(-load);
  let rate = 0;
  for (let j = 0; j < 400; j++) {
    if (j > 0) p *= load / j;
    rate += p * (1 - (1 - 1 / BLOCK_BITS) ** (HASHES * j)) ** HASHES;
  }
  return rate;
}

describe('the delivered filter', () => {
  it('takes addresses never added for delivered as often as its formula says, and misses none', () => {
    // Four million addresses: few enough to add here, enough for false positives to be counted. The
    // filter makes its bits at a million; one that may keep them all as keys answers alike, false
    // positives included.
    const n = 4_000_000;
    const filter = new DeliveredSet();
    const keysOnly = new DeliveredSet(8 * n);
    for (let i = 0; i < n; i++) {
      filter.add(`reader${i}@icloud.com`);
      keysOnly.add(`reader${i}@icloud.com`);
    }
    for (let i = 0; i < n; i += 997) expect(filter.has(`Reader${i}@iCloud.com`)).toBe(true);
    const probes = 200_000;
    let wrong = 0;
    let differ = 0;
    for (let i = 0; i < probes; i++) {
      const answer = filter.has(`other${i}@icloud.com`);
      if (answer) wrong++;
      if (keysOnly.has(`other${i}@icloud.com`) !== answer) differ++;
    }
    expect(differ).toBe(0);
    expect(keysOnly.save()).toEqual(filter.save());
    const expected = expectedRate(n);
    expect(expected).toBeCloseTo(6.7e-4, 5);
    // About 130 expected: a count of that size is within 30 % of it.
    expect(wrong / probes).toBeGreaterThan(expected * 0.7);
    expect(wrong / probes).toBeLessThan(expected * 1.3);
    expect(expectedRate(1_000_000)).toBeCloseTo(2.2e-7, 8);
  });

  it('merged from two filters, holds the addresses of both', () => {
    const a = new DeliveredSet();
    const b = new DeliveredSet();
    for (let i = 0; i < 1000; i++) (i % 2 ? a : b).add(`r${i}@me.com`);
    const merged = DeliveredSet.load(JSON.parse(JSON.stringify(a.save()))).merge(b);
    expect(merged.count).toBe(1000);
    for (let i = 0; i < 1000; i++) expect(merged.has(`r${i}@me.com`)).toBe(true);
  });

  it('sets the same bits whatever the order of the addresses and whenever it is asked', () => {
    // More than the filter holds back at once (65,536), so it writes them several times over.
    const n = 150_000;
    const address = (i: number) => `reader${i}@icloud.com`;
    const inOrder = new DeliveredSet();
    for (let i = 0; i < n; i++) inOrder.add(address(i));
    const reversed = new DeliveredSet();
    for (let i = n - 1; i >= 0; i--) {
      if (i % 2) reversed.add(address(i));
      else {
        const upper = new TextEncoder().encode(address(i).toUpperCase());
        reversed.addBytes(upper, 0, upper.length);
      }
      // A question part way writes what is held, at points that fall anywhere in a run.
      if (i % 10_007 === 0) expect(reversed.has(address(i))).toBe(true);
    }
    expect(reversed.count).toBe(n);
    expect(reversed.save()).toEqual(inOrder.save());
  });

  it('keeps keys that answer and save as the bits would, and hands them to another thread', () => {
    const address = (i: number) => `r${i}@icloud.com`;
    // Bits made at once: a filter loaded with no words has them.
    const withBits = () => DeliveredSet.load({ count: 0, words: [] });
    expect(new DeliveredSet().save()).toEqual({ count: 0 });
    expect(DeliveredSet.load(new DeliveredSet().save(true)).save()).toEqual({ count: 0 });
    for (const n of [1, 3, 1000, 150_000]) {
      const keys = new DeliveredSet();
      const bits = withBits();
      for (let i = 0; i < n; i++) {
        keys.add(address(i));
        bits.add(address(i));
        // Many deliveries to one address take one key.
        if (i % 3 === 0) keys.add(address(i));
        if (i % 3 === 0) bits.add(address(i));
      }
      expect(keys.save()).toEqual(bits.save());
      const passed = DeliveredSet.load(keys.save(true));
      expect(passed.save()).toEqual(bits.save());
      for (let i = 0; i < n + 5000; i += 7) expect(keys.has(address(i))).toBe(bits.has(address(i)));
    }
  });

  it('merges keys and bits in any mix into the filter of all the addresses', () => {
    const address = (i: number) => `m${i}@me.com`;
    const fill = (set: DeliveredSet, from: number, to: number) => {
      for (let i = from; i < to; i++) set.add(address(i));
      return set;
    };
    const all = fill(new DeliveredSet(), 0, 120_000);
    const whole = all.save();
    const withBits = () => DeliveredSet.load({ count: 0, words: [] });
    const mixes = [
      [new DeliveredSet(), new DeliveredSet()],
      [new DeliveredSet(), withBits()],
      [withBits(), new DeliveredSet()],
      [withBits(), withBits()],
      // Keys past the limit once merged: bits are made.
      [new DeliveredSet(100_000), new DeliveredSet()],
    ];
    for (const [a, b] of mixes) {
      fill(a!, 0, 60_000);
      fill(b!, 60_000, 120_000);
      // As --jobs hands them over: a worker's filter saved for another thread.
      const merged = a!.merge(DeliveredSet.load(b!.save(true)));
      expect(merged.save()).toEqual(whole);
      for (let i = 0; i < 130_000; i += 11) {
        expect(merged.has(address(i))).toBe(all.has(address(i)));
        if (i < 120_000) expect(merged.has(address(i))).toBe(true);
      }
    }
  });
});
