// /search/: loads Pagefind at once (this page is where it is used), runs the search of a `#q=…` link
// and drops the fragment, and adds the best-match card for pasted replies. Like the classifier, it never
// writes what is typed into the address bar or history: a pasted reply holds addresses and IPs.
import { readQuery, takeQuery } from './classifier-permalink';
import { loadPagefind } from './search-pagefind';
import { showBestMatch } from './search-slot';
import { typedFor } from './search-words';

const base = import.meta.env.BASE_URL;
const root = document.querySelector<HTMLElement>('[data-search-page]');

// Pagefind gives its filter buttons role="combobox", which takes no name from the text inside, and it
// re-renders them as filters load: name each button after its dropdown's label whenever that happens.
function nameFilterButtons(filters: HTMLElement) {
  const name = () => {
    for (const dropdown of filters.querySelectorAll('pagefind-filter-dropdown')) {
      const button = dropdown.querySelector('button.pf-dropdown-trigger');
      if (button && !button.hasAttribute('aria-label'))
        button.setAttribute('aria-label', dropdown.getAttribute('label') ?? '');
    }
  };
  new MutationObserver(name).observe(filters, { childList: true, subtree: true });
  name();
}

async function start(root: HTMLElement) {
  root.querySelector('[data-search-nojs]')?.remove();
  const instance = await loadPagefind(base);
  // Pagefind's elements go in only now that the instance is configured (see search.astro).
  root.append(root.querySelector<HTMLTemplateElement>('template[data-search-ui]')!.content.cloneNode(true));
  const slot = root.querySelector<HTMLElement>('[data-best-match-slot]')!;
  nameFilterButtons(root.querySelector<HTMLElement>('.search-filters')!);
  const input = () => root.querySelector<HTMLInputElement>('pagefind-input input');

  instance.on(
    'search',
    (term) => {
      const text = typedFor(String(term ?? ''));
      // Pagefind's box shows the searched words when it is not focused; it keeps the question typed.
      const box = input();
      if (box && box.value !== text && document.activeElement !== box) box.value = text;
      void showBestMatch(slot, base, text);
    },
    root,
  );

  const fromUrl = () => {
    const query = takeQuery();
    if (query === undefined || query === typedFor(instance.searchTerm ?? '')) return;
    const box = input();
    if (box) box.value = query;
    instance.triggerSearch(query);
  };
  window.addEventListener('hashchange', fromUrl);
  const opened = readQuery(location.hash) !== undefined;
  fromUrl();
  if (!opened) input()?.focus();
}

if (root) void start(root);
