// Each entry's `history` against the repository, where there is one (see README "What changed"):
// the first item is the day git first recorded the file; every later day has a commit touching the
// file that day, or is today for an edit not yet committed. Days are UTC, as the page shows them.
import { describe, expect, it } from 'vitest';
import { isoDay } from '../../src/lib/day.ts';
import { loadEntries } from '../support/entries.ts';
import { fileCommits, gitHistoryAvailable } from '../support/git-history.ts';

const entries = loadEntries();
const today = isoDay(new Date());

describe('entry history', () => {
  it('never names a day after today', () => {
    for (const { id, data } of entries) {
      expect(
        data.history.every((c) => isoDay(c.date) <= today),
        id,
      ).toBe(true);
    }
  });

  describe.skipIf(!gitHistoryAvailable())('matches the git history of each file', () => {
    for (const { id, file, data } of entries) {
      it(id, () => {
        const commits = fileCommits(file);
        const [first, ...later] = data.history.map((c) => isoDay(c.date));
        const pending = (day: string) => day === today && (commits.uncommitted || !commits.added);
        expect(
          first === commits.added || pending(first!),
          `first published ${first}, added ${commits.added}`,
        ).toBe(true);
        for (const day of later) {
          expect(commits.days.has(day) || pending(day), `${day}: no commit touches ${file} that day`).toBe(
            true,
          );
        }
      });
    }
  });
});
