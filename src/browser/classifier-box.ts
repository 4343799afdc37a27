// The classifier box: classifies what the user types, pastes or drops as they do it, one card per
// reply. The engine runs in the page's worker (engine-client.ts), which loads /rules.json, so a
// paste of any size never blocks the page. Nothing leaves the page. On /classify/ the input is mirrored
// into the URL fragment (#q=…); a second link leaves out the personal data (src/lib/redact.ts).
import { dropZone } from './drop-zone';
import './copy';
import type { ClassifyOutcome } from '../lib/classify/types';
import { redact, replyDomains, type Redacted } from '../lib/redact';
import { withBase } from '../lib/urls';
import { autoReplyCard } from './classifier-auto-reply';
import { renderCard, summarise, type CardOptions } from './classifier-cards';
import { engineClient, type TextChannel } from './engine-client';
import { el } from './classifier-dom';
import { fragmentFor, permalink, readQuery } from './classifier-permalink';
import { renderTally } from './classifier-tally';

const base = import.meta.env.BASE_URL;
/** Cards shown at most; a 1 MB log holds thousands of replies, and the tally covers the rest. */
const CARD_LIMIT = 100;
/** Above this many characters, typing waits for a pause before classifying again. */
const LARGE_INPUT = 20_000;
const MAX_FILE_BYTES = 10 * 1024 * 1024;

function setup(root: HTMLElement) {
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  const input = q<HTMLTextAreaElement>('[data-classifier-input]');
  const fileInput = q<HTMLInputElement>('[data-classifier-file]');
  const status = q<HTMLElement>('[data-classifier-status]');
  const copyButton = q<HTMLButtonElement>('[data-classifier-copy]');
  const redactedButton = q<HTMLButtonElement>('[data-classifier-copy-redacted]');
  const redactions = q<HTMLElement>('[data-classifier-redactions]');
  const linkNote = q<HTMLElement>('[data-classifier-link-note]');
  const section = q<HTMLElement>('[data-classifier-results-section]');
  const list = q<HTMLOListElement>('[data-classifier-results]');
  const overview = q<HTMLElement>('[data-classifier-overview]');
  const syncUrl = root.hasAttribute('data-sync-url');
  const level = Number(root.dataset.cardLevel ?? 3);

  root.querySelector('[data-classifier-nojs]')?.remove();
  q<HTMLElement>('[data-classifier-ui]').classList.remove('is-pending');

  const engine = engineClient(base);
  let classifier: TextChannel | undefined;
  let cardOptions: CardOptions | undefined;
  let keepDomains: string[] = [];
  let typingTimer: number | undefined;
  let announceTimer: number | undefined;
  let urlTimer: number | undefined;

  // Announce after a short pause so screen readers hear one summary, not one per keystroke.
  function announce(text: string) {
    window.clearTimeout(announceTimer);
    announceTimer = window.setTimeout(() => (status.textContent = text), 350);
  }

  // The address bar follows the input once typing pauses: Chromium re-fetches the page icon on every
  // URL change, and one fetch per keystroke would be noise.
  function updateLink(text: string, immediate: boolean) {
    const link = text.trim() ? permalink(base, text) : undefined;
    copyButton.disabled = !link;
    copyButton.dataset.copyText = link ?? '';
    linkNote.hidden = !text.trim() || !!link;
    showRedacted(link ? redact(text, keepDomains) : undefined);
    if (!syncUrl) return;
    window.clearTimeout(urlTimer);
    const url = location.pathname + location.search + (link ? fragmentFor(text) : '');
    const sync = () => {
      if (url !== location.pathname + location.search + location.hash)
        history.replaceState(history.state, '', url);
    };
    if (immediate) sync();
    else urlTimer = window.setTimeout(sync, 600);
  }

  // The link without personal data, and what it replaced, listed so the user can check it.
  function showRedacted(redacted: Redacted | undefined) {
    const link = redacted && permalink(base, redacted.text);
    redactedButton.disabled = !link;
    redactedButton.dataset.copyText = link ?? '';
    redactions.replaceChildren();
    if (!redacted || !link) return;
    redactions.append(
      redacted.replaced.length === 0
        ? el('p', {}, 'That link is the same: no address, IP address, host name or Txn ID to replace.')
        : el('p', {}, 'The link without personal data replaces:'),
    );
    if (redacted.replaced.length > 0)
      redactions.append(
        el(
          'ul',
          {},
          ...redacted.replaced.map((r) =>
            el('li', {}, el('code', {}, r.original), ' → ', el('code', {}, r.placeholder)),
          ),
        ),
      );
  }

  function render(outcome: ClassifyOutcome, options: CardOptions) {
    const { results } = outcome;
    const shown = results.slice(0, CARD_LIMIT);
    const auto = outcome.autoReply;
    list.replaceChildren(
      ...(auto ? [autoReplyCard(auto, options)] : shown.map((c) => renderCard(c, options))),
    );
    overview.replaceChildren();
    if (results.length > 3) overview.append(renderTally(results));
    if (results.length > CARD_LIMIT) {
      overview.append(
        el('p', {}, `The cards below show the first ${CARD_LIMIT} of ${results.length} replies.`),
      );
    }
    section.hidden = results.length === 0 && !auto;
    announce(summarise(results, outcome.message));
  }

  async function classifyNow(text: string, immediate = true) {
    window.clearTimeout(typingTimer);
    updateLink(text, immediate);
    if (!classifier || !cardOptions) return;
    if (!text.trim()) {
      classifier.drop();
      list.replaceChildren();
      overview.replaceChildren();
      section.hidden = true;
      announce('');
      return;
    }
    // Large pastes take a moment in the worker; say so rather than show stale cards silently.
    const slow = window.setTimeout(() => (status.textContent = 'Reading the text…'), 150);
    const outcome: ClassifyOutcome | undefined = await classifier.classify(text);
    window.clearTimeout(slow);
    if (!outcome) return;
    render(outcome, cardOptions);
  }

  function schedule(pasted: boolean) {
    window.clearTimeout(typingTimer);
    const text = input.value;
    if (pasted || text.length < LARGE_INPUT) void classifyNow(text, pasted);
    else typingTimer = window.setTimeout(() => void classifyNow(text, false), 250);
  }

  async function readFile(file: File) {
    if (file.size > MAX_FILE_BYTES) {
      status.textContent = `That file is ${(file.size / 1048576).toFixed(1)} MB; the classifier reads files up to 10 MB.`;
      return;
    }
    input.value = await file.text();
    void classifyNow(input.value);
  }

  input.addEventListener('input', (e) =>
    schedule((e as InputEvent).inputType?.startsWith('insertFrom') ?? false),
  );
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (file) void readFile(file);
    fileInput.value = '';
  });
  dropZone(root, (data) => {
    const file = data.files[0];
    if (!file) return false;
    void readFile(file);
    return true;
  });

  if (syncUrl) {
    const fromLink = readQuery(location.hash);
    if (fromLink !== undefined) input.value = fromLink;
    window.addEventListener('hashchange', () => {
      const text = readQuery(location.hash);
      if (text === undefined || text === input.value) return;
      input.value = text;
      void classifyNow(text);
    });
  }
  updateLink(input.value, true);

  root.dataset.state = 'loading';
  status.textContent = 'Loading the rules…';
  engine.rules.then(
    (rules) => {
      classifier = engine.texts();
      keepDomains = replyDomains(rules.map((r) => r.reply));
      cardOptions = {
        base,
        level,
        basicCodes: new Set(rules.flatMap((r) => (r.code === undefined ? [] : [r.code]))),
      };
      root.dataset.state = 'ready';
      status.textContent = '';
      void classifyNow(input.value, true);
    },
    (error: unknown) => {
      root.dataset.state = 'error';
      status.replaceChildren(
        `The classifier could not load its rules (${error instanceof Error ? error.message : 'network error'}). Reload the page to try again, or find your reply in the `,
        el('a', { href: `${withBase(base)}#all-codes` }, 'table of all codes'),
        '.',
      );
    },
  );
}

for (const root of document.querySelectorAll<HTMLElement>('[data-classifier]')) setup(root);
