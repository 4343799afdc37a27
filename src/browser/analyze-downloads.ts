// The report's downloads, near its top: the per-reply CSV, the addresses CSV and the whole report.
// The worker makes the files after it sends the report, so the section says they are being prepared
// until fillDownloads() puts the links in.
import { el } from './classifier-dom';

export interface Downloads {
  json: string;
  replies: string;
  addresses: string;
}

const link = (href: string, file: string, name: string, text: string) =>
  el('li', {}, el('a', { href, download: file, 'data-download': name }, text));

export function renderDownloads() {
  return el(
    'section',
    { 'aria-labelledby': 'report-downloads-heading', 'aria-busy': 'true', 'data-report-downloads': '' },
    el('h3', { id: 'report-downloads-heading' }, 'Downloads'),
    el('p', { 'data-downloads-pending': '' }, 'Preparing the files…'),
  );
}

/** Puts the links into the downloads section under `root`, if the report is still there. */
export function fillDownloads(root: HTMLElement, downloads: Downloads) {
  root.querySelector('[data-report-downloads]')?.removeAttribute('aria-busy');
  root
    .querySelector('[data-downloads-pending]')
    ?.replaceWith(
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
