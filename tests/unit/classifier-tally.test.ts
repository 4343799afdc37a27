// The count above the box's cards, made in the worker from every result: per entry, the replies no
// entry explains as 'none', most frequent first, ties in the order their first reply came.
import { expect, it } from 'vitest';
import { createClassifier } from '../../src/lib/classify/index.ts';
import { tallyReplies } from '../../src/lib/classify/tally.ts';
import { testRule } from '../support/entries.ts';

const base = {
  summary: 'A test entry with a summary long enough.',
  outcome: 'permanent',
  retry: 'no',
  suppress: 'yes',
  owner: 'sender',
  category: 'policy-block',
  evidence: 'capture',
  code: 554,
  enhanced: '5.7.1',
} as const;
const hm08 = testRule('554-5-7-1-hm08', {
  ...base,
  title: 'HM08',
  tag: 'HM08',
  reply: '554 5.7.1 [HM08] Message rejected due to local policy.',
  match: [{ phrase: '[HM08]' }],
});
const cs01 = testRule('554-5-7-1-cs01', {
  ...base,
  title: 'CS01',
  tag: 'CS01',
  reply: '554 5.7.1 [CS01] Message rejected due to local policy.',
  match: [{ phrase: '[CS01]' }],
});
const classifier = createClassifier([hm08, cs01]);
const gmail = '550 5.1.1 The email account that you tried to reach does not exist. - gsmtp';

it('counts every reply per entry, most frequent first, ties in the order they came', () => {
  const text = [cs01.reply, gmail, hm08.reply, gmail, hm08.reply, cs01.reply, gmail].join('\n');
  const { results } = classifier.classify(text);
  expect(results).toHaveLength(7);
  expect(tallyReplies(results)).toEqual([
    { id: 'none', count: 3 },
    { id: cs01.id, count: 2, entry: { title: 'CS01', url: cs01.url } },
    { id: hm08.id, count: 2, entry: { title: 'HM08', url: hm08.url } },
  ]);
});

it('has no row for nothing', () => {
  expect(tallyReplies([])).toEqual([]);
});
