// Which kind of input a reply came from, told by signatures of each format's lines: one row per
// format, first match wins (a Postfix log line may quote a `said:` bounce, so the log comes first).
import type { InputFormat } from './types.ts';

export const LINE_SIGNATURES: readonly (readonly [InputFormat, RegExp])[] = [
  ['postfix-log', /\bpostfix\/|\bstatus=(?:bounced|deferred|expired)\b/],
  ['sendmail', /^<<<|\bstat=|\bsm-mta\[|\bsendmail\[/],
  ['exim', /(?:^|\s)(?:\*\*|==)\s\S+@|\bR=\S+ T=|SMTP error from remote mail(?:er| server)/],
  ['microsoft', /Remote Server (?:at .{1,300} )?returned|Reported error:|#SMTP#/i],
  ['node-mta', /\bresponse=/],
  ['postfix-bounce', /\bsaid:|refused to talk to me/],
];

/** Nothing but a diagnostic type before the reply: the line is the bare reply. */
const BARE_PREFIX = /^(?:(?:smtp|x-postfix|x-unix);)?$/i;

export function formatOfLine(line: string, before: string): InputFormat {
  for (const [format, signature] of LINE_SIGNATURES) if (signature.test(line)) return format;
  return BARE_PREFIX.test(before.trim()) ? 'reply' : 'text';
}
