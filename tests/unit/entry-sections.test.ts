// Every entry page has the same four sections, in the same order, and "What to do" gives numbered
// steps: readers (and the section anchors people link to) rely on that shape.
import { describe, expect, it } from 'vitest';
import { loadEntries } from '../support/entries.ts';

const SECTIONS = ['What it means', 'Why iCloud sends it', 'What to do', 'Retry and suppression'];

describe('entry bodies', () => {
  for (const entry of loadEntries()) {
    it(`${entry.file} has the four sections in order, with numbered steps under "What to do"`, () => {
      const headings = [...entry.body.matchAll(/^## (.+?)\s*$/gm)].map((m) => m[1]);
      expect(headings).toEqual(SECTIONS);
      const steps = /^## What to do\s*$([\s\S]*?)^## /m.exec(entry.body)?.[1] ?? '';
      expect(steps).toMatch(/^1\. \S/m);
    });
  }
});
