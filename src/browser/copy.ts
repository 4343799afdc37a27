// Copy buttons: [data-copy-target] copies that element's text; [data-copy-text] copies the value
// itself. Buttons stay invisible ([data-js-pending]) until this script runs, so pages without
// JavaScript show none, while their room is kept so that nothing moves when they appear.
// One polite live region tells screen-reader users the outcome, since a button's aria-label
// (on the section-link buttons) hides its changing text from them.
let statusRegion: HTMLElement | undefined;
function liveRegion(): HTMLElement {
  if (!statusRegion) {
    statusRegion = document.createElement('p');
    statusRegion.className = 'visually-hidden';
    statusRegion.setAttribute('role', 'status');
    document.body.append(statusRegion);
  }
  return statusRegion;
}

function announce(button: HTMLButtonElement, message: string) {
  liveRegion().textContent = message;
  const original = button.dataset.label ?? button.textContent ?? '';
  button.dataset.label = original;
  button.textContent = message;
  window.setTimeout(() => (button.textContent = original), 1600);
}

async function copy(button: HTMLButtonElement) {
  const targetId = button.dataset.copyTarget;
  const text = targetId
    ? (document.getElementById(targetId)?.textContent ?? '')
    : new URL(button.dataset.copyText ?? '', location.href).href;
  await copyText(button, text);
}

/** Copies `text` and says so on the button and to screen readers; also for buttons that build their
 *  text only when pressed (the classifier's share links). */
export async function copyText(button: HTMLButtonElement, text: string) {
  try {
    await navigator.clipboard.writeText(text.trim());
    announce(button, 'Copied');
  } catch {
    announce(button, 'Copy failed: select and copy by hand');
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>(
  'button[data-copy-target], button[data-copy-text]',
)) {
  button.removeAttribute('data-js-pending');
  button.addEventListener('click', () => void copy(button));
}
