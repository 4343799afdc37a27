// Which addresses to suppress and which to keep, following each entry's `suppress` field: `yes`
// suppresses, `no` keeps, `after-repeats` suppresses once the address got the reply on
// REPEATS_TO_SUPPRESS different days (retries of one message on one day are not repeats). An
// address hit during a suspected Apple incident is kept whatever the entry says.
import type { RuleEntry } from '../rules.ts';
import type { KeepGroup, ListedAddress } from './types.ts';

export const REPEATS_TO_SUPPRESS = 3;

export interface AddressHits {
  count: number;
  /** UTC days (YYYY-MM-DD) with this reply, kept for `after-repeats` entries only; replies
   *  without a time count one each. */
  days?: Set<string>;
}

/** recipient (lowercased) → entry id → hits. */
export type HitsByAddress = Map<string, Map<string, AddressHits>>;

export function recordHit(
  hits: HitsByAddress,
  recipient: string,
  entry: RuleEntry,
  time: number | undefined,
) {
  let byEntry = hits.get(recipient);
  if (!byEntry) hits.set(recipient, (byEntry = new Map()));
  let h = byEntry.get(entry.id);
  if (!h) byEntry.set(entry.id, (h = { count: 0 }));
  h.count++;
  if (entry.suppress !== 'after-repeats') return;
  h.days ??= new Set();
  h.days.add(time === undefined ? `undated-${h.count}` : new Date(time).toISOString().slice(0, 10));
}

interface Verdict {
  suppress: boolean;
  entry: string;
  reason: string;
}

/** Transient refusals may be retried now; anything else kept waits for its cause to be fixed. */
const keepGroup = (entry: RuleEntry, incident: boolean): KeepGroup =>
  incident ? 'incident' : entry.outcome === 'transient' ? 'retry' : 'fix-first';

function verdictFor(entry: RuleEntry, hits: AddressHits, incident: boolean): Verdict {
  const title = `“${entry.title}”`;
  if (incident)
    return {
      suppress: false,
      entry: entry.id,
      reason: `${title} during a suspected Apple incident: resend once it is over.`,
    };
  if (entry.suppress === 'yes')
    return { suppress: true, entry: entry.id, reason: `${title}: the entry says to suppress the address.` };
  if (entry.suppress === 'no')
    return { suppress: false, entry: entry.id, reason: `${title}: not a reason to suppress the address.` };
  const days = hits.days?.size ?? 0;
  const times = `${days} ${days === 1 ? 'day' : 'days'}`;
  return days >= REPEATS_TO_SUPPRESS
    ? {
        suppress: true,
        entry: entry.id,
        reason: `${title} on ${times}: suppress after ${REPEATS_TO_SUPPRESS} days with it.`,
      }
    : {
        suppress: false,
        entry: entry.id,
        reason: `${title} on ${times}: suppress only after ${REPEATS_TO_SUPPRESS} days with it.`,
      };
}

/** One verdict per address: suppressed if any of its replies says so, else kept. */
export function decideLists(
  hits: HitsByAddress,
  entries: ReadonlyMap<string, RuleEntry>,
  inIncident: (address: string, entry: string) => boolean,
): { suppressList: ListedAddress[]; keepList: ListedAddress[] } {
  const suppressList: ListedAddress[] = [];
  const keepList: ListedAddress[] = [];
  for (const address of [...hits.keys()].sort()) {
    const verdicts = [...hits.get(address)!].map(([id, h]) =>
      verdictFor(entries.get(id)!, h, inIncident(address, id)),
    );
    const decisive = verdicts.find((v) => v.suppress) ?? verdicts[0]!;
    const listed: ListedAddress = { address, entry: decisive.entry, reason: decisive.reason };
    if (decisive.suppress) suppressList.push(listed);
    else
      keepList.push({
        ...listed,
        group: keepGroup(entries.get(decisive.entry)!, inIncident(address, decisive.entry)),
      });
  }
  return { suppressList, keepList };
}
