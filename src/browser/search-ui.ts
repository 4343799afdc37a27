// One search box with its results, shared by /search/ and the header's dialog: each input runs a search
// (the latest one wins), fills the best-match slot and the results; the arrow keys move between the
// box and the result titles. Parts are found by data attributes (SearchResults.astro).
import { searchSite, type Filters } from './search-pagefind';
import { showResults, summaryText } from './search-results';
import { showBestMatch } from './search-slot';

export interface SearchUi {
  input: HTMLInputElement;
  /** Runs the search for what was typed (also when it was set from outside, as from the URL). */
  run(typed: string): Promise<void>;
}

export function connectSearch(
  root: HTMLElement,
  base: string,
  filters: () => Filters = () => ({}),
  onSearch: (typed: string) => void = () => {},
): SearchUi {
  const input = root.querySelector<HTMLInputElement>('[data-search-input]')!;
  const summary = root.querySelector<HTMLElement>('[data-search-summary]')!;
  const list = root.querySelector<HTMLElement>('[data-search-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const slot = root.querySelector<HTMLElement>('[data-best-match-slot]')!;
  let latest = 0;

  async function run(typed: string) {
    const id = ++latest;
    const current = () => id === latest;
    onSearch(typed);
    void showBestMatch(slot, base, typed);
    if (!typed.trim()) {
      summary.textContent = '';
      list.replaceChildren();
      more.hidden = true;
      return;
    }
    const found = await searchSite(base, typed, filters()).catch(() => undefined);
    if (found === undefined) summary.textContent = 'Search could not load. Reload the page to try again.';
    if (!found || !current()) return;
    await showResults(list, more, found.results, current);
    if (current()) summary.textContent = summaryText(found.results.length, found.words);
  }

  input.addEventListener('input', () => void run(input.value));
  root.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const stops = [input, ...list.querySelectorAll<HTMLElement>('a.search-result-link')];
    const at = stops.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    const to = stops[at + (event.key === 'ArrowDown' ? 1 : -1)];
    if (!to) return;
    event.preventDefault();
    to.focus();
  });
  return { input, run };
}
