// The text path: walks the logical lines of a paste (log excerpt, bounce text, DSN part, SMTP
// transcript) and turns each reply found into an ExtractedReply with its context. State that spans
// lines lives here: an RFC 3464 per-recipient group (Final-Recipient, Action, Status, Remote-MTA
// around a Diagnostic-Code) and a Sendmail transcript (`... while talking to`, `>>>`, `<<<`).
import { logicalLines } from './lines.ts';
import { scanLine, type ScannedReply } from './scan.ts';
import { ADDRESS, contextFor, hostIn, prune, recipientIn, stageFromCommand } from './context.ts';
import type { ExtractedReply, InputFormat, ReplyContext } from './types.ts';
import type { Stage } from '../vocabulary.ts';

export interface TextEnv {
  allowed: ReadonlySet<number>;
  /** Classifies a JSON value found on a line (a webhook event per line, or a pasted fragment). */
  json: (value: unknown) => ExtractedReply[];
}

/** Context and codes given by the surroundings (a JSON object), used where the text says nothing. */
export interface Defaults {
  code?: number;
  enhanced?: string;
  context?: ReplyContext;
  format?: InputFormat;
}

const DSN_FIELD =
  /^(Final-Recipient|Original-Recipient|X-Actual-Recipient|Action|Status|Remote-MTA|Diagnostic-Code|Reporting-MTA|Received-From-MTA|Arrival-Date|Last-Attempt-Date|Will-Retry-Until|X-Postfix-Queue-ID|X-Postfix-Sender)[ \t]*:[ \t]*(.*)$/i;
const ENHANCED_ONLY = /^([245]\.\d{1,3}\.\d{1,3})\b/;
/** A field value without its type (`rfc822;`, `dns;`, `smtp;`, `X-Postfix;`). */
const untyped = (value: string) => value.replace(/^[\w-]{1,20};\s*/, '');
const LISTED = new RegExp(String.raw`^\s*<?(${ADDRESS})>?\s*$`);

interface DsnGroup {
  recipient?: string;
  /** A line holding only an address (Exchange and Sendmail list the recipient above its reply). */
  listed?: string;
  action?: string;
  status?: string;
  host?: string;
  ip?: string;
  replies: ExtractedReply[];
}

function formatOf(line: string, scanned: ScannedReply): InputFormat {
  if (scanned.python) return 'python';
  if (/\bpostfix\/|\bstatus=(?:bounced|deferred|expired)\b/.test(line)) return 'postfix-log';
  if (/^<<<|\bstat=|\bsm-mta\[|\bsendmail\[/.test(line)) return 'sendmail';
  if (/(?:^|\s)(?:\*\*|==)\s\S+@|\bR=\S+ T=|SMTP error from remote mail(?:er| server)/.test(line))
    return 'exim';
  if (/Remote Server (?:at .{1,300} )?returned|Reported error:|#SMTP#/i.test(line)) return 'microsoft';
  if (/\bresponse=/.test(line)) return 'node-mta';
  if (/\bsaid:|refused to talk to me/.test(line)) return 'postfix-bounce';
  if (/^(?:(?:smtp|x-postfix|x-unix);)?$/i.test(scanned.before.trim())) return 'reply';
  return 'text';
}

function fill(reply: ExtractedReply, d: Defaults) {
  if (reply.code === undefined && d.code !== undefined) reply.code = d.code;
  if (
    !reply.enhanced &&
    d.enhanced &&
    (reply.code === undefined || String(reply.code)[0] === d.enhanced[0])
  ) {
    reply.enhanced = d.enhanced;
  }
  for (const [k, v] of Object.entries(d.context ?? {}) as [keyof ReplyContext, string][]) {
    if (v !== undefined && reply.context[k] === undefined) (reply.context as Record<string, string>)[k] = v;
  }
}

function finishGroup(g: DsnGroup) {
  for (const r of g.replies) {
    fill(r, {
      enhanced: g.status,
      context: prune({ recipient: g.recipient, action: g.action, host: g.host, ip: g.ip }),
    });
  }
}

function tryJson(line: string, env: TextEnv): ExtractedReply[] | undefined {
  const t = line.trim();
  let source: string | undefined;
  if (t.startsWith('{') && t.endsWith('}')) source = t;
  else if (/^"[\w-]{1,60}"\s*:/.test(t)) source = `{${t.replace(/,$/, '')}}`;
  if (!source) return undefined;
  try {
    return env.json(JSON.parse(source));
  } catch {
    return undefined;
  }
}

export function extractText(input: string, env: TextEnv, defaults: Defaults = {}): ExtractedReply[] {
  const out: ExtractedReply[] = [];
  let group: DsnGroup = { replies: [] };
  let talkingTo: { host?: string; ip?: string } = {};
  let transcriptStage: Stage | undefined;
  let echoPending = false;

  const emit = (line: string, scanned: ScannedReply, extra: Partial<ReplyContext>, format?: InputFormat) => {
    const reply: ExtractedReply = {
      code: scanned.code,
      enhanced: scanned.enhanced,
      text: scanned.text,
      context: contextFor(scanned.before, scanned.after, scanned.text, scanned.outerBefore),
      format: format ?? defaults.format ?? formatOf(line, scanned),
    };
    if (reply.code === undefined) delete reply.code;
    if (reply.enhanced === undefined) delete reply.enhanced;
    fill(reply, { context: prune(extra as ReplyContext) });
    out.push(reply);
    return reply;
  };

  for (const line of logicalLines(input)) {
    if (line.trim() === '') {
      finishGroup(group);
      group = { replies: [] };
      talkingTo = {};
      transcriptStage = undefined;
      echoPending = false;
      continue;
    }
    const field = DSN_FIELD.exec(line);
    if (field && (field[1]!.toLowerCase() !== 'status' || ENHANCED_ONLY.test(field[2]!.trim()))) {
      const name = field[1]!.toLowerCase();
      const value = field[2]!.trim();
      if (name.endsWith('recipient')) {
        if (name === 'final-recipient' && group.recipient && group.replies.length) {
          finishGroup(group);
          group = { replies: [] };
        }
        const address = recipientIn(untyped(value));
        if (name === 'final-recipient' || !group.recipient) group.recipient = address ?? group.recipient;
      } else if (name === 'action') group.action = value.split(/\s/)[0]!.toLowerCase();
      else if (name === 'status') group.status = ENHANCED_ONLY.exec(value)![1];
      else if (name === 'remote-mta') {
        const h = untyped(value);
        const bracketed = hostIn(`host ${h}`);
        group.host = (bracketed.host ?? h.split(/[\s[]/)[0]!.replace(/\.$/, '').toLowerCase()) || undefined;
        group.ip = bracketed.ip;
      } else if (name === 'diagnostic-code') {
        // Without the diagnostic type the reply sits at the start.
        const diag = untyped(value);
        for (const s of scanLine(diag, env.allowed)) group.replies.push(emit(diag, s, {}, 'dsn'));
      }
      continue;
    }
    const listed = LISTED.exec(line);
    if (listed) {
      group.listed = listed[1];
      continue;
    }
    const talk = /^\.\.\. while talking to ([\w.-]{1,253}?)\.?:/.exec(line);
    if (talk) {
      talkingTo = { host: talk[1]!.toLowerCase() };
      transcriptStage = 'connect';
      continue;
    }
    const command = /^>>>\s?(\S+(?:\s[A-Za-z]+)?)/.exec(line);
    if (command) {
      transcriptStage = stageFromCommand(command[1]!.replace(/\s?[:<].*$/, '')) ?? transcriptStage;
      echoPending = false;
      continue;
    }
    const fromJson = tryJson(line, env);
    if (fromJson?.length) {
      out.push(...fromJson);
      continue;
    }
    const scanned = scanLine(line, env.allowed);
    const transcript = line.startsWith('<<<');
    if (!transcript && echoPending && scanned.length) {
      // Sendmail repeats the remote reply (or its own summary) right after the `<<<` line.
      echoPending = false;
      continue;
    }
    echoPending = transcript && scanned.length > 0;
    for (const s of scanned) {
      const around = transcript ? { ...talkingTo, stage: transcriptStage ?? 'connect' } : {};
      emit(line, s, { ...around, recipient: group.listed });
    }
  }
  finishGroup(group);
  for (const r of out) fill(r, defaults);
  return out;
}
