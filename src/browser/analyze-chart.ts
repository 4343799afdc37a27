// The chart of iCloud replies over time, stacked by entry, with the share of iCloud attempts refused
// as a line: the picture (./analyze-chart-plot.ts), read by keyboard and pointer
// (./analyze-chart-focus.ts), and the same numbers as a table (./analyze-chart-table.ts).
import { zonedParts, zonedTime } from '../lib/report/zones';
import type { ShownReport } from './engine-protocol';
import { buckets, groups, type ChartBucket } from './analyze-chart-data';
import { readable } from './analyze-chart-focus';
import { plot } from './analyze-chart-plot';
import { chartTable } from './analyze-chart-table';
import { reportZone } from './analyze-times';
import { el } from './classifier-dom';

/** The picture is drawn at the page's width (up to 720 px) so its text keeps its size on a phone. */
const width = () => Math.max(300, Math.min(720, document.documentElement.clientWidth - 40));

function intervalName(minutes: number): string {
  if (minutes >= 1440) return `${minutes / 1440}-day`;
  return minutes >= 60 ? `${minutes / 60}-hour` : `${minutes}-minute`;
}

function describer(keys: { id: string; title: string }[], zone: string, minutes: number) {
  return (d: ChartBucket) => {
    const at = zonedTime(new Date(d.start).toISOString(), zone, minutes >= 1440);
    const parts = keys.filter((k) => d.stack[k.id]).map((k) => `${d.stack[k.id]} ${k.title}`);
    const rate = d.rate === undefined ? '' : `; ${Math.round(d.rate * 100)}% of iCloud attempts refused`;
    return `${at}: ${d.total} iCloud ${d.total === 1 ? 'reply' : 'replies'} (${parts.join(', ')}), ${d.delivered} delivered${rate}`;
  };
}

/** The chart in three parts, drawn in three slices: the section (the picture's frame, readout,
 *  legend), the picture's bars, then the table of its numbers inside the section's collapsed
 *  details. */
export interface ChartParts {
  section(): HTMLElement;
  bars(): void;
  table(): void;
}

export function renderChart(report: ShownReport, headingLevel: 'h2' | 'h3'): ChartParts | undefined {
  const series = report.series;
  if (!series) return undefined;
  const zone = reportZone(report);
  const keys = groups(report);
  const data = buckets(
    series,
    keys.map((k) => k.id),
  );
  const size = intervalName(series.bucketMinutes);
  const numbers = el('div', { class: 'table-scroll' });
  const readout = el('p', { class: 'chart-readout', 'aria-live': 'polite', 'data-chart-readout': '' });
  let drawn: ReturnType<typeof plot> | undefined;
  return {
    section() {
      const zoneName = zonedParts(series.buckets[0]!.start, zone).name;
      drawn = plot(
        {
          data,
          keys,
          bucketMinutes: series.bucketMinutes,
          zone,
          describe: describer(keys, zone, series.bucketMinutes),
        },
        { width: width(), height: 240 },
        `iCloud replies per ${size} interval and the share refused; arrow keys move between intervals`,
      );
      const legend = el(
        'ul',
        { class: 'chart-legend' },
        ...keys.map((k, j) =>
          el(
            'li',
            {},
            el('span', { class: `chart-swatch chart-series-${j}`, 'aria-hidden': 'true' }),
            k.title,
          ),
        ),
        el(
          'li',
          {},
          el('span', { class: 'chart-swatch chart-rate-swatch', 'aria-hidden': 'true' }),
          'Share of iCloud attempts refused (right scale)',
        ),
      );
      return el(
        'section',
        { class: 'report-chart', 'aria-labelledby': 'report-chart-heading' },
        el(headingLevel, { id: 'report-chart-heading' }, 'iCloud replies over time'),
        el(
          'p',
          {},
          `Stacked by entry, per ${size} interval, times in ${zone}${zoneName === zone ? '' : ` (${zoneName})`}. The line is the share of iCloud attempts (its replies and the deliveries to it) that got a reply. Hover over or focus a bar for its values.${report.undated ? ` ${report.undated} replies without a time are left out.` : ''}`,
        ),
        drawn.picture,
        readout,
        legend,
        el('details', { class: 'chart-table' }, el('summary', {}, 'The chart’s numbers as a table'), numbers),
      );
    },
    bars() {
      if (!drawn) return;
      drawn.bars();
      readable(drawn.picture, readout);
    },
    table() {
      const caption = `iCloud replies per ${size} interval (${zone})`;
      numbers.append(chartTable(data, keys, caption, zone, series.bucketMinutes >= 1440));
    },
  };
}
