// The message to Apple on an entry page (src/components/AppleDraft.astro): a pasted bounce fills the
// fields the sender has not typed into, and every change rebuilds the draft and its mailto: link.
// Loaded by the component on first use (apple-draft-loader.ts).
// Pasted text is only read here and written back as text, never as HTML, and never leaves the page.
import { buildDraft, draftFields, type AppleDraftFields } from '../lib/apple-draft';
import { factsFromText } from '../lib/apple-facts';

type FieldName = Exclude<keyof AppleDraftFields, 'recipients'>;

export function setUp(root: HTMLElement) {
  const paste = root.querySelector<HTMLTextAreaElement>('[data-apple-paste]');
  const text = root.querySelector<HTMLElement>('[data-apple-draft-text]');
  const mailto = root.querySelector<HTMLAnchorElement>('[data-apple-mailto]');
  const cut = root.querySelector<HTMLElement>('[data-apple-cut]');
  const status = root.querySelector<HTMLElement>('[data-apple-status]');
  const withRecipients = root.querySelector<HTMLInputElement>('[data-apple-recipients]');
  const fields = new Map<FieldName, HTMLInputElement | HTMLTextAreaElement>();
  for (const el of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('[data-apple-field]')) {
    fields.set(el.dataset.appleField as FieldName, el);
  }
  if (!paste || !text || !mailto || !cut || !withRecipients) return;

  // Fields the sender typed into keep their text when a new paste fills the others.
  const edited = new Set<FieldName>();
  // The code loads on first use, so what was typed before it arrived counts as typed.
  for (const [name, el] of fields) if (el.value !== el.defaultValue) edited.add(name);
  let recipients = '';

  const render = () => {
    const values = Object.fromEntries([...fields].map(([name, el]) => [name, el.value])) as Record<
      FieldName,
      string
    >;
    const draft = buildDraft({ ...values, recipients }, { includeRecipients: withRecipients.checked });
    text.textContent = draft.text;
    mailto.href = draft.mailto;
    cut.hidden = !draft.cut;
  };

  const fill = () => {
    const facts = factsFromText(paste.value);
    const found = draftFields(facts);
    recipients = found.recipients;
    for (const [name, el] of fields) {
      if (edited.has(name) || name === 'company') continue;
      el.value = found[name];
    }
    const ids = facts.replies.reduce((n, r) => n + r.txnIds.length, 0);
    if (status) {
      status.textContent = paste.value.trim()
        ? `Found ${facts.replies.length} distinct replies, ${ids} Txn IDs and ${facts.ips.length} IP addresses.`
        : '';
    }
    render();
  };

  for (const [name, el] of fields) {
    el.addEventListener('input', () => {
      if (el.value) edited.add(name);
      else edited.delete(name);
      render();
    });
  }
  paste.addEventListener('input', fill);
  withRecipients.addEventListener('change', render);
  if (paste.value) fill();
  else render();
}
