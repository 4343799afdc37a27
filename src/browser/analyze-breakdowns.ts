// The report's breakdowns of the iCloud replies: bounced against deferred, by sending domain, by
// iCloud MX host and by the sending IP a reply names; a compact two-column table each.
import type { Count } from '../lib/report/index';
import type { ShownReport } from './engine-protocol';
import { el } from './classifier-dom';
import { thousands as n } from '../lib/thousands';

const SHOWN = 10;

function small(kind: string, caption: string, head: string, rows: [string, number][], more = 0) {
  return el(
    'table',
    { class: 'report-breakdown', 'data-breakdown': kind },
    el('caption', {}, caption),
    el(
      'thead',
      {},
      el('tr', {}, el('th', { scope: 'col' }, head), el('th', { scope: 'col', class: 'num' }, 'Replies')),
    ),
    el(
      'tbody',
      {},
      ...rows.map(([k, v]) => el('tr', {}, el('th', { scope: 'row' }, k), el('td', { class: 'num' }, n(v)))),
      more ? el('tr', {}, el('td', { colspan: '2' }, `and ${n(more)} more in the JSON download`)) : null,
    ),
  );
}

const rowsOf = (counts: Count[]): [string, number][] => counts.slice(0, SHOWN).map((c) => [c.key, c.count]);

export function renderBreakdowns(r: ShownReport): HTMLElement | null {
  const b = r.breakdowns;
  if (!b) return null;
  const none = (what: string) => el('p', {}, what);
  return el(
    'section',
    { 'aria-labelledby': 'report-breakdowns-heading', 'data-report-breakdowns': '' },
    el('h3', { id: 'report-breakdowns-heading' }, 'Breakdowns of the iCloud replies'),
    el(
      'div',
      { class: 'report-breakdowns' },
      small('status', 'Bounced or deferred', 'Outcome', [
        ['Bounced (refused)', b.status.bounced],
        ['Deferred (to be retried)', b.status.deferred],
      ]),
      b.senders.length
        ? small(
            'senders',
            'By sending domain',
            'Envelope sender’s domain',
            rowsOf(b.senders),
            Math.max(0, b.senders.length - SHOWN),
          )
        : none('No sending domain found: the log has no from=<…> lines for these messages.'),
      b.hosts.length
        ? small('hosts', 'By iCloud MX host', 'Host', rowsOf(b.hosts), Math.max(0, b.hosts.length - SHOWN))
        : null,
      b.ips.length
        ? small(
            'ips',
            'By sending IP the replies name',
            'IP address',
            rowsOf(b.ips),
            Math.max(0, b.ips.length - SHOWN),
          )
        : none('No reply names a sending IP.'),
    ),
  );
}
