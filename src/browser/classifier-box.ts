// The classifier box: classifies what the user types, pastes or drops as they do it, one card per
// reply. The engine runs in the page's worker (engine-client.ts), which loads /rules.json, so a
// paste of any size never blocks the page. Nothing leaves the page, and the page never writes the
// input into the address bar or history: links are made only by the copy buttons (classifier-share.ts);
// on /classify/ a `#q=…` link opened is shown and its fragment dropped (classifier-permalink.ts).
import { dropZone } from './drop-zone';
import { replyDomains } from '../lib/redact';
import { decodeText } from '../lib/report/utf16';
import type { RuleRecord } from '../lib/rules';
import { withBase } from '../lib/urls';
import type { CardOptions } from './classifier-cards';
import { engineClient, type TextChannel } from './engine-client';
import { el } from './classifier-dom';
import { takeQuery } from './classifier-permalink';
import { CARD_LIMIT, resultsView, type ResultsView } from './classifier-results';
import { shareControls, type ShareControls } from './classifier-share';
import { heldText, HOLD_CHARS, type HeldText } from './classifier-held';

const base = import.meta.env.BASE_URL;
/** Above this many characters, typing waits for a pause before classifying again, and the box
 *  stops wrapping lines. */
const LARGE_INPUT = 20_000;
const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Classifies the latest text once the rules are in; an empty box clears the results. */
function classifier(view: ResultsView, share: ShareControls) {
  let channel: TextChannel | undefined;
  let options: CardOptions | undefined;
  return {
    ready(rules: RuleRecord[], level: number) {
      channel = engineClient(base).texts(CARD_LIMIT);
      share.keep(replyDomains(rules.map((r) => r.reply)));
      options = {
        base,
        level,
        basicCodes: new Set(rules.flatMap((r) => (r.code === undefined ? [] : [r.code]))),
      };
    },
    async run(text: string) {
      share.update(text);
      if (!channel || !options) return;
      if (!text.trim()) {
        channel.drop();
        view.clear();
        return;
      }
      // Large pastes take a moment in the worker; say so rather than show stale cards silently.
      const slow = window.setTimeout(() => view.say('Reading the text…'), 150);
      const answer = await channel.classify(text);
      window.clearTimeout(slow);
      if (answer) view.show(answer, options);
    },
  };
}

const unwrap = (input: HTMLTextAreaElement, length: number) =>
  input.classList.toggle('is-long', length >= LARGE_INPUT);

/** Typing, pasting, opening and dropping files, and (on /classify/) opening a `#q=…` link; the
 *  text classified is the returned HeldText's. */
function listen(
  root: HTMLElement,
  input: HTMLTextAreaElement,
  run: (text: string) => void,
  say: ResultsView['say'],
): HeldText {
  const fileInput = root.querySelector<HTMLInputElement>('[data-classifier-file]')!;
  let typingTimer: number | undefined;
  // A long text its reader asked to see in the box stays there, pastes included, until it is short.
  let editing = false;
  const held = heldText(root, input, {
    edit(text) {
      unwrap(input, text.length);
      input.value = text;
      editing = true;
    },
    clear() {
      input.value = '';
      editing = false;
      now();
    },
  });
  /** Puts a file's or a link's text in the box, or holds it when it is long. A long text is not
   *  wrapped: the browser lays out a wrapped one in about a third more time, and a log reads as
   *  well unwrapped. */
  const fill = (text: string, name: string) => {
    editing = false;
    if (text.length >= HOLD_CHARS) return held.hold(text, name);
    held.release();
    unwrap(input, text.length);
    input.value = text;
  };
  const now = () => {
    window.clearTimeout(typingTimer);
    run(held.text());
  };

  async function readFile(file: File) {
    if (file.size > MAX_FILE_BYTES) {
      say(`That file is ${(file.size / 1048576).toFixed(1)} MB; the classifier reads files up to 10 MB.`);
      return;
    }
    fill(decodeText(new Uint8Array(await file.arrayBuffer())), file.name);
    now();
  }

  // A paste lays its text out before the input event: the size it brings decides the wrapping.
  input.addEventListener('beforeinput', (e) => unwrap(input, input.value.length + (e.data?.length ?? 0)));
  input.addEventListener('input', (e) => {
    const text = input.value;
    const pasted = (e as InputEvent).inputType?.startsWith('insertFrom') ?? false;
    if (text.length < HOLD_CHARS) editing = false;
    else if (pasted && !editing) {
      // The worker gets the text first: the panel takes a few ms to fill in.
      now();
      return held.hold(text, 'The pasted text');
    }
    held.release();
    unwrap(input, text.length);
    if (pasted || text.length < LARGE_INPUT) now();
    else {
      window.clearTimeout(typingTimer);
      typingTimer = window.setTimeout(() => run(text), 250);
    }
  });
  // A paste while the panel of a held text has the focus replaces that text, as in the box.
  root.querySelector('[data-classifier-held]')!.addEventListener('paste', (e) => {
    const text = (e as ClipboardEvent).clipboardData?.getData('text/plain');
    if (!text) return;
    e.preventDefault();
    fill(text, 'The pasted text');
    if (!input.hidden) input.focus();
    now();
  });
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
  if (root.hasAttribute('data-sync-url')) {
    fill(takeQuery() ?? input.value, 'The text of the link');
    window.addEventListener('hashchange', () => {
      const text = takeQuery();
      if (text === undefined || text === held.text()) return;
      fill(text, 'The text of the link');
      now();
    });
  }
  return held;
}

function setup(root: HTMLElement) {
  const input = root.querySelector<HTMLTextAreaElement>('[data-classifier-input]')!;
  root.querySelector('[data-classifier-nojs]')?.remove();
  root.querySelector('[data-classifier-ui]')!.classList.remove('is-pending');

  const view = resultsView(root);
  const share = shareControls(root, base, () => held.text());
  const box = classifier(view, share);
  const held = listen(root, input, (text) => void box.run(text), view.say);

  share.update(held.text());

  root.dataset.state = 'loading';
  view.say('Loading the rules…');
  engineClient(base).rules.then(
    (rules) => {
      box.ready(rules, Number(root.dataset.cardLevel ?? 3));
      root.dataset.state = 'ready';
      view.say('');
      void box.run(held.text());
    },
    (error: unknown) => {
      root.dataset.state = 'error';
      view.say(
        `The classifier could not load its rules (${error instanceof Error ? error.message : 'network error'}). Reload the page to try again, or find your reply in the `,
        el('a', { href: `${withBase(base)}#all-codes` }, 'table of all codes'),
        '.',
      );
    },
  );
}

for (const root of document.querySelectorAll<HTMLElement>('[data-classifier]')) setup(root);
