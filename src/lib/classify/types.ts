// The classifier's public types. The engine (src/lib/classify/), the classifier box, the search
// best-match card and the benchmark all code against these.
import type { RuleEntry } from '../rules';
import type { Stage } from '../vocabulary';

/** exact: a tag or distinctive phrase matched with the same basic code; likely: matched, but the
 *  code differs or the wording is stock MTA text without iCloud context; code-only: only the
 *  basic + enhanced code pointed at the entry. */
export type Confidence = 'exact' | 'likely' | 'code-only';

export type InputFormat =
  | 'reply'
  | 'postfix-log'
  | 'postfix-bounce'
  | 'dsn'
  | 'eml'
  | 'exim'
  | 'sendmail'
  | 'microsoft'
  | 'node-mta'
  | 'python'
  | 'ses-json'
  | 'sendgrid-json'
  | 'mailgun-json'
  | 'postmark-json'
  | 'mandrill-json'
  | 'json'
  | 'text';

export interface ReplyContext {
  recipient?: string;
  /** Remote host that sent the reply, e.g. mx02.mail.icloud.com. */
  host?: string;
  ip?: string;
  stage?: Stage;
  /** RFC 3464 Action (failed, delayed, …) when the input carried one. */
  action?: string;
  /** When another server relayed this reply inside its own (a forwarder), that server's host. */
  via?: string;
  /** A DSN's Reporting-MTA, with its comment (`ms02222.mac.com (ims-ms-daemon)`). */
  reportedBy?: string;
}

export interface ExtractedReply {
  code?: number;
  enhanced?: string;
  /** The reply text as found, normalised (prefixes stripped, continuation lines joined). */
  text: string;
  context: ReplyContext;
  format: InputFormat;
  /** A sending service's own code (Mailgun's 605): no server was asked, so there is no SMTP reply. */
  espCode?: number;
  /** A DSN that carries no SMTP reply: its Status code and the reason it gives (Status comment,
   *  `Reason:`, a Diagnostic-Code that is not a reply). `text` then holds these fields. */
  dsn?: { status: string; reason: string };
  /** An earlier command's error that the server names inside this reply (iCloud's 503 to RCPT TO
   *  naming a 451 to MAIL FROM: all of it iCloud's own text). */
  earlier?: { text: string; stage?: Stage };
}

export interface Classification {
  reply: ExtractedReply;
  /** The matching entry, or undefined when no iCloud entry applies. */
  entry?: RuleEntry;
  confidence?: Confidence;
  /** The rule that decided, as written in the entry (e.g. "[HM08]" or a phrase). */
  rule?: string;
  /** One or two plain sentences: why this entry, or why none. */
  why: string;
  /** Whether host, recipient or wording says the reply came from iCloud. */
  looksLikeICloud: boolean;
  /** The other provider the reply came from (e.g. "Google"), when the input names one. */
  provider?: string;
  /** Entries that fit equally well: set when the wording ties between entries, or when no wording
   *  matched and several iCloud entries share the reply's codes. */
  alternatives?: RuleEntry[];
  /** Stock wording with no iCloud context: the entry it would be, if the reply came from iCloud. */
  ifICloud?: RuleEntry;
}

/** Which sign marked a message as an automatic reply (see ./auto-reply.ts). */
export type AutoReplyKind =
  'apple-vacation' | 'apple-auto-reply' | 'auto-replied' | 'auto-generated' | 'subject';

/** A vacation or out-of-office reply: not a bounce, never a reason to suppress. */
export interface AutoReply {
  kind: AutoReplyKind;
  /** The header or subject that said so, as found (`X-Apple-Action: VACATION`). */
  marker: string;
  /** Who sent it (the message's From address). */
  from?: string;
}

export interface ClassifyOutcome {
  results: Classification[];
  /** Set when nothing could be classified: a clear message for the user (empty input, no reply found…). */
  message?: string;
  /** Set when the input is an automatic reply (then results is empty and message says so). */
  autoReply?: AutoReply;
}
