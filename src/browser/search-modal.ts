// The header's search dialog: Pagefind's Component UI modal, built from the <template> SiteSearch.astro
// renders once Pagefind has loaded, with the best-match card above the results.
import { loadPagefind } from './search-pagefind';
import { showBestMatch } from './search-slot';

interface ModalElement extends HTMLElement {
  open(): void;
}

const base = import.meta.env.BASE_URL;
let ready: Promise<ModalElement> | undefined;

function build(root: HTMLElement): Promise<ModalElement> {
  ready ??= loadPagefind(base).then((instance) => {
    const template = root.querySelector<HTMLTemplateElement>('template[data-search-modal]')!;
    root.append(template.content.cloneNode(true));
    const slot = root.querySelector<HTMLElement>('[data-best-match-slot]')!;
    instance.on('search', (term) => void showBestMatch(slot, base, String(term ?? '')), root);
    return root.querySelector<ModalElement>('pagefind-modal')!;
  });
  return ready;
}

// Loading starts as soon as this module is imported (on the box's first focus or "/").
const root = document.querySelector<HTMLElement>('[data-site-search]');
if (root) void build(root);

export async function openSearch(root: HTMLElement): Promise<void> {
  (await build(root)).open();
}
