// The header search box before search is loaded: a link to /search/ that, with JavaScript, opens the
// search dialog instead. Pagefind (pagefind.js, 13 KB gzipped, then its WASM and index chunks) loads on
// the box's first focus or the first "/"; until then this is all the search code a page carries. On
// /search/ itself, the box and "/" go to that page's own input.
const root = document.querySelector<HTMLElement>('[data-site-search]');
const trigger = root?.querySelector<HTMLAnchorElement>('[data-search-trigger]');

let dialog: Promise<typeof import('./search-modal')> | undefined;
const prepare = () => (dialog ??= import('./search-modal'));

const pageInput = () => document.querySelector<HTMLInputElement>('[data-search-page] [data-search-input]');

function isTyping(target: EventTarget | null): boolean {
  const el = target instanceof HTMLElement ? target : null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

async function open() {
  if (document.querySelector('[data-search-page]')) {
    pageInput()?.focus();
    return;
  }
  (await prepare()).openSearch();
}

if (root && trigger) {
  trigger.addEventListener('focus', () => void prepare(), { once: true });
  trigger.addEventListener('click', (event) => {
    // Modified clicks keep their usual meaning: /search/ in a new tab or window.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void open();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    event.preventDefault();
    void open();
  });
}
