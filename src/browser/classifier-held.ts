// A big text (a paste, a file or a link of HOLD_CHARS or more) is held here instead of being put in
// the box: Chromium lays out a megabyte of text in a textarea in about 200 ms, 3 MB in over 600 ms,
// and no card can be drawn until it is done. The box makes way for a panel that says what is held
// and that all of it is read, with buttons to show the text in the box (to edit it) or to clear it.
import { thousands } from '../lib/thousands';

/** About 40 ms of the browser's layout: below this a text goes in the box as typed. */
export const HOLD_CHARS = 200_000;

export interface HeldText {
  /** The text classified: the held one, or else the box's. */
  text(): string;
  /** Holds `text` (named as "The pasted text" or the file's name) and shows the panel. */
  hold(text: string, name: string): void;
  /** Drops the held text and shows the box again. */
  release(): void;
}

function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}

/** `edit` receives the text when its reader asks to see it in the box; `clear` when they clear it. */
export function heldText(
  root: HTMLElement,
  input: HTMLTextAreaElement,
  on: { edit(text: string): void; clear(): void },
): HeldText {
  const panel = root.querySelector<HTMLElement>('[data-classifier-held]')!;
  const about = root.querySelector<HTMLElement>('[data-classifier-held-text]')!;
  let held: string | undefined;

  const release = () => {
    if (held === undefined) return;
    held = undefined;
    panel.hidden = true;
    input.hidden = false;
  };
  root.querySelector('[data-classifier-held-edit]')!.addEventListener('click', () => {
    const text = held ?? '';
    release();
    on.edit(text);
    input.focus();
  });
  root.querySelector('[data-classifier-held-clear]')!.addEventListener('click', () => {
    release();
    on.clear();
    input.focus();
  });

  return {
    text: () => held ?? input.value,
    hold(text, name) {
      const hadFocus = document.activeElement === input;
      held = text;
      about.textContent = `${name}, ${thousands(lineCount(text))} lines (${thousands(text.length)} characters), is read in full below but not shown in the box: a text this long would slow the page down.`;
      input.value = '';
      input.hidden = true;
      panel.hidden = false;
      if (hadFocus) panel.focus();
    },
    release,
  };
}
