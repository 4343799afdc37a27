// The chart's numbers as a table, for screen readers and anyone who wants the exact values.
import { zonedTime } from '../lib/report/zones';
import type { ChartBucket } from './analyze-chart-data';
import { el } from './classifier-dom';

const pct = (x?: number) => (x === undefined ? '–' : `${Math.round(x * 100)}%`);

export function chartTable(
  data: ChartBucket[],
  keys: { id: string; title: string }[],
  caption: string,
  zone: string,
  daily: boolean,
): HTMLTableElement {
  return el(
    'table',
    { class: 'card-table' },
    el('caption', {}, caption),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, 'From'),
        ...keys.map((k) => el('th', { scope: 'col' }, k.title)),
        el('th', { scope: 'col' }, 'Deliveries to iCloud'),
        el('th', { scope: 'col' }, 'Share refused'),
      ),
    ),
    el(
      'tbody',
      {},
      ...data
        .filter((d) => d.total || d.delivered)
        .map((d) =>
          el(
            'tr',
            {},
            el('th', { scope: 'row' }, zonedTime(new Date(d.start).toISOString(), zone, daily)),
            ...keys.map((k) => el('td', { class: 'num', 'data-label': k.title }, String(d.stack[k.id] ?? 0))),
            el('td', { class: 'num', 'data-label': 'Deliveries to iCloud' }, String(d.delivered)),
            el('td', { class: 'num', 'data-label': 'Share refused' }, pct(d.rate)),
          ),
        ),
    ),
  );
}
