// Makes dotted status codes exact. Pagefind matches every query word as a prefix, so "5.7.1" would also
// find pages that only say "5.7.10". Its documented quoted search ("5.7.1" in double quotes) matches
// exactly, but scores every page it finds the same, so it cannot rank. The two are merged: the ranking
// comes from the ordinary search, and a quoted search for each dotted code decides which results stay.
import { dottedCodes } from './search-query';

export interface Found {
  results: { id: string }[];
}
/** One Pagefind search: the query and the options (filters) of the ordinary search. */
export type Search<T extends Found> = (term: string) => Promise<T | null>;

/** The ordinary search's results, in its order, less those missing from any code's quoted search;
 *  null when a newer debounced search replaced this one. */
export async function searchExact<T extends Found>(
  term: string,
  ranked: Search<T>,
  quoted: Search<Found>,
): Promise<T | null> {
  const found = await ranked(term);
  const codes = dottedCodes(term);
  if (!found || codes.length === 0) return found;
  const exact = await Promise.all(codes.map((code) => quoted(`"${code}"`)));
  const keep = exact.map((r) => new Set(r?.results.map((x) => x.id)));
  return { ...found, results: found.results.filter((r) => keep.every((ids) => ids.has(r.id))) };
}
