// The report's downloads, near its top: the per-reply CSV, the addresses CSV and the whole report.
// The worker makes the files after it sends the report, so each is named as plain text (the section
// busy) until fillDownloads() makes the names links: the same words in the same place, so nothing
// below moves when the files arrive.
import { el } from './classifier-dom';

export interface Downloads {
  json: string;
  replies: string;
  addresses: string;
}

const FILES: { name: keyof Downloads; file: string; text: string }[] = [
  { name: 'replies', file: 'icloud-replies.csv', text: 'Every reply found (CSV)' },
  { name: 'addresses', file: 'icloud-addresses.csv', text: 'Addresses to suppress and to keep (CSV)' },
  { name: 'json', file: 'icloud-report.json', text: 'The whole report (JSON)' },
];

export function renderDownloads() {
  return el(
    'section',
    { 'aria-labelledby': 'report-downloads-heading', 'aria-busy': 'true', 'data-report-downloads': '' },
    el('h3', { id: 'report-downloads-heading' }, 'Downloads'),
    el(
      'ul',
      { class: 'report-downloads' },
      ...FILES.map(({ name, text }) => el('li', {}, el('span', { 'data-download-pending': name }, text))),
    ),
  );
}

/** Makes the names in the downloads section under `root` links, if the report is still there. */
export function fillDownloads(root: HTMLElement, downloads: Downloads) {
  root.querySelector('[data-report-downloads]')?.removeAttribute('aria-busy');
  for (const { name, file, text } of FILES)
    root
      .querySelector(`[data-download-pending="${name}"]`)
      ?.replaceWith(el('a', { href: downloads[name], download: file, 'data-download': name }, text));
}
