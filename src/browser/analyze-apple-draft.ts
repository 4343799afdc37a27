// The message to Apple in the /analyze/ report (issue 18): when the report holds replies from
// entries whose way out is Apple's postmaster desk, the draft is prefilled from the log with the
// sending domains, the IPs the replies name, each distinct reply with its count and Txn IDs, when it
// started and how much was refused. Recipients are left out (the draft builder removes any address
// at Apple's domains from the replies' text). Built from src/lib/apple-draft.ts; it sends nothing.
import {
  APPLE_POSTMASTER,
  buildDraft,
  draftFields,
  type AppleDraftFacts,
  type AppleDraftFields,
} from '../lib/apple-draft';
import type { ReportedReply } from '../lib/report/index';
import type { ShownReport } from './engine-protocol';
import { el } from './classifier-dom';
import { thousands } from '../lib/thousands';

type FieldName = Exclude<keyof AppleDraftFields, 'recipients'>;

const union = (lists: string[][]) => [...new Set(lists.flat())];
const earliest = (times: (string | undefined)[]) => times.filter(Boolean).sort()[0];

/** The draft's facts from the report's replies that Apple's desk handles. */
export function draftFacts(replies: ReportedReply[]): AppleDraftFacts {
  return {
    domains: union(replies.map((r) => r.senders)),
    ips: union(replies.map((r) => r.ips)),
    replies: replies.map((r) => ({ text: r.text, count: r.count, txnIds: r.txnIds })),
    firstSeen: earliest(replies.map((r) => r.first)),
    lastSeen: replies
      .map((r) => r.last)
      .filter(Boolean)
      .sort()
      .at(-1),
    refused: replies.reduce((n, r) => n + r.count, 0),
  };
}

const FIELDS: [FieldName, string, 'input' | 'textarea'][] = [
  ['company', 'Company', 'input'],
  ['domains', 'Sending domain(s)', 'input'],
  ['ips', 'Affected sending IPs', 'input'],
  ['replies', 'SMTP replies received, exactly, with their Txn IDs', 'textarea'],
  ['description', 'Description: when it started (UTC) and how much was refused', 'textarea'],
];

function field(name: FieldName, label: string, kind: 'input' | 'textarea', value: string) {
  const id = `report-apple-${name}`;
  const control =
    kind === 'input'
      ? el('input', { id, type: 'text', spellcheck: 'false', 'data-apple-field': name })
      : el('textarea', {
          id,
          rows: name === 'replies' ? '6' : '3',
          spellcheck: 'false',
          'data-apple-field': name,
        });
  control.value = value;
  return [el('label', { for: id }, label), control];
}

export function renderAppleDraft(r: ShownReport, desk: ReadonlySet<string>): HTMLElement | null {
  const replies = (r.replyFacts ?? []).filter((f) => desk.has(f.entry));
  if (!replies.length) return null;
  const found = draftFields(draftFacts(replies));
  const controls = FIELDS.map(([name, label, kind]) => field(name, label, kind, found[name]));
  const text = el('pre', {
    class: 'apple-draft-text',
    id: 'report-apple-text',
    tabindex: '0',
    'aria-labelledby': 'report-apple-draft-heading',
    'data-apple-draft-text': '',
  });
  const mailto = el(
    'a',
    { class: 'button', 'data-apple-mailto': '' },
    `Open it as a mail to ${APPLE_POSTMASTER}`,
  );
  const copy = el('button', { type: 'button', class: 'button' }, 'Copy the draft');
  const cut = el(
    'p',
    { class: 'apple-draft-help', 'data-apple-cut': '' },
    'The draft is too long for a mail link, so the mail opens with a shortened copy: paste the full draft into it.',
  );
  const status = el('p', { class: 'visually-hidden', role: 'status' });
  const render = () => {
    const values = Object.fromEntries(
      controls.map(([, c]) => [c!.dataset.appleField, (c as HTMLInputElement).value]),
    );
    const draft = buildDraft({ ...(values as Record<FieldName, string>), recipients: '' });
    text.textContent = draft.text;
    mailto.href = draft.mailto;
    cut.hidden = !draft.cut;
  };
  for (const [, c] of controls) c!.addEventListener('input', render);
  copy.addEventListener('click', () => {
    navigator.clipboard.writeText(text.textContent ?? '').then(
      () => (status.textContent = 'Copied'),
      () => (status.textContent = 'Copy failed: select the draft and copy it by hand'),
    );
  });
  render();
  const count = replies.reduce((n, f) => n + f.count, 0);
  return el(
    'section',
    { class: 'apple-draft', 'aria-labelledby': 'report-apple-heading', 'data-apple-draft': '' },
    el('h3', { id: 'report-apple-heading' }, 'Write to Apple’s postmaster team'),
    el(
      'p',
      {},
      `${thousands(count)} of these replies send you to Apple’s postmaster desk (${APPLE_POSTMASTER}). The draft below is filled in from the files: the envelope senders’ domains, the IPs the replies name, each distinct reply with its count and Txn IDs, and when it started. Add your company and what changed on your side.`,
    ),
    el(
      'p',
      { class: 'apple-draft-note' },
      'Recipient addresses are left out: they are other people’s personal data, and Apple does not need them. Nothing is sent from this page.',
    ),
    el('div', { class: 'apple-draft-fields' }, ...controls.flat()),
    el('h4', { id: 'report-apple-draft-heading' }, 'The draft'),
    text,
    el('p', { class: 'apple-draft-actions' }, copy, ' ', mailto),
    cut,
    status,
  );
}
