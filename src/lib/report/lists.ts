// Which addresses to suppress and which to keep, following each entry's `suppress` field: `yes`
// suppresses, `no` keeps, `after-repeats` suppresses once the address got the reply on
// REPEATS_TO_SUPPRESS different days (retries of one message on one day are not repeats). An
// address hit during a suspected Apple incident is kept whatever the entry says.
import type { RuleEntry } from '../rules.ts';
import type { Hit, HitTable } from './hits.ts';
import type { KeepGroup, ListedAddress } from './types.ts';

export const REPEATS_TO_SUPPRESS = 3;

interface Verdict {
  suppress: boolean;
  entry: string;
  reason: string;
}

/** Transient refusals may be retried now; anything else kept waits for its cause to be fixed. */
const keepGroup = (entry: RuleEntry, incident: boolean): KeepGroup =>
  incident ? 'incident' : entry.outcome === 'transient' ? 'retry' : 'fix-first';

function verdictFor(entry: RuleEntry, hit: Hit, incident: boolean): Verdict {
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
  const days = hit.days ?? 0;
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

/** verdictFor, each distinct verdict made once: a big log's hundred thousand addresses share a
 *  few dozen reasons, and a sentence of its own for each took 20 MB. */
function sharedVerdicts(): typeof verdictFor {
  const made = new Map<string, Verdict>();
  return (entry, hit, incident) => {
    const key = incident ? `${entry.id} incident` : `${entry.id} ${hit.days ?? 0}`;
    let verdict = made.get(key);
    if (!verdict) made.set(key, (verdict = verdictFor(entry, hit, incident)));
    return verdict;
  };
}

/** One verdict per address: suppressed if any of its replies says so, else kept. */
export function decideLists(
  hits: HitTable,
  entries: ReadonlyMap<string, RuleEntry>,
  inIncident: (address: string, entry: string) => boolean,
): { suppressList: ListedAddress[]; keepList: ListedAddress[] } {
  const suppressList: ListedAddress[] = [];
  const keepList: ListedAddress[] = [];
  const verdict = sharedVerdicts();
  for (const address of [...hits.keys()].sort()) {
    const verdicts = hits
      .hitsOf(address)
      .map((h) => verdict(entries.get(h.entry)!, h, inIncident(address, h.entry)));
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
