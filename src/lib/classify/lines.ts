// Turns pasted text into logical lines: control characters (binary pastes) become spaces, folded
// and indented continuation lines (RFC 3464 fields, Postfix's 4-space wraps, Exim's indented
// bounce text) join the line they continue, multi-line `550-…` replies become one line, and so do
// the wrapped lines of a reply quoted after a bounce notice's "The response from the remote server was:".
import { CONTROL, continuationText, continuesReply } from '../lexicon.ts';

/** Longer physical lines are cut into pieces of this size so no regular expression sees more. */
export const MAX_LINE = 16_384;

const CONTROL_RE = new RegExp(`[${CONTROL}]`, 'g');

export function sanitise(input: string): string {
  return (input.includes('\r') ? input.replace(/\r\n?/g, '\n') : input).replace(CONTROL_RE, ' ');
}

/** A bounce notice's lead-in to the quoted reply (Gmail and others), whose lines it wraps unindented. */
const NOTICE_HEAD =
  /(?:The response from the remote server was|The error that the other server returned was|The response was):\s*$/i;

/** The logical lines, each trimmed at its end: a blank line is empty and a joined one never blank,
 *  so comparing with '' tells a blank line without trimming it again. */
export function logicalLines(text: string): string[] {
  const out: string[] = [];
  /** After a notice's lead-in: 'head' until the reply's first line, then 'body' until a blank line. */
  let notice: 'off' | 'head' | 'body' = 'off';
  for (const physical of text.split('\n')) {
    for (let i = 0; i === 0 || i < physical.length; i += MAX_LINE) {
      const line = physical.slice(i, i + MAX_LINE).trimEnd();
      const last = out.length - 1;
      const prev = last >= 0 ? out[last]! : '';
      if (i === 0) {
        if (line === '') notice = 'off';
        else if (notice === 'body' && prev.length + line.length < MAX_LINE) {
          out[last] = `${prev} ${line.trim()}`;
          continue;
        } else if (notice === 'head') notice = 'body';
        else if (NOTICE_HEAD.test(line)) notice = 'head';
      }
      const joinable = i === 0 && prev !== '' && prev.length + line.length < MAX_LINE;
      if (joinable && line !== '' && /^[ \t]/.test(line)) {
        out[last] = `${prev} ${line.trim()}`;
        continue;
      }
      if (joinable && continuesReply(prev, line)) {
        out[last] = `${prev} ${continuationText(line)}`;
        continue;
      }
      out.push(line);
    }
  }
  return out;
}
