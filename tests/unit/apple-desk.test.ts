// Which entry pages carry the message to Apple (src/lib/apple-desk.ts), over the real collection.
import { describe, expect, it } from 'vitest';
import { offersAppleDraft, whatToDo } from '../../src/lib/apple-desk.ts';
import { loadEntries } from '../support/entries.ts';

const entries = loadEntries();
const offered = entries.filter((e) => offersAppleDraft(e.data, e.body)).map((e) => e.id);

describe('offersAppleDraft', () => {
  it('is on the CS01 (554 and 550) and HM08 pages', () => {
    expect(offered).toEqual(expect.arrayContaining(['554-5-7-1-cs01', '550-5-7-1-cs01', '554-5-7-1-hm08']));
  });

  it('is not where the address is dead or only a blocklist’s operator can help', () => {
    for (const id of ['550-5-1-1-user-does-not-exist', '550-5-7-1-spamhaus-pbl', '550-5-7-1-spamhaus-dbl']) {
      expect(offered).not.toContain(id);
    }
  });

  it('only where the sender must act on a policy block or a blocklist', () => {
    for (const e of entries.filter((x) => offered.includes(x.id))) {
      expect(e.data.owner, e.id).toBe('sender');
      expect(['policy-block', 'blocklist'], e.id).toContain(e.data.category);
    }
  });
});

describe('whatToDo', () => {
  it('is the section up to the next heading', () => {
    const body =
      '## What it means\n\nicloudadmin@apple.com\n\n## What to do\n\n1. Step.\n\n## Retry and suppression\n\nNo.';
    expect(whatToDo(body).trim()).toBe('1. Step.');
    expect(whatToDo('## What to do\n\nLast section.').trim()).toBe('Last section.');
  });
});
