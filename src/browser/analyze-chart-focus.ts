// Keyboard and pointer reading of the chart: one tab stop, the arrow keys (and Home, End) move
// between buckets, and the focused or hovered bucket's values are written below the chart.
export function readable(picture: SVGSVGElement, readout: HTMLElement) {
  const items = [...picture.querySelectorAll<SVGGElement>('.chart-bucket')];
  const show = (g: SVGGElement) => (readout.textContent = g.getAttribute('aria-label') ?? '');
  const move = (to: number) => {
    const g = items[Math.max(0, Math.min(items.length - 1, to))];
    if (!g) return;
    for (const other of items) other.setAttribute('tabindex', other === g ? '0' : '-1');
    g.focus();
  };
  items.forEach((g, i) => {
    g.addEventListener('focus', () => show(g));
    g.addEventListener('pointerenter', () => show(g));
    g.addEventListener('keydown', (e) => {
      const to = {
        ArrowRight: i + 1,
        ArrowDown: i + 1,
        ArrowLeft: i - 1,
        ArrowUp: i - 1,
        Home: 0,
        End: items.length - 1,
      }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      move(to);
    });
  });
}
