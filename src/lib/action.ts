// The one-line "what to do now" of an entry, derived from its front matter (suppress, retry, owner,
// category), so the sentence at the top of a page can never disagree with the facts below it.
import type { Category, Owner, Retry, Suppress } from './vocabulary.ts';

export interface ActionFacts {
  retry: Retry;
  suppress: Suppress;
  owner: Owner;
  category: Category;
}

/** What has to be fixed before a resend, per category, as the object of "Fix …". */
const FIX: Record<Category, string> = {
  'recipient-unknown': 'the address',
  'recipient-disabled': 'the address',
  'mailbox-full': 'the mailbox',
  'rate-limit': 'your sending rate',
  'service-busy': 'the connection',
  'policy-block': 'what iCloud’s filter objects to',
  authentication: 'authentication',
  blocklist: 'the blocklisting',
  relay: 'the relay setup',
  'sender-dns': 'your DNS records',
  protocol: 'your SMTP client',
  connection: 'your sending IP’s reputation',
};

const SUPPRESS_PART: Record<Suppress, string> = {
  yes: 'Suppress the address.',
  no: 'Don’t suppress.',
  'after-repeats': 'Suppress only after repeated failures.',
};

function retryPart({ retry, owner, category }: ActionFacts): string {
  if (retry === 'no') return 'Don’t retry.';
  if (retry === 'after-fix') {
    if (owner === 'sender') return `Fix ${FIX[category]}, then resend.`;
    if (owner === 'domain-admin')
      return `The recipient domain’s admin must fix ${FIX[category]}; then resend.`;
    return 'Resend once the cause is fixed.';
  }
  if (category === 'rate-limit') return 'Slow down, then retry later.';
  if (owner === 'recipient') return 'Retry later; the recipient has to act.';
  if (owner === 'apple') return 'Retry later; nothing to fix on your side.';
  return `Retry later, and check ${FIX[category]}.`;
}

/** E.g. "Don’t suppress. Fix authentication, then resend." */
export const actionText = (facts: ActionFacts): string =>
  `${SUPPRESS_PART[facts.suppress]} ${retryPart(facts)}`;
