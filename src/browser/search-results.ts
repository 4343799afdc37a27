// Draws Pagefind results: each page's title with its outcome badge, reply and summary (indexed as page
// metadata by EntryPage.astro), the excerpt where the words matched, and at most two matching sections
// with their own excerpts. Results load ten at a time, as Pagefind's API advises. Every string from the
// index is set as text (excerpts through markedText).
import { el } from './classifier-dom';
import { markedText } from './search-marks';
import type { Result, ResultData, SubResult } from './search-pagefind';

const PAGE_SIZE = 10;
const MAX_SECTIONS = 2;

/** The sections to list: not the page itself (its excerpt is shown already), only those with an
 *  excerpt, and of those the ones with the most hits, kept in page order. */
function sections(data: ResultData): SubResult[] {
  const url = data.meta.url ?? data.url;
  const subs = data.sub_results.filter((s) => s.url !== url && s.excerpt);
  const top = [...subs].sort((a, b) => b.locations.length - a.locations.length).slice(0, MAX_SECTIONS);
  return subs.filter((s) => top.includes(s));
}

/** Index URLs are the site's own paths; anything else (a `javascript:` URL) is not linked. */
const safe = (url: string) => (/^(\/|https?:\/\/)/.test(url) ? url : undefined);

function card(data: ResultData): HTMLLIElement {
  const { meta } = data;
  const list = sections(data);
  return el(
    'li',
    { class: 'search-result' },
    el(
      'p',
      { class: 'search-result-title' },
      el('a', { class: 'search-result-link', href: safe(meta.url ?? data.url) }, meta.title ?? data.url),
      meta.outcome && ' ',
      meta.outcome && el('span', { class: `badge ${meta.outcome}` }, meta.outcome_label ?? ''),
    ),
    meta.reply && el('p', { class: 'search-result-reply' }, el('code', {}, meta.reply)),
    meta.summary && el('p', { class: 'search-result-summary' }, meta.summary),
    data.excerpt && el('p', { class: 'search-result-excerpt' }, ...markedText(data.excerpt)),
    list.length > 0 &&
      el(
        'ul',
        { class: 'search-result-sections' },
        ...list.map((s) =>
          el(
            'li',
            {},
            el('a', { class: 'search-section-link', href: safe(s.url) }, s.title),
            ': ',
            el('span', { class: 'search-section-excerpt' }, ...markedText(s.excerpt)),
          ),
        ),
      ),
  );
}

/** Replaces the list with the first results; the button adds the next ones. `current` says whether
 *  this search is still the latest, so a slower, older one never draws over it. */
export async function showResults(
  list: HTMLElement,
  more: HTMLButtonElement,
  results: Result[],
  current: () => boolean,
): Promise<void> {
  let shown = 0;
  const next = async (replace: boolean) => {
    const page = results.slice(shown, shown + PAGE_SIZE);
    const data = await Promise.all(page.map((r) => r.data()));
    if (!current()) return;
    shown += page.length;
    const cards = data.map(card);
    if (replace) list.replaceChildren(...cards);
    else list.append(...cards);
    more.hidden = shown >= results.length;
  };
  more.onclick = () => void next(false);
  await next(true);
}

export function summaryText(count: number, words: string): string {
  if (count === 0) return `No results for “${words}”`;
  return `${count} ${count === 1 ? 'result' : 'results'} for “${words}”`;
}
