// /analyze/'s time-zone selector: the IANA zones the browser knows, its own zone chosen first.
// Syslog times carry no zone; the one chosen here reads them and shows every time in the report.
import { el } from './classifier-dom';

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

function zones(): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set(['UTC', browserZone(), ...known])];
}

/** Fills the selector; `onChange` gets the zone chosen. Returns the zone now selected. */
export function zoneSelector(select: HTMLSelectElement, onChange: (zone: string) => void): () => string {
  const own = browserZone();
  select.replaceChildren(
    ...zones().map((z) => el('option', { value: z }, z === own ? `${z} (this browser’s zone)` : z)),
  );
  select.value = own;
  select.addEventListener('change', () => onChange(select.value));
  return () => select.value;
}
