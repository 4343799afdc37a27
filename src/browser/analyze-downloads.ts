// The report's downloads, near its top: the per-reply CSV, the addresses CSV and the whole report.
import { el } from './classifier-dom';

export interface Downloads {
  json: string;
  replies: string;
  addresses: string;
}

const link = (href: string, file: string, name: string, text: string) =>
  el('li', {}, el('a', { href, download: file, 'data-download': name }, text));

export function renderDownloads(downloads: Downloads) {
  return el(
    'section',
    { 'aria-labelledby': 'report-downloads-heading', 'data-report-downloads': '' },
    el('h3', { id: 'report-downloads-heading' }, 'Downloads'),
    el(
      'ul',
      { class: 'report-downloads' },
      link(downloads.replies, 'icloud-replies.csv', 'replies', 'Every reply found (CSV)'),
      link(
        downloads.addresses,
        'icloud-addresses.csv',
        'addresses',
        'Addresses to suppress and to keep (CSV)',
      ),
      link(downloads.json, 'icloud-report.json', 'json', 'The whole report (JSON)'),
    ),
  );
}
