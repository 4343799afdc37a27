// The plain-text summary the command's --summary prints: what to do first, totals and rates, one
// row per iCloud entry, the breakdowns, recipient domains, warnings, problems, and the addresses to
// suppress and to keep.
import type { ListedAddress, Report, TodoItem } from '../lib/report/index.ts';
import { zonedTime } from '../lib/report/zones.ts';
import { breakdownLines } from './summary-breakdowns.ts';
import { thousands } from '../lib/thousands.ts';
import { percent as pct } from '../lib/percent.ts';

// Thousands grouped by hand: toLocaleString loads ICU's locale data, a tenth of the start-up.
const n = thousands;
const LIST_SHOWN = 20;

function table(head: string[], rows: string[][], right: Set<number>): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)];
}

function list(title: string, items: ListedAddress[]): string[] {
  if (!items.length) return [];
  const shown = items.slice(0, LIST_SHOWN).map((a) => `  ${a.address}  ${a.reason}`);
  const more =
    items.length > LIST_SHOWN ? [`  … and ${n(items.length - LIST_SHOWN)} more (--json lists all)`] : [];
  return ['', `${title} (${n(items.length)}):`, ...shown, ...more];
}

function todoLines(
  todo: readonly TodoItem[],
  link: (path: string) => string,
  day: (iso?: string) => string,
): string[] {
  if (!todo.length) return [];
  return [
    'What to do first:',
    ...todo.flatMap((t, i) => {
      const trend = t.trend
        ? ` ${t.trend.kind === 'new' ? 'New' : 'Rising'} since ${day(t.trend.since)}.`
        : '';
      return [
        `${i + 1}. ${t.title}: ${pct(t.share)} of iCloud attempts (${n(t.replies)} ${t.permanent ? 'permanent' : 'temporary'}).${trend}`,
        `   ${t.action} ${link(t.path)}#what-to-do`,
      ];
    }),
    '',
  ];
}

/** The line for automatic replies, counted apart from the replies (see AutoReply). */
export const autoRepliesText = (count: number) =>
  `${n(count)} automatic ${count === 1 ? 'reply' : 'replies'} (vacation or out-of-office) counted apart: not bounces, no address listed for them.`;

export function summaryText(report: Report, link: (path: string) => string): string {
  const zone = report.timeZone?.zone ?? 'UTC';
  const day = (iso?: string) => (iso ? zonedTime(iso, zone) : '-');
  const out: string[] = todoLines(report.todo, link, day);
  const files = report.files.length;
  const { deliveries: d, rates } = report;
  out.push(
    `Read ${n(files)} ${files === 1 ? 'file' : 'files'}: ${n(report.lines)} lines, ${n(report.records)} records; ${n(report.replies)} SMTP replies: ${n(report.icloud)} from iCloud with an entry, ${n(report.icloudUnmatched)} from iCloud without one, ${n(report.other)} from other servers.`,
  );
  out.push(
    `Deliveries: ${n(d.all)} to all providers, ${n(d.icloud)} to iCloud (${pct(rates.icloudShareOfDeliveries)}); iCloud refused ${n(rates.refused)} of ${n(rates.attempts)} attempts (${pct(rates.refusedShare)}).`,
  );
  if (report.autoReplies) out.push(autoRepliesText(report.autoReplies));
  if (report.first) out.push(`iCloud replies from ${day(report.first)} to ${day(report.last)}.`);
  if (report.timeZone?.zoneless)
    out.push(
      `Times without a zone (${n(report.timeZone.zoneless)}) were read as ${zone}${zone === 'UTC' ? ' (--tz names another zone)' : ''}; times are shown in ${zone}.`,
    );
  for (const w of report.warnings) out.push('', `WARNING (${w.kind}): ${w.message}`);
  for (const p of report.problems) out.push('', `Problem: ${p.message}`);
  if (report.rows.length) {
    out.push('');
    out.push(
      ...table(
        ['count', 'share', 'entry', 'suppress', 'first', 'last', 'recipients', 'page'],
        report.rows.map((r) => [
          n(r.count),
          pct(r.share),
          r.id,
          r.suppress,
          day(r.first),
          day(r.last),
          n(r.recipients),
          link(r.path),
        ]),
        new Set([0, 1, 6]),
      ),
    );
    const rd = report.domains;
    out.push(
      '',
      ...breakdownLines(report.breakdowns),
      '',
      `Recipient domains: icloud.com ${n(rd['icloud.com'])}, me.com ${n(rd['me.com'])}, mac.com ${n(rd['mac.com'])}, custom domains on iCloud+ ${n(rd.custom)}, Hide My Email relay ${n(rd.relay)}, no recipient ${n(rd.unknown)}.`,
    );
  }
  out.push(...list('Suppress', report.suppressList), ...list('Keep', report.keepList));
  return out.join('\n');
}
