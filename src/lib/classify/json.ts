// The JSON path: webhook events from Amazon SES, SendGrid, Mailgun, Postmark and Mandrill (one
// object, an array, an SNS envelope or one event per line). Walks the value, collects context from
// each object (recipient, remote host and IP, status, action) and reads the reply from its
// diagnostic field with the text path, so `smtp;` prefixes and multi-line replies work the same.
import type { Defaults } from './state.ts';
import type { ExtractedReply, InputFormat, ReplyContext } from './types.ts';
import { prune } from './context.ts';

export type ScanText = (text: string, defaults: Defaults) => ExtractedReply[];

/** Fields that hold the remote server's reply, most specific first (compared lowercased). */
const DIAGNOSTIC_KEYS = [
  'diagnosticcode',
  'diagnostic-code',
  'diagnostic_code',
  'diag',
  'smtp-response',
  'smtpresponse',
  'smtp_response',
  'response',
  'reason',
  'details',
  'detail',
  'message',
  'description',
  'error',
  'bounce_description',
  'content',
];
const RECIPIENT_KEYS = ['emailaddress', 'email', 'recipient', 'rcpt', 'to'];
const HOST_KEYS = ['mx-host', 'mxhost', 'mx_host', 'remotemta', 'remote-mta', 'remote_mta'];
const IP_KEYS = ['remotemtaip', 'remote-ip', 'remote_ip', 'mx-ip'];
const ENHANCED_KEYS = ['enhanced-code', 'enhancedcode', 'enhanced_code', 'status'];
const CODE_KEYS = ['code', 'smtp-code', 'smtpcode', 'smtp_code', 'status_code'];
const MAX_DEPTH = 16;
const ENHANCED = /^[245]\.\d{1,3}\.\d{1,3}$/;

type Obj = Record<string, unknown>;

function lowered(o: Obj): Map<string, unknown> {
  const m = new Map<string, unknown>();
  for (const [k, v] of Object.entries(o)) if (!m.has(k.toLowerCase())) m.set(k.toLowerCase(), v);
  return m;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const first = (m: Map<string, unknown>, keys: string[], ok: (s: string) => boolean = () => true) =>
  keys.map((k) => str(m.get(k))).find((s): s is string => s !== undefined && ok(s));

function formatOf(m: Map<string, unknown>, inherited?: InputFormat): InputFormat | undefined {
  if (
    m.has('notificationtype') ||
    m.has('eventtype') ||
    m.has('bouncedrecipients') ||
    m.has('delayedrecipients')
  )
    return 'ses-json';
  if (m.has('event-data') || m.has('delivery-status')) return 'mailgun-json';
  if (m.has('recordtype') || m.has('typecode')) return 'postmark-json';
  if (m.has('msg') && typeof m.get('msg') === 'object') return 'mandrill-json';
  if (m.has('sg_event_id') || m.has('sg_message_id') || m.has('bounce_classification'))
    return 'sendgrid-json';
  if (inherited) return inherited;
  if (m.has('event') && m.has('email') && (m.has('reason') || m.has('response'))) return 'sendgrid-json';
  return undefined;
}

function actionOf(m: Map<string, unknown>): string | undefined {
  const action = str(m.get('action'));
  if (action) return action.toLowerCase();
  const event = str(m.get('event'))?.toLowerCase();
  const severity = str(m.get('severity'))?.toLowerCase();
  if (event === 'deferred' || severity === 'temporary' || event === 'soft_bounce') return 'delayed';
  if (event === 'bounce' || severity === 'permanent' || event === 'hard_bounce') return 'failed';
  return undefined;
}

function codeOf(m: Map<string, unknown>): number | undefined {
  for (const k of CODE_KEYS) {
    const v = m.get(k);
    const n =
      typeof v === 'number' ? v : typeof v === 'string' && /^\d{3}$/.test(v.trim()) ? Number(v) : undefined;
    if (n !== undefined && Number.isInteger(n)) return n;
  }
  return undefined;
}

export function walkJson(value: unknown, scan: ScanText): ExtractedReply[] {
  const out: ExtractedReply[] = [];
  const visit = (v: unknown, inherited: Defaults, depth: number) => {
    if (depth > MAX_DEPTH || v === null) return;
    if (typeof v === 'string') {
      // SNS wraps the SES notification as a JSON string in `Message`.
      const t = v.trim();
      if (t.startsWith('{') && t.endsWith('}')) {
        try {
          visit(JSON.parse(t), inherited, depth + 1);
        } catch {
          /* not JSON after all: plain text is read through the diagnostic fields only */
        }
      }
      return;
    }
    if (Array.isArray(v)) {
      for (const item of v) visit(item, inherited, depth + 1);
      return;
    }
    if (typeof v !== 'object') return;
    const m = lowered(v as Obj);
    const format = formatOf(m, inherited.format);
    const code = codeOf(m);
    const replyCode = code !== undefined && code >= 200 && code <= 599 ? code : undefined;
    const ownEnhanced = first(m, ENHANCED_KEYS, (s) => ENHANCED.test(s));
    const context: ReplyContext = prune({
      ...inherited.context,
      ...prune({
        recipient: first(m, RECIPIENT_KEYS, (s) => s.includes('@'))?.replace(/^.*<([^>]+)>.*$/, '$1'),
        host: first(m, HOST_KEYS)
          ?.replace(/^dns;\s*/i, '')
          .toLowerCase(),
        ip: first(m, IP_KEYS),
        action: actionOf(m),
      }),
    });
    const here: Defaults = {
      format,
      context,
      code: replyCode ?? inherited.code,
      enhanced: ownEnhanced ?? inherited.enhanced,
    };
    let found = false;
    let firstText: string | undefined;
    for (const key of DIAGNOSTIC_KEYS) {
      const text = str(m.get(key));
      // A JSON string (SNS `Message`) is walked as a child below.
      if (!text || text.startsWith('{')) continue;
      firstText ??= text;
      const replies = scan(text, here);
      if (replies.length) {
        out.push(...replies);
        found = true;
        break;
      }
    }
    if (!found && firstText && (replyCode !== undefined || ownEnhanced)) {
      // The code sits in its own field and the text holds only the words (SendGrid, Mailgun).
      out.push(
        prune({
          code: here.code,
          enhanced: here.enhanced,
          text: firstText,
          context,
          format: format ?? 'json',
        }),
      );
      found = true;
    }
    if (!found && code !== undefined && code >= 600) {
      // An ESP's own code (Mailgun's 605 "not delivering to previously bounced address"): no
      // server was asked, so there is no SMTP reply to classify, only the ESP's note.
      const note = first(m, ['message', 'description', 'reason']);
      if (note) out.push({ text: note, context, format: format ?? 'json', espCode: code });
    }
    for (const [k, child] of Object.entries(v as Obj)) {
      if (typeof child === 'object' || (k.toLowerCase() === 'message' && typeof child === 'string'))
        visit(child, here, depth + 1);
    }
  };
  visit(value, {}, 0);
  return out;
}
