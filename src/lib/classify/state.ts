// The text path's shared shapes: what the surroundings give a paste (Defaults), and what each line
// handler reads and updates while the logical lines go by (TextState).
import type { Stage } from '../vocabulary.ts';
import type { ScannedReply } from './scan.ts';
import type { ExtractedReply, InputFormat, ReplyContext } from './types.ts';

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

/** One RFC 3464 per-recipient group (Final-Recipient, Action, Status, Remote-MTA, Diagnostic-Code). */
export interface DsnGroup {
  recipient?: string;
  /** A line holding only an address (Exchange and Sendmail list the recipient above its reply). */
  listed?: string;
  action?: string;
  status?: string;
  /** The Status field's comment: `4.2.2 (Over quota)`. */
  statusNote?: string;
  /** A Diagnostic-Code that holds no SMTP reply. */
  diagnostic?: string;
  host?: string;
  ip?: string;
  replies: ExtractedReply[];
}

/** A Sendmail transcript (`... while talking to`, `>>>`, `<<<`) being read. */
export interface Transcript {
  host?: string;
  /** The stage of the last command sent. */
  stage?: Stage;
  /** The line after a `<<<` reply repeats it (or Sendmail's summary of it). */
  echoPending: boolean;
}

export interface TextState {
  env: TextEnv;
  /** The replies found so far, in input order. */
  out: ExtractedReply[];
  group: DsnGroup;
  /** Groups read that have a Status but no reply, for DSNs that carry no SMTP reply at all. */
  groups: DsnGroup[];
  /** The DSN's Reporting-MTA with its comment; it reports every recipient of the message. */
  reportingMta?: string;
  /** `Reason: …` lines of a bounce's human part (Oracle Messaging Server, iCloud's own DSNs). */
  reasons: string[];
  transcript: Transcript;
  /** A report's summary of a reply (Office 365's "Status code:"), dropped when the real reply follows. */
  summary?: ExtractedReply;
  /** Adds the reply scanned on `line`, with context read around it and `extra` where that says nothing. */
  emit(
    line: string,
    scanned: ScannedReply,
    extra: Partial<ReplyContext>,
    format?: InputFormat,
  ): ExtractedReply;
}

/** Reads one logical line when it is the handler's kind; true when the line is used up. */
export type LineHandler = (line: string, state: TextState) => boolean;

/** Sets what the reply lacks from `d`; an enhanced code only of the reply's class. */
export function fill(reply: ExtractedReply, d: Defaults) {
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
