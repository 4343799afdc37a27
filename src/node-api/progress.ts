// The command's progress on standard error while --summary or --partial reads (./cli.ts): the bytes
// read by this thread and by the --jobs workers, which add theirs to memory shared with this one.
// On a terminal the line is drawn in place, four times a second once reading has taken half a
// second, and cleared before the report is printed; anywhere else (--progress) it is a line a
// second, from the first to the last.
import { COMMAND } from './command-name.ts';
import { progressText } from './progress-text.ts';

/** Called with the bytes each read brings (./analyze.ts). */
export type OnRead = (bytes: number) => void;

/** A worker's counter: adds to the memory the command's Progress shares with it. */
export function sharedCounter(shared: SharedArrayBuffer): OnRead {
  const read = new BigInt64Array(shared);
  return (bytes) => void Atomics.add(read, 0, BigInt(bytes));
}

/** Where the line goes: standard error, or a stand-in in the tests. */
export interface ProgressOut {
  write(text: string): unknown;
  /** The terminal's width, when it is one. */
  columns?: number;
}

export class Progress {
  /** For the workers' sharedCounter. */
  readonly shared = new SharedArrayBuffer(8);
  /** This thread's counter, which also draws the line when it is time. */
  readonly add: OnRead;
  readonly #read = new BigInt64Array(this.shared);
  readonly #out: ProgressOut;
  readonly #terminal: boolean;
  readonly #total: number | undefined;
  readonly #start = performance.now();
  readonly #every: number;
  readonly #then: string | undefined;
  #next: number;
  #drawn = false;
  readonly #timer: ReturnType<typeof setInterval>;

  /** `total`: the input's bytes, undefined when standard input is read; `then`: what follows the
   *  reading, said once it is over. */
  constructor(out: ProgressOut, total: number | undefined, terminal: boolean, then?: string) {
    this.#out = out;
    this.#total = total;
    this.#terminal = terminal;
    this.#then = then;
    this.#every = terminal ? 250 : 1000;
    // A terminal shows nothing for a quick run; a log file gets the first line at once.
    this.#next = this.#start + (terminal ? 500 : 0);
    const count = sharedCounter(this.shared);
    this.add = (bytes) => {
      count(bytes);
      this.#tick();
    };
    // The line moves on while this thread only waits for the workers.
    this.#timer = setInterval(() => this.#tick(), this.#every).unref();
    this.#tick();
  }

  /** Bytes read so far, by every thread. */
  get read(): number {
    return Number(Atomics.load(this.#read, 0));
  }

  #tick() {
    const now = performance.now();
    if (now >= this.#next) this.#draw(now);
  }

  #draw(now: number, done = false) {
    this.#next = now + this.#every;
    const state = { read: this.read, total: this.#total, ms: now - this.#start, done, then: this.#then };
    let text = `${COMMAND}: ${progressText(state)}`;
    if (this.#terminal) {
      // Longer than the terminal is wide, the line would wrap and \r not reach its start. A
      // terminal that tells no width (0, as a pseudo-terminal may) is taken for 80 columns.
      const width = (this.#out.columns || 80) - 1;
      if (text.length > width) text = text.slice(0, width);
      this.#out.write(`\r${text}\x1b[K`);
    } else this.#out.write(`${text}\n`);
    this.#drawn = true;
  }

  /** Reading is over: the last state is drawn (on a terminal, if a line is showing), while the
   *  report is made. */
  done() {
    clearInterval(this.#timer);
    if (this.#drawn || !this.#terminal) this.#draw(performance.now(), true);
  }

  /** The report is made: a terminal's line is cleared before it is printed. */
  clear() {
    if (this.#terminal && this.#drawn) this.#out.write('\r\x1b[K');
  }
}
