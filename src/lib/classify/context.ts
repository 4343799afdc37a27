// Reads the context around one reply: recipient, remote host and IP, SMTP stage and delivery action,
// from the text before the reply (log fields, bounce wording) and after it (`(in reply to …)`).
import { matchesOf } from '../regexp.ts';
import type { Stage } from '../vocabulary.ts';
import type { ReplyContext } from './types.ts';

/** An email address as the classifier reads one; also used by the text path and the message reader. */
export const ADDRESS = String.raw`[\w.+=~-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}`;

const RECIPIENT_PATTERNS: RegExp[] = [
  /\bto=<([^<>\s]{3,254})>/i,
  // A quoted local part with spaces, as Postfix logs it: to=<"first last"@icloud.com>.
  /\bto=<("[^"<>]{1,64}"@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8})>/i,
  new RegExp(String.raw`(?:^|\s)(?:\*\*|==)\s+(${ADDRESS})`),
  new RegExp(String.raw`RCPT TO:\s?<(${ADDRESS})>`, 'i'),
  new RegExp(String.raw`<(${ADDRESS})>:\s`),
  new RegExp(String.raw`^\s*(${ADDRESS})\s`),
];
const LOCAL_CHAR = /[\w.+=~-]/;
const DOMAIN = /^[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}/;
/** Addresses that name the sender, not the recipient. */
const SENDER_MARK = /(?:from=<?|from:\s?<?|ctladdr=<?|sender=<?|return-path:\s?<?)$/i;

/** Every address in the text, found from its `@` outwards: a regex scan from each character would
 *  cost the local part's length at every position. */
function* addresses(text: string): Generator<{ index: number; address: string }> {
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < 64 && LOCAL_CHAR.test(text[start - 1]!)) start--;
    const domain = DOMAIN.exec(text.slice(at + 1, at + 300))?.[0];
    if (start < at && domain) yield { index: start, address: `${text.slice(start, at)}@${domain}` };
  }
}

export function recipientIn(text: string): string | undefined {
  for (const re of RECIPIENT_PATTERNS) {
    const m = re.exec(text);
    if (m) return m[1];
  }
  for (const { index, address } of addresses(text)) {
    if (!SENDER_MARK.test(text.slice(Math.max(0, index - 14), index))) return address;
  }
  return undefined;
}

const HOST_RE =
  /(?:\bhost|\bH=|\brelay=|\bmx=|\bmx-host[=:]?)\s?([a-z0-9][a-z0-9.-]{0,252}?)\.?\s?\[([0-9a-f.:]{2,45})\]|\bRemote Server at ([a-z0-9][a-z0-9.-]{0,252}) \(([0-9a-f.:]{2,45})\)/gi;

/** The host and IP named last before the reply (the nearest server). */
export function hostIn(text: string): { host?: string; ip?: string } {
  const m = matchesOf(HOST_RE, text).at(-1);
  return m ? { host: (m[1] ?? m[3])!.toLowerCase(), ip: m[2] ?? m[4] } : {};
}

const STAGE_WORDS: [RegExp, Stage][] = [
  [/^(?:rcpt|pipelined rcpt)/i, 'rcpt'],
  [/^mail/i, 'mail'],
  [/^(?:end of data|data|bdat|pipelined end of data|\.)/i, 'data'],
  [/^(?:ehlo|helo|lhlo)/i, 'helo'],
  [/^(?:initial connection|refused|invalid greeting|greeting)/i, 'connect'],
];

export function stageFromCommand(command: string): Stage | undefined {
  return STAGE_WORDS.find(([re]) => re.test(command.trim()))?.[1];
}

/** After the reply: Postfix's `(in reply to … command)`, or a JavaScript error object's
 *  `', responseCode: 550, command: 'RCPT TO'` (Nodemailer). */
const STAGE_AFTER =
  /^\s*\(in reply to ([a-z .]{1,40}?) command\)|^['"]?\s*,?\s*(?:responseCode:\s*\d{3},\s*)?command:\s*'([a-z .]{1,40})'/i;
const STAGE_BEFORE =
  /\b(?:after|in reply to)\s((?:pipelined\s)?(?:RCPT TO|MAIL FROM|end of data|DATA|EHLO|HELO|LHLO|initial connection))|\b(refused) to talk to me|\b(invalid greeting|greeting)\b/gi;

function stageIn(before: string, after: string): Stage | undefined {
  const a = STAGE_AFTER.exec(after);
  if (a) return stageFromCommand((a[1] ?? a[2])!);
  const m = matchesOf(STAGE_BEFORE, before).at(-1);
  const last = m && (m[1] ?? m[2] ?? m[3]);
  return last ? stageFromCommand(last) : undefined;
}

function actionIn(text: string): string | undefined {
  const s = /\bstatus=(bounced|deferred|expired)\b/.exec(text)?.[1];
  if (s) return s === 'deferred' ? 'delayed' : 'failed';
  const exim = /(?:^|\s)(\*\*|==)\s/.exec(text)?.[1];
  if (exim) return exim === '==' ? 'delayed' : 'failed';
  if (/\bstat=Deferred\b/.test(text)) return 'delayed';
  return undefined;
}

/** Context for one reply; `outerBefore` is the text before the reply that quoted it, if any. */
export function contextFor(before: string, after: string, text: string, outerBefore?: string): ReplyContext {
  const context: ReplyContext = {};
  const outer = outerBefore ?? before;
  context.recipient = recipientIn(outer) ?? (outerBefore !== undefined ? recipientIn(before) : undefined);
  if (!context.recipient && !/\bsender\b/i.test(text)) context.recipient = recipientIn(text);
  Object.assign(context, hostIn(before));
  if (outerBefore !== undefined) context.via = hostIn(outerBefore).host;
  context.stage = stageIn(before, after);
  context.action = actionIn(outer);
  return prune(context);
}

export function prune<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
