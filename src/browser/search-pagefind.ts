// Pagefind's documented JavaScript API (the pagefind.js module Pagefind writes into its bundle at build
// time), loaded once and configured for the site's base path. A search drops a question's filler words
// (searchWords) and keeps dotted status codes exact (search-exact.ts).
import { withBase } from '../lib/urls';
import { searchExact, type Found } from './search-exact';
import { searchWords } from './search-query';

export type Filters = Record<string, string>;
interface SearchOptions {
  filters?: Filters;
}

/** A matched section of a page (Pagefind's PagefindSubResult). */
export interface SubResult {
  title: string;
  url: string;
  excerpt: string;
  locations: number[];
}
/** What `result.data()` gives (Pagefind's PagefindSearchFragment, the fields used here). */
export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: SubResult[];
}
export interface Result {
  id: string;
  data(): Promise<ResultData>;
}
interface Search extends Found {
  results: Result[];
}
interface Pagefind {
  options(options: object): Promise<void>;
  init(): Promise<void>;
  search(term: string, options?: SearchOptions): Promise<Search>;
  debouncedSearch(term: string, options?: SearchOptions, ms?: number): Promise<Search | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** What a search found: the words searched (the query less its filler) and the ranked results. */
export interface SiteResults {
  words: string;
  results: Result[];
}

let loading: Promise<Pagefind> | undefined;

/** `base` is the site's base path (import.meta.env.BASE_URL): the bundle lives under it, and result
 *  URLs get it prepended. */
export function loadPagefind(base: string): Promise<Pagefind> {
  loading ??= (async () => {
    const bundlePath = withBase(base, 'pagefind/');
    const pagefind = (await import(/* @vite-ignore */ `${bundlePath}pagefind.js`)) as Pagefind;
    await pagefind.options({
      bundlePath,
      baseUrl: withBase(base),
      // Entries seen in a raw capture repeat their title and category as `confirmed` (EntryPage.astro):
      // a match there lifts them above variants that were only reported or listed.
      ranking: { metaWeights: { confirmed: 3 } },
    });
    await pagefind.init();
    return pagefind;
  })();
  return loading;
}

/** Searches the site for what was typed; null when a newer search has started meanwhile. */
export async function searchSite(base: string, typed: string, filters: Filters): Promise<SiteResults | null> {
  const pagefind = await loadPagefind(base);
  const words = searchWords(typed.trim());
  const options = { filters };
  const found = await searchExact(
    words,
    (term) => pagefind.debouncedSearch(term, options, 150),
    (term) => pagefind.search(term, options),
  );
  return found && { words, results: found.results };
}
