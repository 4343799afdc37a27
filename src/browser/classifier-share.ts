// The box's two share buttons: the link without personal data (first, the prominent one) and the link
// with the text as pasted. Each link is built when its button is pressed and goes only to the
// clipboard, never to the address bar. What the first link replaces is listed beside its button.
import { REDACTION_LABELS, redact, type Redacted } from '../lib/redact';
import { el } from './classifier-dom';
import { permalink } from './classifier-permalink';
import { copyText } from './copy';

export interface ShareControls {
  /** Enables the buttons for this input and lists what the link without personal data replaces. */
  update(text: string): void;
  /** Domains to keep besides Apple's (those the rules' own replies name). */
  keep(domains: string[]): void;
}

function listReplacements(target: HTMLElement, redacted: Redacted) {
  if (redacted.replaced.length === 0) {
    target.replaceChildren(
      el('p', {}, 'Nothing to replace: no address, IP address, host name or Txn ID in the text.'),
    );
    return;
  }
  target.replaceChildren(
    el('p', {}, 'It replaces:'),
    el(
      'ul',
      {},
      ...redacted.replaced.map((r) =>
        el(
          'li',
          { 'data-kind': r.kind },
          `${REDACTION_LABELS[r.kind]}: `,
          el('code', {}, r.original),
          ' → ',
          el('code', {}, r.placeholder),
        ),
      ),
    ),
  );
}

export function shareControls(root: HTMLElement, base: string, input: () => string): ShareControls {
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  const copyButton = q<HTMLButtonElement>('[data-classifier-copy]');
  const redactedButton = q<HTMLButtonElement>('[data-classifier-copy-redacted]');
  const details = q<HTMLDetailsElement>('[data-classifier-redaction-details]');
  const redactions = q<HTMLElement>('[data-classifier-redactions]');
  const linkNote = q<HTMLElement>('[data-classifier-link-note]');
  let keepDomains: string[] = [];

  const absolute = (link: string) => new URL(link, location.href).href;
  redactedButton.addEventListener('click', () => {
    const link = permalink(base, redact(input(), keepDomains).text);
    if (link) void copyText(redactedButton, absolute(link));
  });
  copyButton.addEventListener('click', () => {
    const link = permalink(base, input());
    if (link) void copyText(copyButton, absolute(link));
  });

  return {
    keep(domains) {
      keepDomains = domains;
    },
    update(text) {
      const hasText = text.trim() !== '';
      const fits = hasText && permalink(base, text) !== undefined;
      const redacted = fits ? redact(text, keepDomains) : undefined;
      copyButton.disabled = !fits;
      redactedButton.disabled = !redacted || permalink(base, redacted.text) === undefined;
      linkNote.hidden = !hasText || fits;
      details.hidden = !redacted;
      if (redacted) listReplacements(redactions, redacted);
      else redactions.replaceChildren();
    },
  };
}
