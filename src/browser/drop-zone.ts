// Makes an element take dropped files: it shows `is-dragging` while files hover over it and hands
// the drop to `onDrop`, which returns false to leave the drop to the browser.
export function dropZone(zone: HTMLElement, onDrop: (data: DataTransfer) => boolean): void {
  zone.addEventListener('dragover', (e) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    zone.classList.add('is-dragging');
  });
  zone.addEventListener('dragleave', (e) => {
    if (!zone.contains(e.relatedTarget as Node | null)) zone.classList.remove('is-dragging');
  });
  zone.addEventListener('drop', (e) => {
    zone.classList.remove('is-dragging');
    if (e.dataTransfer && onDrop(e.dataTransfer)) e.preventDefault();
  });
}
