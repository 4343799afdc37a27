// The header's search dialog (SiteSearch.astro), with the same box, best-match card and results as
// /search/. Escape closes it, as does a click outside it or on its close button.
import { connectSearch } from './search-ui';
import { loadPagefind } from './search-pagefind';

const base = import.meta.env.BASE_URL;
const dialog = document.querySelector<HTMLDialogElement>('dialog[data-search-dialog]');
let ui: ReturnType<typeof connectSearch> | undefined;

function prepare(dialog: HTMLDialogElement) {
  if (ui) return ui;
  ui = connectSearch(dialog, base);
  dialog.querySelector('[data-search-close]')!.addEventListener('click', () => dialog.close());
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  // A search field's own Escape only empties it; here Escape closes the dialog, as its hints say.
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    dialog.close();
  });
  return ui;
}

// Loading starts as soon as this module is imported (on the box's first focus or "/").
if (dialog) {
  prepare(dialog);
  void loadPagefind(base);
}

export function openSearch(): void {
  if (!dialog) return;
  const { input } = prepare(dialog);
  dialog.showModal();
  input.focus();
  input.select();
}
