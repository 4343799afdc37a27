// Whatever is pasted, the classifier answers without throwing, in bounded time: fast-check feeds it
// arbitrary text and mutated real replies; a 1 MB log and a 5 MB paste must come back quickly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/lib/classify/index.ts';
import { loadEntries } from '../support/entries.ts';

const entries = loadEntries();
const classifier = createClassifier(entries.map((e) => e.rule));
const samples = entries.flatMap((e) => e.data.examples.map((x) => x.text));

const wellFormed = (input: string) => {
  const outcome = classifier.classify(input);
  expect(Array.isArray(outcome.results)).toBe(true);
  if (outcome.results.length === 0) expect(outcome.message).toBeTruthy();
  for (const r of outcome.results) {
    expect(typeof r.why).toBe('string');
    expect(r.why.length).toBeGreaterThan(10);
    if (r.entry) expect(r.confidence).toMatch(/^(?:exact|likely|code-only)$/);
  }
};

/** Noise made of the characters the patterns care about, to hunt for slow backtracking. */
const tricky = fc.string({
  unit: fc.constantFrom(...'0123455.5.1 -:;<>[]()\'"=@x.com said: smtp; 550-5.1.1 <<<\n    \t'.split('')),
  maxLength: 3000,
});

describe('any input', () => {
  it('never throws and always answers', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), wellFormed), { numRuns: 300 });
    fc.assert(fc.property(tricky, wellFormed), { numRuns: 300 });
  });

  it('survives mutations of real replies', () => {
    const mutated = fc
      .tuple(fc.constantFrom(...samples), fc.nat(), fc.nat(), fc.string({ maxLength: 40 }))
      .map(([s, a, b, insert]) => {
        const i = a % (s.length + 1);
        const j = Math.min(s.length, i + (b % 20));
        return s.slice(0, i) + insert + s.slice(j);
      });
    fc.assert(fc.property(mutated, wellFormed), { numRuns: 500 });
  });

  // A catastrophic backtrack would hang here until the test's timeout; the speed itself is measured
  // by `npm run bench`, not asserted.
  it('answers long runs of pattern characters', { timeout: 60_000 }, () => {
    for (const unit of [
      '5',
      '5.',
      '550-',
      '550 5.1.1 ',
      '(',
      "'",
      '"',
      '<',
      ' ',
      'a@b.',
      '[1',
      'host x[1.2.3.4] said: ',
      // Pasted HTML and the report formats read across lines.
      '<p><!--',
      '<style>',
      ' <br>',
      '&lt;',
      'Status code: 550 5.7.1\n',
      ' - MAIL FROM error: 451 4.7.1 x',
    ]) {
      wellFormed(unit.repeat(Math.ceil(200_000 / unit.length)));
    }
  });
});

describe('big pastes', () => {
  const line = (i: number) =>
    i % 3 === 0
      ? `Jan 12 10:02:${String(i % 60).padStart(2, '0')} mail postfix/smtp[${i}]: Q${i}: to=<u${i}@icloud.com>, relay=mx02.mail.icloud.com[17.57.155.34]:25, delay=1, delays=0/0/0.5/0.5, dsn=5.7.1, status=bounced (host mx02.mail.icloud.com[17.57.155.34] said: 554 5.7.1 [HM08] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137 (in reply to end of DATA command))`
      : `Jan 12 10:02:${String(i % 60).padStart(2, '0')} mail postfix/smtp[${i}]: Q${i}: to=<u${i}@example.com>, relay=mx.example.com[192.0.2.1]:25, delay=0.4, delays=0/0/0.2/0.2, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as ABC${i})`;

  it('classifies 1 MB of log, every reply to its entry', () => {
    const lines: string[] = [];
    let size = 0;
    for (let i = 0; size < 1_048_576; i++) {
      lines.push(line(i));
      size += lines.at(-1)!.length + 1;
    }
    const input = lines.join('\n');
    const { results } = classifier.classify(input);
    expect(results.length).toBe(Math.ceil(lines.length / 3));
    expect(results.every((r) => r.entry?.id === '554-5-7-1-hm08')).toBe(true);
  });

  it('answers a 5 MB paste of random text', { timeout: 60_000 }, () => {
    const rnd = fc
      .sample(fc.string({ unit: 'grapheme', minLength: 1000, maxLength: 1000 }), { numRuns: 5000, seed: 7 })
      .join('\n');
    expect(rnd.length).toBeGreaterThan(5_000_000);
    wellFormed(rnd);
  });
});
