// /search/: loads Pagefind at once (this page is where it is used), runs the search in the URL fragment
// (#q=…), keeps the fragment in step with the box, and narrows the results by the chosen filters.
import { fragmentFor, readQuery } from './classifier-permalink';
import { showFilters } from './search-filters';
import { connectSearch } from './search-ui';
import { loadPagefind } from './search-pagefind';

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
  const ui = connectSearch(root, base, chosen, (typed) => {
    const hash = typed ? fragmentFor(typed) : '';
    if (location.hash !== hash) history.replaceState(null, '', hash || location.pathname + location.search);
  });
  filters.addEventListener('change', () => void ui.run(ui.input.value));

  const fromUrl = () => {
    const query = readQuery(location.hash) ?? '';
    if (query === ui.input.value) return;
    ui.input.value = query;
    void ui.run(query);
  };
  window.addEventListener('hashchange', fromUrl);
  fromUrl();
  if (!readQuery(location.hash)) ui.input.focus();
  showFilters(filters, await (await loadPagefind(base)).filters());
}

if (root) void start(root);
