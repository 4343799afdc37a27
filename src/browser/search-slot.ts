// Fills a best-match slot for the latest query: the entries with that code for a bare code query
// ("550 5.1.1"), the classifier's best match for a pasted reply. Both load only for such queries, so
// plain searches never download the rules; an older, slower answer never replaces a newer one.
import { bareCode, looksLikeReply } from './search-query';

let latest = 0;

export async function showBestMatch(slot: HTMLElement, base: string, query: string): Promise<void> {
  const run = ++latest;
  const codes = bareCode(query);
  if (!codes && !looksLikeReply(query)) {
    slot.replaceChildren();
    return;
  }
  const { bestMatch, codeCard } = await import('./search-best-match');
  const card = codes ? await codeCard(base, codes) : await bestMatch(base, query);
  if (run === latest) slot.replaceChildren(...(card ? [card] : []));
}
