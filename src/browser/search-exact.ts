// Makes dotted status codes exact in Pagefind searches. Pagefind matches every query word as a prefix,
// so "5.7.1" would also find pages that only say "5.7.10". Ranking still comes from the ordinary search;
// a quoted (exact-phrase) search for each dotted code only decides which of its results stay.
import { dottedCodes } from './search-query';

export interface PagefindSearch {
  results: { id: string }[];
}
export interface PagefindCore {
  search(term: string | null, options?: object): Promise<PagefindSearch | null>;
}

export function exactCodes(core: PagefindCore): void {
  const search = core.search.bind(core);
  core.search = async (term, options) => {
    const found = await search(term, options);
    const codes = term ? dottedCodes(term) : [];
    if (!found || codes.length === 0) return found;
    const exact = await Promise.all(codes.map((code) => search(`"${code}"`, options)));
    const keep = exact.map((r) => new Set(r?.results.map((x) => x.id)));
    return { ...found, results: found.results.filter((r) => keep.every((ids) => ids.has(r.id))) };
  };
}
