// Draws the /analyze/ report from the worker's Report: what to do first, the downloads, totals and
// rates, warnings, problems with files, one row per iCloud entry (cards on phones), the chart,
// recipient domains, and the addresses to suppress and to keep. Every string from the input
// becomes a text node (el() never parses markup).
import type { ShownReport } from './engine-protocol';
import { codesText } from '../lib/standards';
import { withBase } from '../lib/urls';
import { OUTCOMES, RETRY, SUPPRESS } from '../lib/vocabulary';
import { renderAppleDraft } from './analyze-apple-draft';
import { renderBreakdowns } from './analyze-breakdowns';
import { renderChart } from './analyze-chart';
import { renderDownloads } from './analyze-downloads';
import { renderAddressLists } from './analyze-lists';
import { renderTodo } from './analyze-todo';
import { renderZoneNote, zonedWhen } from './analyze-times';
import { el, fact } from './classifier-dom';
import { slicer } from './slices';
import { thousands as n } from '../lib/thousands';
import { percent as pct } from '../lib/percent';

const scroll = (name: string, table: HTMLTableElement) =>
  el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': name }, table);

function totals(r: ShownReport) {
  const { deliveries: d, rates } = r;
  return el(
    'dl',
    { class: 'report-totals', 'data-report-totals': '' },
    fact('Files', n(r.files.length)),
    fact('Lines read', n(r.lines)),
    fact('Log lines, messages and events', n(r.records)),
    fact('SMTP replies found', n(r.replies)),
    fact('iCloud replies', n(r.icloud)),
    fact('iCloud replies no entry explains', n(r.icloudUnmatched)),
    fact('Other servers’ replies', n(r.other)),
    fact('Automatic replies (not bounces)', n(r.autoReplies)),
    fact('Deliveries seen (all providers)', n(d.all)),
    fact('Deliveries to iCloud', `${n(d.icloud)} (${pct(rates.icloudShareOfDeliveries)} of all)`),
    fact(
      'iCloud attempts refused',
      `${n(rates.refused)} of ${n(rates.attempts)} (${pct(rates.refusedShare)})`,
    ),
  );
}

function deliveryDomains(r: ShownReport) {
  const top = r.deliveries.domains;
  if (!top.length) return null;
  return el(
    'p',
    { 'data-report-delivery-domains': '' },
    `Deliveries by recipient domain: ${top.map((t) => `${t.domain} ${n(t.count)}`).join(', ')}. iCloud attempts are the deliveries to iCloud plus iCloud’s replies; shares in this report are of them.`,
  );
}

function entriesTable(r: ShownReport, base: string) {
  const when = zonedWhen(r);
  return scroll(
    'iCloud replies by entry',
    el(
      'table',
      { class: 'report-entries card-table' },
      el('caption', {}, 'iCloud replies by entry'),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ...[
            'Entry',
            'Codes',
            'Replies',
            'Share',
            'Outcome',
            'Retry',
            'Suppress',
            'First seen',
            'Last seen',
            'Recipients',
          ].map((h) => el('th', { scope: 'col' }, h)),
        ),
      ),
      el(
        'tbody',
        {},
        ...r.rows.map((row) =>
          el(
            'tr',
            { 'data-report-entry': row.id, 'data-count': String(row.count) },
            el('th', { scope: 'row' }, el('a', { href: withBase(base, row.path) }, row.title)),
            el('td', { 'data-label': 'Codes' }, el('code', {}, codesText(row.code, row.enhanced))),
            el('td', { class: 'num', 'data-label': 'Replies' }, n(row.count)),
            el('td', { class: 'num', 'data-label': 'Share' }, pct(row.share)),
            el('td', { 'data-label': 'Outcome' }, OUTCOMES[row.outcome]),
            el(
              'td',
              { 'data-label': 'Retry' },
              row.retryDelay ? `${RETRY[row.retry]}, ${row.retryDelay}` : RETRY[row.retry],
            ),
            el(
              'td',
              { 'data-label': 'Suppress' },
              row.suppress === 'after-repeats'
                ? `${SUPPRESS[row.suppress]} (${r.repeatsToSuppress} days)`
                : SUPPRESS[row.suppress],
            ),
            el('td', { 'data-label': 'First seen' }, when(row.first)),
            el('td', { 'data-label': 'Last seen' }, when(row.last)),
            el('td', { class: 'num', 'data-label': 'Recipients' }, n(row.recipients)),
          ),
        ),
      ),
    ),
  );
}

function domainsList(r: ShownReport) {
  const d = r.domains;
  const items: [string, number][] = [
    ['icloud.com', d['icloud.com']],
    ['me.com', d['me.com']],
    ['mac.com', d['mac.com']],
    ['Custom domains on iCloud+', d.custom],
    ['Hide My Email relay (privaterelay.appleid.com, private.icloud.com)', d.relay],
    ['No recipient in the reply', d.unknown],
  ];
  const custom = r.customDomains.slice(0, 10);
  return el(
    'section',
    { 'aria-labelledby': 'report-domains-heading' },
    el('h3', { id: 'report-domains-heading' }, 'Recipient domains of the iCloud replies'),
    el('dl', { class: 'report-totals', 'data-report-domains': '' }, ...items.map(([k, v]) => fact(k, n(v)))),
    custom.length
      ? el(
          'p',
          {},
          `Custom domains: ${custom.map((c) => `${c.domain} (${n(c.count)})`).join(', ')}${r.customDomains.length > custom.length ? ', …' : ''}.`,
        )
      : null,
  );
}

const warning = (w: ShownReport['warnings'][number]) =>
  el(
    'p',
    { class: `report-warning panel`, 'data-report-warning': w.kind },
    el('strong', {}, w.kind === 'incident' ? 'Possible Apple incident: ' : 'Note: '),
    w.message,
  );

function problems(r: ShownReport) {
  if (!r.problems.length) return null;
  return el(
    'section',
    { 'aria-labelledby': 'report-problems-heading' },
    el('h3', { id: 'report-problems-heading' }, 'Files with problems'),
    el(
      'ul',
      { 'data-report-problems': '' },
      ...r.problems.map((p) => el('li', { 'data-report-problem': p.file }, p.message)),
    ),
  );
}

/** Reports are drawn in slices: the top (what to do first, downloads, totals, the entries) at once,
 *  then, one per frame, the heading's focus with the chart, its bars, its table, the breakdowns, the
 *  message to Apple, the domains and the addresses, so the page answers while a big report goes in.
 *  A newer report stops an older one. */
const drawing = slicer();

/** `r` has its address lists cut short (ShownReport); `listed` gives their full lengths. The root says
 *  `data-drawn="complete"` once the last part is in. */
export async function renderReport(
  root: HTMLElement,
  r: ShownReport,
  listed: { suppress: number; keep: number },
  base: string,
  extra: { desk: ReadonlySet<string> } = { desk: new Set() },
) {
  const heading = el(
    'h2',
    { id: 'report-heading', tabindex: '-1' },
    r.cancelled ? 'Report (cancelled: files read so far)' : 'Report',
  );
  const add = (...parts: (Node | null | undefined)[]) =>
    root.append(...parts.filter((p): p is Node => p !== null && p !== undefined));
  const chart = renderChart(r, 'h3');
  const steps = [
    () => {
      root.replaceChildren();
      add(
        heading,
        renderTodo(r.todo, base),
        renderDownloads(),
        totals(r),
        deliveryDomains(r),
        renderZoneNote(r),
        ...r.warnings.map(warning),
        problems(r),
        r.rows.length
          ? entriesTable(r, base)
          : el('p', { 'data-report-empty': '' }, 'No reply in these files was credited to an iCloud entry.'),
      );
      root.hidden = false;
      root.dataset.drawn = 'partial';
    },
    () => {
      // Focused a frame later, once the frame has laid the report out: focus() lays out what is
      // not, which made it most of the first slice (7-26 ms of it, with or without the scroll).
      heading.focus();
      add(chart?.section());
    },
    () => chart?.bars(),
    () => chart?.table(),
    () => add(renderBreakdowns(r)),
    () => add(renderAppleDraft(r, extra.desk)),
    () => add(r.icloud ? domainsList(r) : null),
    () => add(renderAddressLists(r.suppressList, r.keepList, listed)),
  ];
  if (!(await drawing.draw(steps))) return;
  root.dataset.drawn = 'complete';
}
