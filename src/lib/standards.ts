// The standards module: the only place the site states what RFC 5321 and RFC 3463 / the IANA
// registry call each code. Pages and the classifier read titles from here.

const RFC5321_URL = 'https://www.rfc-editor.org/rfc/rfc5321#section-4.2.3';
export const RFC3463_URL = 'https://www.rfc-editor.org/rfc/rfc3463';
const IANA_ENHANCED_URL =
  'https://www.iana.org/assignments/smtp-enhanced-status-codes/smtp-enhanced-status-codes.xhtml';
const RFC7504_URL = 'https://www.rfc-editor.org/rfc/rfc7504';

/** RFC 5321 §4.2.2–4.2.3 reply texts (521 and 556 from RFC 7504). */
const BASIC: Record<number, string> = {
  211: 'System status, or system help reply',
  214: 'Help message',
  220: '<domain> Service ready',
  221: '<domain> Service closing transmission channel',
  250: 'Requested mail action okay, completed',
  251: 'User not local; will forward to <forward-path>',
  252: 'Cannot VRFY user, but will accept message and attempt delivery',
  354: 'Start mail input; end with <CRLF>.<CRLF>',
  421: '<domain> Service not available, closing transmission channel',
  450: 'Requested mail action not taken: mailbox unavailable (e.g., mailbox busy or temporarily blocked for policy reasons)',
  451: 'Requested action aborted: local error in processing',
  452: 'Requested action not taken: insufficient system storage',
  455: 'Server unable to accommodate parameters',
  500: 'Syntax error, command unrecognized',
  501: 'Syntax error in parameters or arguments',
  502: 'Command not implemented',
  503: 'Bad sequence of commands',
  504: 'Command parameter not implemented',
  521: 'Host does not accept mail',
  550: 'Requested action not taken: mailbox unavailable (e.g., mailbox not found, no access, or command rejected for policy reasons)',
  551: 'User not local; please try <forward-path>',
  552: 'Requested mail action aborted: exceeded storage allocation',
  553: 'Requested action not taken: mailbox name not allowed (e.g., mailbox syntax incorrect)',
  554: 'Transaction failed (or, at the connection greeting, “No SMTP service here”)',
  555: 'MAIL FROM/RCPT TO parameters not recognized or not implemented',
  556: 'Domain does not accept mail',
};

/** The basic codes RFC 5321 and RFC 7504 name, in ascending order. */
export const NAMED_BASIC_CODES: readonly number[] = Object.keys(BASIC).map(Number);

const CLASSES: Record<string, string> = {
  '2': 'Success',
  '4': 'Persistent Transient Failure',
  '5': 'Permanent Failure',
};

const SUBJECTS: Record<string, string> = {
  '0': 'Other or Undefined Status',
  '1': 'Addressing Status',
  '2': 'Mailbox Status',
  '3': 'Mail System Status',
  '4': 'Network and Routing Status',
  '5': 'Mail Delivery Protocol Status',
  '6': 'Message Content or Media Status',
  '7': 'Security or Policy Status',
};

/** IANA "SMTP Enhanced Status Codes" registry titles, keyed by subject.detail. */
const DETAILS: Record<string, string> = {
  '0.0': 'Other undefined Status',
  '1.0': 'Other address status',
  '1.1': 'Bad destination mailbox address',
  '1.2': 'Bad destination system address',
  '1.3': 'Bad destination mailbox address syntax',
  '1.4': 'Destination mailbox address ambiguous',
  '1.5': 'Destination address valid',
  '1.6': 'Destination mailbox has moved, No forwarding address',
  '1.7': 'Bad sender’s mailbox address syntax',
  '1.8': 'Bad sender’s system address',
  '1.9': 'Message relayed to non-compliant mailer',
  '1.10': 'Recipient address has null MX',
  '2.0': 'Other or undefined mailbox status',
  '2.1': 'Mailbox disabled, not accepting messages',
  '2.2': 'Mailbox full',
  '2.3': 'Message length exceeds administrative limit',
  '2.4': 'Mailing list expansion problem',
  '3.0': 'Other or undefined mail system status',
  '3.1': 'Mail system full',
  '3.2': 'System not accepting network messages',
  '3.3': 'System not capable of selected features',
  '3.4': 'Message too big for system',
  '3.5': 'System incorrectly configured',
  '4.0': 'Other or undefined network or routing status',
  '4.1': 'No answer from host',
  '4.2': 'Bad connection',
  '4.3': 'Directory server failure',
  '4.4': 'Unable to route',
  '4.5': 'Mail system congestion',
  '4.6': 'Routing loop detected',
  '4.7': 'Delivery time expired',
  '5.0': 'Other or undefined protocol status',
  '5.1': 'Invalid command',
  '5.2': 'Syntax error',
  '5.3': 'Too many recipients',
  '5.4': 'Invalid command arguments',
  '5.5': 'Wrong protocol version',
  '6.0': 'Other or undefined media error',
  '6.1': 'Media not supported',
  '6.2': 'Conversion required and prohibited',
  '6.3': 'Conversion required but not supported',
  '6.4': 'Conversion with loss performed',
  '6.5': 'Conversion Failed',
  '7.0': 'Other or undefined security status',
  '7.1': 'Delivery not authorized, message refused',
  '7.2': 'Mailing list expansion prohibited',
  '7.3': 'Security conversion required but not possible',
  '7.4': 'Security features not supported',
  '7.5': 'Cryptographic failure',
  '7.6': 'Cryptographic algorithm not supported',
  '7.7': 'Message integrity failure',
  '7.8': 'Authentication credentials invalid',
  '7.9': 'Authentication mechanism is too weak',
  '7.10': 'Encryption Needed',
  '7.11': 'Encryption required for requested authentication mechanism',
  '7.12': 'A password transition is needed',
  '7.13': 'User Account Disabled',
  '7.14': 'Trust relationship required',
  '7.15': 'Priority Level is too low',
  '7.16': 'Message is too big for the specified priority',
  '7.17': 'Mailbox owner has changed',
  '7.18': 'Domain owner has changed',
  '7.19': 'RRVS test cannot be completed',
  '7.20': 'No passing DKIM signature found',
  '7.21': 'No acceptable DKIM signature found',
  '7.22': 'No valid author-matched DKIM signature found',
  '7.23': 'SPF validation failed',
  '7.24': 'SPF validation error',
  '7.25': 'Reverse DNS validation failed',
  '7.26': 'Multiple authentication checks failed',
  '7.27': 'Sender address has null MX',
  '7.28': 'Mail flood detected',
  '7.29': 'ARC validation failure',
  '7.30': 'REQUIRETLS support required',
};

type CodeKind = 'success' | 'intermediate' | 'transient' | 'permanent' | 'unknown';

/** What the first digit means for the sending server, in the one wording the site uses. */
const KIND_MEANING: Record<CodeKind, { failure: string; then?: string }> = {
  transient: {
    failure: 'a temporary failure',
    then: 'the sending server keeps the message and tries again later',
  },
  permanent: {
    failure: 'a permanent failure',
    then: 'the sending server gives up and returns the message to its sender',
  },
  success: { failure: 'not a failure' },
  intermediate: { failure: 'not a failure' },
  unknown: { failure: 'not a failure' },
};

export interface BasicCodeInfo {
  code: number;
  /** RFC 5321 text, or undefined for a code the RFC does not define. */
  text?: string;
  /** 2 success, 3 intermediate, 4 transient, 5 permanent. */
  kind: CodeKind;
  /** "a temporary failure", "a permanent failure" or "not a failure". */
  failure: string;
  /** For 4xx and 5xx, the sentence pages show: "A 4xx reply is a temporary failure: …". */
  meaning?: string;
  spec: string;
}

export function basicCode(code: number): BasicCodeInfo {
  const first = Math.floor(code / 100);
  const kind: CodeKind =
    first === 2
      ? 'success'
      : first === 3
        ? 'intermediate'
        : first === 4
          ? 'transient'
          : first === 5
            ? 'permanent'
            : 'unknown';
  const { failure, then } = KIND_MEANING[kind];
  return {
    code,
    text: BASIC[code],
    kind,
    failure,
    meaning: then && `A ${first}xx reply is ${failure}: ${then}.`,
    spec: code === 521 || code === 556 ? RFC7504_URL : RFC5321_URL,
  };
}

export interface EnhancedCodeInfo {
  code: string;
  className?: string;
  subjectName?: string;
  /** The registry title of subject.detail, when registered. */
  title?: string;
  spec: string;
}

export function enhancedCode(code: string): EnhancedCodeInfo {
  const [cls = '', subject = '', detail = ''] = code.split('.');
  return {
    code,
    className: CLASSES[cls],
    subjectName: SUBJECTS[subject],
    title: DETAILS[`${subject}.${detail}`],
    spec: IANA_ENHANCED_URL,
  };
}

/** A reply's codes as people write them, `554 5.7.1`, or whichever of the two it has. */
export const codesText = (code?: number, enhanced?: string) =>
  [code, enhanced].filter((c) => c !== undefined).join(' ');
