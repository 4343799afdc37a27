// Plain-word questions ("how to contact apple postmaster") are searched without their filler words
// (searchWords). Pagefind's Component UI searches what the box holds, so when that has filler words the
// instance searches again for the words that matter, through its documented events and triggerSearch;
// the box, the fragment and the best-match card keep the words the user typed.
import { searchWords } from './search-query';
import type { PagefindInstance } from './search-pagefind';

const typed = new Map<string, string>();

/** The words the user typed for a search term: the term itself, or the question it was cut from. */
export function typedFor(term: string): string {
  return typed.get(term) ?? term;
}

export function searchWithoutFiller(instance: PagefindInstance): void {
  instance.on('search', (term) => {
    const text = String(term ?? '');
    const words = searchWords(text);
    if (words === text) return;
    typed.clear();
    typed.set(words, text);
    // After the current dispatch, so this search starts last and its results are the ones shown.
    queueMicrotask(() => instance.triggerSearch(words));
  });
}
