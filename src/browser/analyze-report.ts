// Draws the /analyze/ report from the worker's Report: totals, warnings, problems with files, one
// row per iCloud entry, the chart, recipient domains, the addresses to suppress and to keep, and
// the downloads. Every string from the input becomes a text node (el() never parses markup).
import type { ListedAddress } from '../lib/report/index';
import type { ShownReport } from './engine-protocol';
import { codesText } from '../lib/standards';
import { withBase } from '../lib/urls';
import { OUTCOMES, RETRY, SUPPRESS } from '../lib/vocabulary';
import { renderAppleDraft } from './analyze-apple-draft';
import { renderBreakdowns } from './analyze-breakdowns';
import { renderChart } from './analyze-chart';
import { renderZoneNote, zonedWhen } from './analyze-times';
import { el, fact } from './classifier-dom';

const n = (x: number) => x.toLocaleString('en');

export interface Downloads {
  json: string;
  replies: string;
  addresses: string;
}

const scroll = (name: string, table: HTMLTableElement) =>
  el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': name }, table);

function totals(r: ShownReport) {
  return el(
    'dl',
    { class: 'report-totals' },
    fact('Files', n(r.files.length)),
    fact('Lines read', n(r.lines)),
    fact('Log lines, messages and events', n(r.records)),
    fact('SMTP replies found', n(r.replies)),
    fact('iCloud replies', n(r.icloud)),
    fact('iCloud replies no entry explains', n(r.icloudUnmatched)),
    fact('Other servers’ replies', n(r.other)),
    fact('Deliveries seen', n(r.delivered)),
  );
}

function entriesTable(r: ShownReport, base: string) {
  const when = zonedWhen(r);
  return scroll(
    'iCloud replies by entry',
    el(
      'table',
      { class: 'report-entries' },
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
            el('td', {}, el('code', {}, codesText(row.code, row.enhanced))),
            el('td', { class: 'num' }, n(row.count)),
            el('td', { class: 'num' }, `${(row.share * 100).toFixed(1)}%`),
            el('td', {}, OUTCOMES[row.outcome]),
            el('td', {}, row.retryDelay ? `${RETRY[row.retry]}, ${row.retryDelay}` : RETRY[row.retry]),
            el(
              'td',
              {},
              row.suppress === 'after-repeats'
                ? `${SUPPRESS[row.suppress]} (${r.repeatsToSuppress} days)`
                : SUPPRESS[row.suppress],
            ),
            el('td', {}, when(row.first)),
            el('td', {}, when(row.last)),
            el('td', { class: 'num' }, n(row.recipients)),
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

function addressList(kind: 'suppress' | 'keep', shown: ListedAddress[], total: number) {
  const title = kind === 'suppress' ? 'Addresses to suppress' : 'Addresses to keep';
  return el(
    'section',
    { 'aria-labelledby': `report-${kind}-heading`, [`data-report-${kind}`]: '' },
    el('h3', { id: `report-${kind}-heading` }, `${title} (${n(total)})`),
    total
      ? scroll(
          title,
          el(
            'table',
            {},
            el('caption', { class: 'visually-hidden' }, title),
            el(
              'thead',
              {},
              el('tr', {}, el('th', { scope: 'col' }, 'Address'), el('th', { scope: 'col' }, 'Why')),
            ),
            el(
              'tbody',
              {},
              ...shown.map((a) =>
                el(
                  'tr',
                  { 'data-address': a.address, 'data-entry': a.entry },
                  el('td', {}, a.address),
                  el('td', {}, a.reason),
                ),
              ),
            ),
          ),
        )
      : el('p', {}, 'None.'),
    total > shown.length
      ? el('p', {}, `The first ${n(shown.length)} are shown; the CSV download lists all ${n(total)}.`)
      : null,
  );
}

/** `r` has its address lists cut short (ShownReport); `listed` gives their full lengths. */
export function renderReport(
  root: HTMLElement,
  r: ShownReport,
  listed: { suppress: number; keep: number },
  base: string,
  downloads: Downloads,
  extra: { desk: ReadonlySet<string> } = { desk: new Set() },
) {
  const heading = el(
    'h2',
    { id: 'report-heading', tabindex: '-1' },
    r.cancelled ? 'Report (cancelled: files read so far)' : 'Report',
  );
  const parts: (Node | null)[] = [
    heading,
    totals(r),
    renderZoneNote(r),
    ...r.warnings.map((w) =>
      el(
        'p',
        { class: `report-warning panel`, 'data-report-warning': w.kind },
        el('strong', {}, w.kind === 'incident' ? 'Possible Apple incident: ' : 'Note: '),
        w.message,
      ),
    ),
    r.problems.length
      ? el(
          'section',
          { 'aria-labelledby': 'report-problems-heading' },
          el('h3', { id: 'report-problems-heading' }, 'Files with problems'),
          el(
            'ul',
            { 'data-report-problems': '' },
            ...r.problems.map((p) => el('li', { 'data-report-problem': p.file }, p.message)),
          ),
        )
      : null,
    r.rows.length
      ? entriesTable(r, base)
      : el('p', { 'data-report-empty': '' }, 'No reply in these files was credited to an iCloud entry.'),
    renderChart(r, 'h3') ?? null,
    renderBreakdowns(r),
    renderAppleDraft(r, extra.desk),
    r.icloud ? domainsList(r) : null,
    addressList('suppress', r.suppressList, listed.suppress),
    addressList('keep', r.keepList, listed.keep),
    el(
      'section',
      { 'aria-labelledby': 'report-downloads-heading' },
      el('h3', { id: 'report-downloads-heading' }, 'Downloads'),
      el(
        'ul',
        { class: 'report-downloads' },
        el(
          'li',
          {},
          el(
            'a',
            { href: downloads.replies, download: 'icloud-replies.csv', 'data-download': 'replies' },
            'Every reply found (CSV)',
          ),
        ),
        el(
          'li',
          {},
          el(
            'a',
            { href: downloads.addresses, download: 'icloud-addresses.csv', 'data-download': 'addresses' },
            'Addresses to suppress and to keep (CSV)',
          ),
        ),
        el(
          'li',
          {},
          el(
            'a',
            { href: downloads.json, download: 'icloud-report.json', 'data-download': 'json' },
            'The whole report (JSON)',
          ),
        ),
      ),
    ),
  ];
  root.replaceChildren(...parts.filter((p): p is Node => p !== null));
  root.hidden = false;
  heading.focus();
}
