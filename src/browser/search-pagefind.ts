// Loads Pagefind's Component UI (the script and stylesheet Pagefind writes into its bundle at build
// time) once, configured for the site's base path, with dotted status codes made exact and questions
// searched without their filler words (search-words.ts).
import { withBase } from '../lib/urls';
import { exactCodes, type PagefindCore } from './search-exact';
import { searchWithoutFiller } from './search-words';

export interface PagefindInstance {
  triggerLoad(): Promise<void>;
  triggerSearch(term: string): void;
  on(event: 'search' | 'results', callback: (...args: unknown[]) => void, owner?: object): void;
  searchTerm?: string;
  /** Set by the Component UI once pagefind.js has loaded. Not a documented API, hence Pagefind is pinned
   *  exactly (package.json). The documented quoted search cannot replace it: pagefind.js 1.6.0 runs an
   *  exact search only when the whole query is quoted (`exact_search=/^\s*".+"\s*$/.test(term)`), and
   *  pagefind_web's `exact_term` scores every page it finds `page_score: 1.0`, so the results come in
   *  index order. Merging a ranked and a quoted search in the page needs a hook on what the results
   *  element renders, and the Component UI has none: its `__search__` passes
   *  `this.__pagefind__.search(term, …)` straight to the "results" event. tests/e2e/search.spec.ts shows
   *  with a fixture index that without this "5.7.1" also finds "5.7.10". */
  __pagefind__?: PagefindCore;
}
declare global {
  interface Window {
    PagefindComponents?: {
      configureInstance(
        name: string,
        options: { bundlePath: string; baseUrl: string; ranking?: { metaWeights?: Record<string, number> } },
      ): PagefindInstance;
    };
  }
}

let loading: Promise<PagefindInstance> | undefined;

function inject(element: HTMLLinkElement | HTMLScriptElement, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    element.addEventListener('load', () => resolve(), { once: true });
    element.addEventListener('error', () => reject(new Error(`Search could not load ${url}`)), {
      once: true,
    });
    document.head.append(element);
  });
}

/** The Pagefind UI instance with its index loaded. `base` is the site's base path (import.meta.env.BASE_URL):
 *  the bundle lives under it, and result links get it prepended. */
export function loadPagefind(base: string): Promise<PagefindInstance> {
  loading ??= (async () => {
    const bundle = withBase(base, 'pagefind/');
    const css = Object.assign(document.createElement('link'), {
      rel: 'stylesheet',
      href: `${bundle}pagefind-component-ui.css`,
    });
    const js = Object.assign(document.createElement('script'), { src: `${bundle}pagefind-component-ui.js` });
    await Promise.all([inject(css, css.href), inject(js, js.src)]);
    // Configured before the index loads, so results link under the base path.
    const instance = window.PagefindComponents!.configureInstance('default', {
      bundlePath: bundle,
      baseUrl: withBase(base),
      // Entries seen in a raw capture repeat their title and category as `confirmed` (EntryPage.astro):
      // a match there lifts them above variants that were only reported or listed.
      ranking: { metaWeights: { confirmed: 3 } },
    });
    searchWithoutFiller(instance);
    await instance.triggerLoad();
    if (instance.__pagefind__) exactCodes(instance.__pagefind__);
    else
      console.warn(
        'Pagefind changed its internals: "5.7.1" may also find "5.7.10" until search-exact.ts is updated.',
      );
    return instance;
  })();
  return loading;
}
