// The JSON and Markdown twins of an entry page, and absolute URLs under a base path.
import { describe, expect, it } from 'vitest';
import { entryJson, entryMarkdown, plainMarkdown } from '../../src/lib/entry-twins';
import type { CodeEntryData } from '../../src/lib/schema/code-entry';
import { absoluteUrl } from '../../src/lib/absolute-url';

const data: CodeEntryData = {
  title: '[HM08] Message rejected due to local policy',
  summary: 'iCloud refused the message at the end of DATA under the tag HM08.',
  code: 554,
  enhanced: '5.7.1',
  tag: 'HM08',
  reply: '554 5.7.1 [HM08] Message rejected due to local policy.',
  outcome: 'permanent',
  retry: 'after-fix',
  suppress: 'no',
  owner: 'sender',
  category: 'policy-block',
  stage: 'data',
  evidence: 'capture',
  generic: false,
  match: [{ phrase: '[HM08]' }],
  examples: [{ text: 'Diagnostic-Code: smtp; 554 5.7.1 [HM08] ``` odd', note: 'With backticks inside.' }],
  sources: [
    {
      title: 'Apple postmaster page',
      url: 'https://support.apple.com/en-us/102322',
      date: new Date('2025-02-25'),
    },
    { title: 'Undated source', url: 'https://example.com/undated' },
  ],
  related: ['550-5-7-1-cs01'],
  labels: { sisimai: { reason: 'policyviolation' }, esps: [] },
  reviewed: new Date('2026-11-27'),
  history: [
    { date: new Date('2026-11-27'), summary: 'First published.' },
    { date: new Date('2026-12-01'), summary: 'Txn ID in the report to Apple.' },
  ],
};
const url = 'https://icloud-codes.example.org/codes/554-5-7-1-hm08/';

describe('entryJson', () => {
  it('gives the front matter as written, with dates as days and related entries as ids', () => {
    const json = JSON.parse(JSON.stringify(entryJson('554-5-7-1-hm08', url, data)));
    expect(json).toMatchObject({
      id: '554-5-7-1-hm08',
      url,
      code: 554,
      tag: 'HM08',
      reviewed: '2026-11-27',
      related: ['550-5-7-1-cs01'],
    });
    expect(json.sources).toEqual([
      { title: 'Apple postmaster page', url: 'https://support.apple.com/en-us/102322', date: '2025-02-25' },
      { title: 'Undated source', url: 'https://example.com/undated' },
    ]);
    expect(json.history).toEqual([
      { date: '2026-11-27', summary: 'First published.' },
      { date: '2026-12-01', summary: 'Txn ID in the report to Apple.' },
    ]);
  });
});

describe('entryMarkdown', () => {
  const md = entryMarkdown('554-5-7-1-hm08', url, data, '\n## What it means\n\nApple refused it.\n');

  it('starts with the title and carries the reply, facts, body, sources and page URL', () => {
    expect(md.startsWith('# [HM08] Message rejected due to local policy\n')).toBe(true);
    expect(md).toContain('```text\n554 5.7.1 [HM08] Message rejected due to local policy.\n```');
    expect(md).toContain('- Outcome: Permanent failure');
    expect(md).toContain('- Retry: Retry after fixing the cause');
    expect(md).toContain('## What it means\n\nApple refused it.');
    expect(md).toContain('- [Apple postmaster page](https://support.apple.com/en-us/102322), 2025-02-25');
    expect(md).toContain('- [Undated source](https://example.com/undated)\n');
    expect(md).toContain(url);
  });

  it('lists what changed, newest first', () => {
    expect(md).toContain(
      '## What changed\n\n- 2026-12-01: Txn ID in the report to Apple.\n- 2026-11-27: First published.\n',
    );
  });

  it('fences a quoted reply with more backticks than it contains', () => {
    expect(md).toContain('````text\nDiagnostic-Code: smtp; 554 5.7.1 [HM08] ``` odd\n````');
  });

  it('names the standards meaning of the codes', () => {
    expect(md).toMatch(/- Basic code 554 \(RFC 5321\): \S/);
    expect(md).toMatch(/- Enhanced code 5\.7\.1 \(RFC 3463, IANA registry\): \S/);
  });
});

describe('absoluteUrl', () => {
  it('puts the base path between the origin and the page path', () => {
    expect(absoluteUrl('https://example.github.io', '/icloud-codes/', 'codes/554/')).toBe(
      'https://example.github.io/icloud-codes/codes/554/',
    );
    expect(absoluteUrl('https://example.github.io', '/icloud-codes', 'og/site.png')).toBe(
      'https://example.github.io/icloud-codes/og/site.png',
    );
    expect(absoluteUrl('https://icloud-codes.example.org/', '/')).toBe('https://icloud-codes.example.org/');
  });
});

describe('plainMarkdown', () => {
  const page = 'https://example.github.io/icloud-codes/codes/550-5-7-1-local-policy/';
  const mdx = [
    "import TagTable from '../../src/components/TagTable.astro';",
    '',
    '## What it means',
    '',
    'See the [tags page](../../tags/) and [CS01](../550-5-7-1-cs01/).',
    '',
    '<TagTable />',
    '',
    'Apple: [postmaster](https://support.apple.com/en-us/102322).',
  ].join('\n');

  it('drops MDX imports and component lines and makes relative links absolute', () => {
    expect(plainMarkdown(mdx, page)).toBe(
      [
        '## What it means',
        '',
        'See the [tags page](https://example.github.io/icloud-codes/tags/) and [CS01](https://example.github.io/icloud-codes/codes/550-5-7-1-cs01/).',
        '',
        'Apple: [postmaster](https://support.apple.com/en-us/102322).',
      ].join('\n'),
    );
  });
});
