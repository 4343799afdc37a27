// The line the command's progress (./progress.ts) shows while --summary or --partial reads:
// how much of the input is read, how fast, and how long the rest should take.
import { percent } from '../lib/percent.ts';
import { thousands } from '../lib/thousands.ts';

const MB = 1_048_576;

/** Megabytes: one decimal under ten, whole ones with separators above. */
const mb = (bytes: number) => {
  const m = bytes / MB;
  return m < 10 ? m.toFixed(1) : thousands(Math.round(m));
};

/** Seconds or minutes, whole. */
const duration = (s: number) => (s < 90 ? `${Math.max(1, Math.round(s))} s` : `${Math.round(s / 60)} min`);

export interface ProgressState {
  /** Bytes read so far (compressed ones for gzip). */
  read: number;
  /** Bytes of all the input, or undefined when standard input is among it. */
  total: number | undefined;
  /** Milliseconds since reading began. */
  ms: number;
  /** Reading is over. */
  done?: boolean;
  /** What follows the reading, said once it is over ("making the report"). */
  then?: string | undefined;
}

export function progressText({ read, total, ms, done, then }: ProgressState): string {
  // A file that grows while it is read (a live log) is read as far as it went.
  const share = total ? ` (${percent(Math.min(1, read / total))})` : '';
  if (done) return `read ${mb(read)} MB${share}${then ? `; ${then}` : ''}`;
  const rate = ms > 0 ? read / (ms / 1000) : 0;
  const speed = rate > 0 ? `, ${mb(rate)} MB/s` : '';
  if (total === undefined) return `read ${mb(read)} MB${speed}`;
  const left = rate > 0 && ms >= 1000 && read < total ? `, ${duration((total - read) / rate)} left` : '';
  // Short enough for an 80-column terminal with the command's name before it.
  return `read ${mb(read)}/${mb(total)} MB${share}${speed}${left}`;
}
