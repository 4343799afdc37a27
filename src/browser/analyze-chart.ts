// The chart of iCloud replies over time, stacked by entry: an inline SVG built with DOM calls (no
// markup strings), with the same numbers in a table for screen readers and keyboard users.
import type { Series } from '../lib/report/index';
import type { ShownReport } from './engine-protocol';
import { el } from './classifier-dom';

const SVG = 'http://www.w3.org/2000/svg';
/** At most this many entries get their own colour; the rest are stacked as "Other entries". */
const SHOWN = 7;
const OTHER = 'other';
const W = 720;
const H = 220;
const PAD = { left: 44, right: 8, top: 8, bottom: 28 };

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  ...children: (Node | string)[]
) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  node.append(...children);
  return node;
}

const label = (iso: string, minutes: number) =>
  minutes >= 1440 ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');

function groups(report: ShownReport): { id: string; title: string }[] {
  const top = report.rows.slice(0, SHOWN).map((r) => ({ id: r.id, title: r.title }));
  return report.rows.length > SHOWN ? [...top, { id: OTHER, title: 'Other entries' }] : top;
}

function stacks(series: Series, keys: string[]): Record<string, number>[] {
  const shown = new Set(keys);
  return series.buckets.map((b) => {
    const out: Record<string, number> = {};
    for (const [id, n] of Object.entries(b.counts)) {
      const k = shown.has(id) ? id : OTHER;
      out[k] = (out[k] ?? 0) + n;
    }
    return out;
  });
}

export function renderChart(report: ShownReport, headingLevel: 'h2' | 'h3'): HTMLElement | undefined {
  const series = report.series;
  if (!series) return undefined;
  const keys = groups(report);
  const data = stacks(
    series,
    keys.map((k) => k.id),
  );
  const max = Math.max(1, ...data.map((d) => Object.values(d).reduce((a, b) => a + b, 0)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const bw = plotW / data.length;
  const bars: SVGElement[] = [];
  data.forEach((d, i) => {
    let y = PAD.top + plotH;
    keys.forEach((k, j) => {
      const n = d[k.id] ?? 0;
      if (!n) return;
      const h = (n / max) * plotH;
      y -= h;
      bars.push(
        svg('rect', {
          x: (PAD.left + i * bw + bw * 0.1).toFixed(1),
          y: y.toFixed(1),
          width: Math.max(1, bw * 0.8).toFixed(1),
          height: Math.max(0.5, h).toFixed(1),
          class: `chart-series-${j}`,
        }),
      );
    });
  });
  const axis = [
    svg('line', {
      x1: PAD.left,
      y1: PAD.top + plotH,
      x2: W - PAD.right,
      y2: PAD.top + plotH,
      class: 'chart-axis',
    }),
    svg(
      'text',
      { x: PAD.left - 6, y: PAD.top + 10, 'text-anchor': 'end', class: 'chart-label' },
      String(max),
    ),
    svg('text', { x: PAD.left - 6, y: PAD.top + plotH, 'text-anchor': 'end', class: 'chart-label' }, '0'),
    svg(
      'text',
      { x: PAD.left, y: H - 8, class: 'chart-label' },
      label(series.buckets[0]!.start, series.bucketMinutes),
    ),
    svg(
      'text',
      { x: W - PAD.right, y: H - 8, 'text-anchor': 'end', class: 'chart-label' },
      label(series.buckets.at(-1)!.start, series.bucketMinutes),
    ),
  ];
  const picture = svg(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, class: 'chart', 'aria-hidden': 'true', focusable: 'false' },
    ...axis,
    ...bars,
  );
  const legend = el(
    'ul',
    { class: 'chart-legend' },
    ...keys.map((k, j) =>
      el('li', {}, el('span', { class: `chart-swatch chart-series-${j}`, 'aria-hidden': 'true' }), k.title),
    ),
  );
  const size =
    series.bucketMinutes >= 1440
      ? `${series.bucketMinutes / 1440}-day`
      : series.bucketMinutes >= 60
        ? `${series.bucketMinutes / 60}-hour`
        : `${series.bucketMinutes}-minute`;
  const table = el(
    'table',
    { class: 'card-table' },
    el('caption', {}, `iCloud replies per ${size} interval (UTC)`),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, 'From'),
        ...keys.map((k) => el('th', { scope: 'col' }, k.title)),
      ),
    ),
    el(
      'tbody',
      {},
      ...data
        .map((d, i) => ({ d, i }))
        .filter(({ d }) => Object.keys(d).length)
        .map(({ d, i }) =>
          el(
            'tr',
            {},
            el('th', { scope: 'row' }, label(series.buckets[i]!.start, series.bucketMinutes)),
            ...keys.map((k) => el('td', { 'data-label': k.title }, String(d[k.id] ?? 0))),
          ),
        ),
    ),
  );
  return el(
    'section',
    { class: 'report-chart', 'aria-labelledby': 'report-chart-heading' },
    el(headingLevel, { id: 'report-chart-heading' }, 'iCloud replies over time'),
    el(
      'p',
      {},
      `Stacked by entry, per ${size} interval, in UTC.${report.undated ? ` ${report.undated} replies without a time are left out.` : ''}`,
    ),
    picture,
    legend,
    el(
      'details',
      { class: 'chart-table' },
      el('summary', {}, 'The chart’s numbers as a table'),
      el('div', { class: 'table-scroll' }, table),
    ),
  );
}
