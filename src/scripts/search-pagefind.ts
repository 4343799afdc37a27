// Loads Pagefind's Component UI (script + stylesheet from the bundle Pagefind writes at build time) once,
// and makes dotted status codes exact: Pagefind matches every query word as a prefix, so "5.7.1" would
// also find "5.7.10". Ranking still comes from the ordinary search; a quoted (exact) search for each
// dotted code only decides which of those results stay.
import { dottedCodes } from './search-query';

interface PagefindResult { id: string }
interface PagefindSearch { results: PagefindResult[]; unfilteredResultCount?: number }
interface PagefindCore { search(term: string | null, options?: object): Promise<PagefindSearch | null> }
export interface PagefindInstance {
  triggerLoad(): Promise<void>;
  triggerSearch(term: string): void;
  on(event: 'search' | 'results', callback: (...args: unknown[]) => void, owner?: object): void;
  searchTerm?: string;
  /** Set by the Component UI once pagefind.js has loaded (not a documented API; pinned Pagefind 1.6). */
  __pagefind__?: PagefindCore;
}
declare global {
  interface Window {
    PagefindComponents?: { getInstanceManager(): { getInstance(name?: string): PagefindInstance } };
  }
}

let loading: Promise<PagefindInstance> | undefined;

function inject<T extends HTMLLinkElement | HTMLScriptElement>(element: T): Promise<void> {
  return new Promise((resolve, reject) => {
    element.addEventListener('load', () => resolve(), { once: true });
    element.addEventListener('error', () => reject(new Error(`Search could not load ${'src' in element ? element.src : element.href}`)), { once: true });
    document.head.append(element);
  });
}

function exactCodes(core: PagefindCore) {
  const search = core.search.bind(core);
  core.search = async (term, options) => {
    const found = await search(term, options);
    const codes = term ? dottedCodes(term) : [];
    if (!found || codes.length === 0) return found;
    const exact = await Promise.all(codes.map((c) => search(`"${c}"`, options)));
    const keep = exact.map((r) => new Set(r?.results.map((x) => x.id)));
    return { ...found, results: found.results.filter((r) => keep.every((ids) => ids.has(r.id))) };
  };
}

/** The Pagefind UI instance, with its index loaded. `bundle` is the bundle folder URL (with the base path). */
export function loadPagefind(bundle: string): Promise<PagefindInstance> {
  loading ??= (async () => {
    const css = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: `${bundle}pagefind-component-ui.css` });
    const js = Object.assign(document.createElement('script'), { src: `${bundle}pagefind-component-ui.js` });
    await Promise.all([inject(css), inject(js)]);
    const instance = window.PagefindComponents!.getInstanceManager().getInstance('default');
    await instance.triggerLoad();
    if (instance.__pagefind__) exactCodes(instance.__pagefind__);
    return instance;
  })();
  return loading;
}
