// /analyze/: picks files (buttons, a folder, or a drop), hands them to the page's engine worker
// (engine-client.ts), shows progress with a Cancel button, then the report. The files are read inside the browser and never sent.
import { dropZone } from './drop-zone';
import { droppedFiles, inputFiles, type NamedFile } from './analyze-drop';
import { fillDownloads } from './analyze-downloads';
import { renderReport } from './analyze-report';
import { zoneSelector } from './analyze-zone';
import { engineClient } from './engine-client';
import type { AnalyzeMessage } from './engine-protocol';
import { thousands } from '../lib/thousands';

const base = import.meta.env.BASE_URL;
const mb = (bytes: number) =>
  bytes < 1_048_576 ? `${thousands(Math.ceil(bytes / 1024))} KB` : `${(bytes / 1_048_576).toFixed(1)} MB`;

function setup(root: HTMLElement) {
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  const filesInput = q<HTMLInputElement>('[data-analyze-files]');
  const folderInput = q<HTMLInputElement>('[data-analyze-folder]');
  const drop = q<HTMLElement>('[data-analyze-drop]');
  const progressBox = q<HTMLElement>('[data-analyze-progress]');
  const overall = q<HTMLProgressElement>('[data-analyze-overall]');
  const overallText = q<HTMLElement>('[data-analyze-overall-text]');
  const current = q<HTMLProgressElement>('[data-analyze-current]');
  const currentLabel = q<HTMLElement>('[data-analyze-current-label]');
  const currentText = q<HTMLElement>('[data-analyze-current-text]');
  const cancel = q<HTMLButtonElement>('[data-analyze-cancel]');
  const status = q<HTMLElement>('[data-analyze-status]');
  const report = document.querySelector<HTMLElement>('[data-report]')!;

  // A folder picker (the attribute is not in Astro's types, and the picker only exists with JS).
  folderInput.webkitdirectory = true;
  root.querySelector('[data-analyze-nojs]')?.remove();
  q<HTMLElement>('[data-analyze-ui]').hidden = false;

  let urls: string[] = [];
  let last: NamedFile[] = [];
  const desk = new Set((root.dataset.appleDesk ?? '').split(' ').filter(Boolean));
  // A new zone changes what the log's times mean: the same files are read again.
  const zone = zoneSelector(q<HTMLSelectElement>('[data-analyze-zone]'), () => {
    if (last.length && root.dataset.state !== 'reading') start(last);
  });

  function busy(on: boolean) {
    progressBox.hidden = !on;
    filesInput.disabled = on;
    folderInput.disabled = on;
    root.dataset.state = on ? 'reading' : 'idle';
  }

  function start(files: NamedFile[]) {
    if (!files.length) return;
    last = files;
    for (const u of urls) URL.revokeObjectURL(u);
    urls = [];
    const total = files.reduce((s, f) => s + f.file.size, 0);
    overall.max = Math.max(1, total);
    overall.value = 0;
    current.value = 0;
    overallText.textContent = `0 of ${mb(total)}`;
    status.textContent = `Reading ${files.length} ${files.length === 1 ? 'file' : 'files'} (${mb(total)}) in your browser…`;
    busy(true);
    const onMessage = (m: AnalyzeMessage) => {
      if (m.type === 'progress') {
        overall.value = m.done;
        overallText.textContent = `${mb(m.done)} of ${mb(m.total)}`;
        currentLabel.textContent = `File ${m.index + 1} of ${files.length}: ${m.name}`;
        current.max = Math.max(1, m.size);
        current.value = m.read;
        currentText.textContent = `${mb(m.read)} of ${mb(m.size)}`;
      } else if (m.type === 'downloads') {
        const make = (b: Blob) => {
          const u = URL.createObjectURL(b);
          urls.push(u);
          return u;
        };
        fillDownloads(report, {
          json: make(m.downloads.json),
          replies: make(m.downloads.replies),
          addresses: make(m.downloads.addresses),
        });
      } else if (m.type === 'done') {
        busy(false);
        status.textContent = `${m.report.cancelled ? 'Cancelled. ' : ''}Read ${thousands(m.report.files.length)} ${m.report.files.length === 1 ? 'file' : 'files'}: ${thousands(m.report.replies)} SMTP replies, ${thousands(m.report.icloud)} from iCloud.`;
        void renderReport(report, m.report, m.listed, base, { desk });
      } else {
        busy(false);
        status.textContent = `The files could not be read (${m.message}). Reload the page to try again.`;
      }
    };
    engineClient(base).analyze(
      files.map((f) => f.file),
      files.map((f) => f.name),
      onMessage,
      zone(),
    );
  }

  filesInput.addEventListener('change', () => {
    start(inputFiles(filesInput));
    filesInput.value = '';
  });
  folderInput.addEventListener('change', () => {
    start(inputFiles(folderInput));
    folderInput.value = '';
  });
  cancel.addEventListener('click', () => {
    status.textContent = 'Cancelling…';
    engineClient(base).cancel();
  });
  dropZone(drop, (data) => {
    if (root.dataset.state === 'reading') return false;
    void droppedFiles(data).then(start);
    return true;
  });
  root.dataset.state = 'idle';
}

for (const root of document.querySelectorAll<HTMLElement>('[data-analyze]')) setup(root);
