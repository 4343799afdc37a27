// Times in the /analyze/ report: every one shown in the report's zone (the zone log times without
// one were read in, chosen on the page), with the zone's name, in a <time> element.
import { zonedTime } from '../lib/report/zones';
import type { ShownReport } from './engine-protocol';
import { el } from './classifier-dom';
import { thousands } from '../lib/thousands';

export const reportZone = (r: ShownReport) => r.timeZone?.zone ?? 'UTC';

/** A <time> showing an ISO time in the report's zone ("2026-12-04 08:30 EST"), or a dash. */
export function zonedWhen(r: ShownReport): (iso?: string) => HTMLElement | string {
  const zone = reportZone(r);
  return (iso) => (iso ? el('time', { datetime: iso }, zonedTime(iso, zone)) : '–');
}

/** The sentence saying which zone the times are in, and how many log times carried none. */
export function renderZoneNote(r: ShownReport): HTMLElement {
  const zone = reportZone(r);
  const zoneless = r.timeZone?.zoneless ?? 0;
  return el(
    'p',
    { class: 'report-zone', 'data-report-zone': zone },
    `Times are shown in ${zone}. `,
    zoneless
      ? `${thousands(zoneless)} log times carry no zone (syslog) and were read as ${zone}: if the server’s clock is in another zone, choose it above and the files are read again.`
      : 'Every time in these files carried its own zone.',
  );
}
