// What was wrong with a file, in one sentence that names it. The rest of the report stands.
import { thousands } from '../thousands.ts';

export const problems = {
  empty: (name: string, gzipName: boolean) =>
    gzipName
      ? `${name}: the file is empty (0 bytes), so it holds no gzip data.`
      : `${name}: the file is empty.`,
  emptyGzip: (name: string) => `${name}: the gzip data unpacks to nothing; there are no lines in it.`,
  brokenGzip: (name: string, lines: number) =>
    `${name}: the gzip data is cut off or damaged; the ${thousands(lines)} ${lines === 1 ? 'line' : 'lines'} before the damage were read.`,
  binary: (name: string) => `${name}: this is binary data, not text; nothing was read from it.`,
  notMail: (name: string, lines: number) =>
    `${name}: no mail log lines, bounce messages or webhook events in its ${thousands(lines)} ${lines === 1 ? 'line' : 'lines'}; it does not look like a mail log.`,
  badJson: (name: string, detail: string) =>
    `${name}: starts like JSON but is not valid JSON (${detail}); it was read as plain text instead.`,
  tooBig: (name: string, what: string, mb: number) =>
    `${name}: ${what} larger than ${mb} MB cannot be read whole; the first ${mb} MB were read as plain text.`,
  unreadable: (name: string, detail: string) => `${name}: could not be read (${detail}).`,
};
