// The report's downloads as CSV (RFC 4180: quoted where needed, CRLF line ends). A cell that a
// spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe.
import type { ListedAddress, ReplyRow, Report } from './types.ts';

function cell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const csv = (rows: (string | number | undefined)[][]) =>
  rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';

export function repliesCsv(rows: readonly ReplyRow[]): string {
  return csv([
    [
      'file',
      'line',
      'time',
      'recipient',
      'host',
      'queue_id',
      'sender',
      'status',
      'delay',
      'code',
      'enhanced',
      'entry',
      'confidence',
      'provider',
      'reply',
    ],
    ...rows.map((r) => [
      r.file,
      r.line,
      r.time,
      r.recipient,
      r.host,
      r.queueId,
      r.sender,
      r.status,
      r.delay,
      r.code,
      r.enhanced,
      r.entry,
      r.confidence,
      r.provider,
      r.text,
    ]),
  ]);
}

export function addressesCsv(report: Report): string {
  const rows = (list: string, items: ListedAddress[]) =>
    items.map((a) => [list, a.address, a.entry, a.reason, a.group]);
  return csv([
    ['list', 'address', 'entry', 'reason', 'keep_group'],
    ...rows('suppress', report.suppressList),
    ...rows('keep', report.keepList),
  ]);
}
