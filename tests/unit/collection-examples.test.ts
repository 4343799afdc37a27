// Rust-error-index style: every example in every entry is proof that the classifier sends that
// text to that entry, with confidence "exact" and no other entry tied with it. The collection is
// read from content/codes, so a new entry's examples become tests by themselves.
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/lib/classify/index.ts';
import { loadEntries } from './helpers/load-entries.ts';

const entries = loadEntries();
const classifier = createClassifier(entries.map((e) => e.rule));

describe('the codes collection', () => {
  it('has entries to test', () => {
    expect(entries.length).toBeGreaterThan(0);
  });

  for (const entry of entries) {
    describe(entry.id, () => {
      for (const [i, example] of entry.data.examples.entries()) {
        it(`example ${i + 1} classifies to this entry, exactly and alone: ${example.text.slice(0, 70)}`, () => {
          const { results, message } = classifier.classify(example.text);
          expect(message).toBeUndefined();
          expect(results).toHaveLength(1);
          const [r] = results;
          expect(r!.entry?.id).toBe(entry.id);
          // A `generic` entry's wording is stock MTA text: its examples must show the iCloud context
          // (host, recipient or Apple wording) that makes the match exact.
          expect(r!.confidence, entry.data.generic ? `generic entry; ${r!.why}` : r!.why).toBe('exact');
          expect(r!.alternatives?.map((a) => a.id) ?? []).toEqual([]);
        });
      }

      it('its reply classifies to itself', () => {
        const { results } = classifier.classify(entry.data.reply);
        expect(results.map((r) => r.entry?.id)).toEqual([entry.id]);
        expect(results[0]!.alternatives?.map((a) => a.id) ?? []).toEqual([]);
      });
    });
  }
});
