// /search/: loads Pagefind at once (this page is where it is used), runs the search of a `#q=…` link
// and drops the fragment, and narrows the results by the chosen filters. Like the classifier, it never
// writes what is typed into the address bar or history: a pasted reply holds addresses and IPs.
import { readQuery, takeQuery } from './classifier-permalink';
import { loadPagefind } from './search-pagefind';
import { showFilters } from './search-filters';
import { connectSearch } from './search-ui';

const base = import.meta.env.BASE_URL;
const root = document.querySelector<HTMLElement>('[data-search-page]');

async function start(root: HTMLElement) {
  root.querySelector('[data-search-nojs]')?.remove();
  root.querySelector<HTMLElement>('[data-search-ui]')!.hidden = false;
  const filters = root.querySelector<HTMLElement>('[data-search-filters]')!;
  const chosen = () =>
    Object.fromEntries(
      [...filters.querySelectorAll('select')].filter((s) => s.value).map((s) => [s.dataset.filter!, s.value]),
    );
  const ui = connectSearch(root, base, chosen);
  filters.addEventListener('change', () => void ui.run(ui.input.value));

  const fromUrl = () => {
    const query = takeQuery();
    if (query === undefined || query === ui.input.value) return;
    ui.input.value = query;
    void ui.run(query);
  };
  window.addEventListener('hashchange', fromUrl);
  const opened = readQuery(location.hash) !== undefined;
  fromUrl();
  if (!opened) ui.input.focus();
  showFilters(filters, await (await loadPagefind(base)).filters());
}

if (root) void start(root);
