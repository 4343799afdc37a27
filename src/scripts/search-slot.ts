// Fills a best-match slot for the latest query. The classifier is imported only once a query looks like
// a reply, so plain searches never download it; an older, slower answer never replaces a newer one.
import { looksLikeReply } from './search-query';

let latest = 0;

export async function showBestMatch(slot: HTMLElement, base: string, query: string): Promise<void> {
  const run = ++latest;
  if (!looksLikeReply(query)) {
    slot.replaceChildren();
    return;
  }
  const { bestMatch } = await import('./search-best-match');
  const card = await bestMatch(base, query);
  if (run === latest) slot.replaceChildren(...(card ? [card] : []));
}
