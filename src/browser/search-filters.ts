// The filter menus of /search/: search.astro renders one <select> per Pagefind filter with "Any" as its
// only choice; the values and how many pages have each come from the index (pagefind.filters()).
export function showFilters(root: HTMLElement, values: Record<string, Record<string, number>>): void {
  for (const select of root.querySelectorAll('select')) {
    const counts = Object.entries(values[select.dataset.filter!] ?? {});
    counts.sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
    select.append(...counts.map(([value, n]) => new Option(`${value} (${n})`, value)));
  }
}
