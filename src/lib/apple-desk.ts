// Which entries carry the message to Apple: those whose way out is Apple's postmaster desk. From the
// front matter, the sender must act (`owner: sender`) on a policy block or a blocklist refusal
// (`category: policy-block | blocklist`), the categories where Apple's own filters or reputation
// data decide; and the entry's "What to do" steps must send the sender to icloudadmin@apple.com,
// which keeps out blocklists only their operator can lift (Spamhaus PBL, DBL) and every dead address.
import type { CodeEntryData } from './schema/code-entry.ts';
import { APPLE_POSTMASTER } from './apple-draft.ts';

const DESK_CATEGORIES: readonly CodeEntryData['category'][] = ['policy-block', 'blocklist'];

/** The body's "## What to do" section, up to the next level-2 heading. */
export function whatToDo(body: string): string {
  const m = /^## What to do\s*$([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(body);
  return m?.[1] ?? '';
}

export function offersAppleDraft(data: Pick<CodeEntryData, 'owner' | 'category'>, body: string): boolean {
  return (
    data.owner === 'sender' &&
    DESK_CATEGORIES.includes(data.category) &&
    whatToDo(body).includes(APPLE_POSTMASTER)
  );
}
