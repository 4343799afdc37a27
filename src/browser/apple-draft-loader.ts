// Entry pages stay light: the draft's code (src/browser/apple-draft.ts) loads when the reader first
// touches or focuses the form. Until then the server-rendered template and its mailto: link stand.
for (const root of document.querySelectorAll<HTMLElement>('[data-apple-draft]')) {
  root.querySelector<HTMLElement>('[data-apple-draft-nojs]')?.setAttribute('hidden', '');
  let loaded = false;
  const load = () => {
    if (loaded) return;
    loaded = true;
    void import('./apple-draft').then(({ setUp }) => setUp(root));
  };
  root.addEventListener('focusin', load);
  root.addEventListener('pointerdown', load);
}
