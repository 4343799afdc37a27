// Rust-error-index style: every example in every entry is proof that the classifier sends that
// text to that entry, with no other entry tied with it, and with confidence "exact". The one
// exception is deliberate: a `generic` entry's wording is stock mail-server text, so a real example
// quoted without any iCloud host, recipient or wording gets no entry, only a pointer to this one
// "if it came from iCloud" (claiming more would credit every Postfix server's reply to iCloud, and
// inventing context would fake the evidence). The collection is read from content/codes, so a new
// entry's examples become tests by themselves.
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/lib/classify/index.ts';
import { loadEntries } from '../support/entries.ts';

const entries = loadEntries();
const classifier = createClassifier(entries.map((e) => e.rule));

describe('the codes collection', () => {
  it('has entries to test', () => {
    expect(entries.length).toBeGreaterThan(0);
  });

  for (const entry of entries) {
    describe(entry.id, () => {
      for (const [i, example] of entry.data.examples.entries()) {
        it(`example ${i + 1} classifies to this entry alone: ${example.text.slice(0, 70)}`, () => {
          const { results, message } = classifier.classify(example.text);
          expect(message).toBeUndefined();
          expect(results).toHaveLength(1);
          const [r] = results;
          expect(r!.alternatives?.map((a) => a.id) ?? []).toEqual([]);
          if (entry.data.generic && !r!.looksLikeICloud) {
            expect(r!.entry, r!.why).toBeUndefined();
            expect(r!.ifICloud?.id, r!.why).toBe(entry.id);
            return;
          }
          expect(r!.entry?.id).toBe(entry.id);
          expect(r!.confidence, r!.why).toBe('exact');
        });
      }

      it('says how Sisimai labels it, in the rule record that /rules.json publishes', () => {
        expect(entry.rule.labels?.sisimai.reason).toMatch(/^[a-z]+$/);
      });

      it('has an id starting with dsn- exactly when it is keyed by a DSN instead of a reply code', () => {
        expect(entry.id.startsWith('dsn-')).toBe(entry.data.dsn !== undefined);
        expect(entry.data.code === undefined).toBe(entry.data.dsn !== undefined);
      });

      // A DSN-keyed entry's `reply` is a Status field, not an input of its own: its examples (whole
      // delivery-status parts) are the test.
      it.skipIf(entry.data.dsn !== undefined)('its reply classifies to itself', () => {
        const { results } = classifier.classify(entry.data.reply);
        const stock = entry.data.generic && !results[0]?.looksLikeICloud;
        expect(results.map((r) => (stock ? r.ifICloud : r.entry)?.id)).toEqual([entry.id]);
        expect(results[0]!.alternatives?.map((a) => a.id) ?? []).toEqual([]);
      });
    });
  }
});
