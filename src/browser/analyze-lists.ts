// The addresses to suppress and to keep, each list collapsed (<details>) with a count, a filter and
// a copy-all button; the rows are grouped by their reason, which is said once per group. The keep
// list is split by what to do: retry now, fix the cause first, or wait for an Apple incident.
import type { KeepGroup, ListedAddress } from '../lib/report/index';
import { copyText } from './copy';
import { el } from './classifier-dom';
import { thousands as n } from '../lib/thousands';

const LISTS = {
  suppress: {
    title: 'Addresses to suppress',
    hint: 'Stop sending to these addresses.',
  },
  retry: {
    title: 'Keep: retry now',
    hint: 'Temporary refusals: the queue may try these again now, at a slower pace.',
  },
  'fix-first': {
    title: 'Keep: fix the cause first',
    hint: 'Keep these addresses, but fix what the entry names before sending to them again.',
  },
  incident: {
    title: 'Keep: resend after the Apple incident',
    hint: 'These replies came during a suspected Apple incident; resend once it is over.',
  },
} as const;

type ListName = keyof typeof LISTS;

function byReason(items: readonly ListedAddress[]): Map<string, ListedAddress[]> {
  const groups = new Map<string, ListedAddress[]>();
  for (const a of items) {
    const g = groups.get(a.reason);
    if (g) g.push(a);
    else groups.set(a.reason, [a]);
  }
  return groups;
}

function list(name: ListName, items: readonly ListedAddress[], total: number) {
  const { title, hint } = LISTS[name];
  const kind = name === 'suppress' ? 'suppress' : 'keep';
  const count = el('p', { class: 'list-count', 'aria-live': 'polite' }, `${n(items.length)} shown`);
  const filter = el('input', { type: 'search', id: `report-filter-${name}`, 'data-list-filter': '' });
  const copy = el('button', { type: 'button', class: 'button', 'data-copy-all': '' }, 'Copy all addresses');
  const rows: HTMLLIElement[] = [];
  const groups = [...byReason(items)].map(([reason, group]) => {
    const lis = group.map((a) => el('li', { 'data-address': a.address, 'data-entry': a.entry }, a.address));
    rows.push(...lis);
    return el(
      'div',
      { class: 'address-group' },
      el('p', { class: 'address-reason' }, `${reason} (${n(group.length)})`),
      el('ul', { class: 'address-list' }, ...lis),
    );
  });
  filter.addEventListener('input', () => {
    const q = filter.value.trim().toLowerCase();
    let shown = 0;
    for (const li of rows) {
      li.hidden = !!q && !li.dataset.address!.includes(q);
      if (!li.hidden) shown++;
    }
    count.textContent = `${n(shown)} shown`;
  });
  copy.addEventListener('click', () => void copyText(copy, items.map((a) => a.address).join('\n')));
  return el(
    'details',
    { class: 'address-details', 'data-report-list': name, [`data-report-${kind}`]: '' },
    el('summary', {}, `${title} (${n(total)})`),
    el('p', {}, hint),
    el(
      'div',
      { class: 'list-tools' },
      el('label', { for: `report-filter-${name}` }, 'Filter'),
      filter,
      copy,
      count,
    ),
    ...groups,
    total > items.length
      ? el('p', {}, `The first ${n(items.length)} are shown; the CSV download lists all ${n(total)}.`)
      : null,
  );
}

/** `suppress` and `keep` are the lists as shown (maybe cut short); `listed` their full lengths. */
export function renderAddressLists(
  suppress: readonly ListedAddress[],
  keep: readonly ListedAddress[],
  listed: { suppress: number; keep: number },
) {
  const groups: KeepGroup[] = ['retry', 'fix-first', 'incident'];
  const kept = groups
    .map((g) => [g, keep.filter((a) => (a.group ?? 'fix-first') === g)] as const)
    .filter(([, items]) => items.length);
  return el(
    'section',
    { 'aria-labelledby': 'report-addresses-heading' },
    el('h3', { id: 'report-addresses-heading' }, 'Addresses'),
    suppress.length || listed.suppress
      ? list('suppress', suppress, listed.suppress)
      : el('p', { 'data-report-suppress': '' }, 'No address to suppress.'),
    ...kept.map(([g, items]) => list(g, items, items.length)),
    kept.length ? null : el('p', { 'data-report-keep': '' }, 'No address to keep.'),
    listed.keep > keep.length
      ? el(
          'p',
          {},
          `The first ${n(keep.length)} of ${n(listed.keep)} addresses to keep are shown; the CSV download lists all.`,
        )
      : null,
  );
}
