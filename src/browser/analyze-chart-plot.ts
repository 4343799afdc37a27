// The chart's picture: gridlines and count ticks on the left, the refusal rate's scale on the
// right, time ticks below (hourly or daily, in the report's zone), stacked bars per bucket and the
// rate line. Each bucket is a focusable group whose <title> and label hold its values.
import { zonedParts } from '../lib/report/zones';
import { countTicks, timeTicks, type ChartBucket } from './analyze-chart-data';
import { svg } from './analyze-chart-svg';

export interface PlotSize {
  width: number;
  height: number;
}
const PAD = { left: 40, right: 40, top: 10, bottom: 34 };
const pct = (x: number) => `${Math.round(x * 100)}%`;

export interface PlotInput {
  data: ChartBucket[];
  keys: { id: string; title: string }[];
  bucketMinutes: number;
  zone: string;
  /** A bucket's values in words (its <title> and accessible name). */
  describe: (b: ChartBucket) => string;
}

function frame(input: PlotInput, size: PlotSize) {
  const { data, bucketMinutes } = input;
  const plotW = size.width - PAD.left - PAD.right;
  const plotH = size.height - PAD.top - PAD.bottom;
  const from = data[0]!.start;
  const to = data.at(-1)!.start + bucketMinutes * 60_000;
  const counts = countTicks(Math.max(...data.map((d) => d.total)));
  const top = counts.at(-1)!;
  return {
    plotW,
    plotH,
    from,
    to,
    counts,
    x: (t: number) => PAD.left + ((t - from) / (to - from)) * plotW,
    y: (n: number) => PAD.top + plotH - (n / top) * plotH,
  };
}

function axes(input: PlotInput, size: PlotSize, f: ReturnType<typeof frame>): SVGElement[] {
  const out: SVGElement[] = [];
  const right = size.width - PAD.right;
  for (const c of f.counts) {
    out.push(svg('line', { x1: PAD.left, x2: right, y1: f.y(c), y2: f.y(c), class: 'chart-grid' }));
    out.push(
      svg('text', { x: PAD.left - 6, y: f.y(c) + 4, 'text-anchor': 'end', class: 'chart-label' }, String(c)),
    );
  }
  const top = f.counts.at(-1)!;
  for (const share of [0, 0.5, 1])
    out.push(
      svg(
        'text',
        { x: right + 6, y: f.y(share * top) + 4, class: 'chart-label chart-rate-label' },
        pct(share),
      ),
    );
  const most = Math.max(2, Math.floor(f.plotW / 80));
  const { step, ticks } = timeTicks(f.from, f.to, input.zone, input.bucketMinutes, most);
  ticks.forEach((t, i) => {
    const iso = new Date(t).toISOString();
    const p = zonedParts(iso, input.zone);
    const day = step >= 1440 || i === 0 || p.time === '00:00';
    out.push(
      svg('line', { x1: f.x(t), x2: f.x(t), y1: PAD.top, y2: PAD.top + f.plotH, class: 'chart-grid' }),
    );
    out.push(
      svg(
        'text',
        {
          x: f.x(t),
          y: size.height - 18,
          'text-anchor': 'middle',
          class: 'chart-label',
          'data-chart-tick': iso,
        },
        step >= 1440 ? p.date.slice(5) : p.time,
      ),
    );
    if (day && step < 1440)
      out.push(
        svg(
          'text',
          { x: f.x(t), y: size.height - 3, 'text-anchor': 'middle', class: 'chart-label' },
          p.date.slice(5),
        ),
      );
  });
  out.push(svg('line', { x1: PAD.left, x2: right, y1: f.y(0), y2: f.y(0), class: 'chart-axis' }));
  return out;
}

function bucketGroups(input: PlotInput, f: ReturnType<typeof frame>): SVGElement[] {
  const bw = f.plotW / input.data.length;
  const top = f.counts.at(-1)!;
  let first = true;
  return input.data.flatMap((d, i) => {
    if (!d.total) return [];
    const x = PAD.left + i * bw;
    const label = input.describe(d);
    const g = svg('g', {
      class: 'chart-bucket',
      tabindex: first ? 0 : -1,
      role: 'img',
      'aria-label': label,
      'data-chart-bucket': new Date(d.start).toISOString(),
    });
    first = false;
    g.append(svg('title', {}, label));
    g.append(
      svg('rect', { x: x.toFixed(1), y: PAD.top, width: bw.toFixed(1), height: f.plotH, class: 'chart-hit' }),
    );
    let y = f.y(0);
    input.keys.forEach((k, j) => {
      const n = d.stack[k.id] ?? 0;
      if (!n) return;
      const h = (n / top) * f.plotH;
      y -= h;
      g.append(
        svg('rect', {
          x: (x + bw * 0.1).toFixed(1),
          y: y.toFixed(1),
          width: Math.max(1, bw * 0.8).toFixed(1),
          height: Math.max(0.5, h).toFixed(1),
          class: `chart-series-${j}`,
        }),
      );
    });
    if (d.rate !== undefined)
      g.append(
        svg('circle', {
          cx: (x + bw / 2).toFixed(1),
          cy: f.y(d.rate * top).toFixed(1),
          r: 3.5,
          class: 'chart-rate-point',
        }),
      );
    return [g];
  });
}

function rateLine(input: PlotInput, f: ReturnType<typeof frame>): SVGElement | null {
  const bw = f.plotW / input.data.length;
  const top = f.counts.at(-1)!;
  const points = input.data.flatMap((d, i) =>
    d.rate === undefined
      ? []
      : [`${(PAD.left + i * bw + bw / 2).toFixed(1)},${f.y(d.rate * top).toFixed(1)}`],
  );
  return points.length > 1 ? svg('polyline', { points: points.join(' '), class: 'chart-rate' }) : null;
}

/** The picture in two parts, for two slices of the drawing: the frame (axes, scales, the rate line)
 *  at once, and `bars()` appending the buckets, most of its elements. */
export function plot(
  input: PlotInput,
  size: PlotSize,
  name: string,
): { picture: SVGSVGElement; bars: () => void } {
  const f = frame(input, size);
  const line = rateLine(input, f);
  const picture = svg(
    'svg',
    { viewBox: `0 0 ${size.width} ${size.height}`, class: 'chart', role: 'group', 'aria-label': name },
    ...axes(input, size, f),
    ...(line ? [line] : []),
  );
  return { picture, bars: () => picture.append(...bucketGroups(input, f)) };
}
