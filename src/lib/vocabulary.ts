// The fixed vocabularies of an entry's front matter, with the words the site shows for each value.
// The schema validates against these lists; pages, filters and the classifier read the labels here.

export const OUTCOMES = {
  permanent: 'Permanent failure',
  transient: 'Temporary failure',
} as const;

export const RETRY = {
  no: 'Do not retry',
  later: 'Retry later',
  'after-fix': 'Retry after fixing the cause',
} as const;

export const SUPPRESS = {
  yes: 'Suppress the address',
  no: 'Do not suppress',
  'after-repeats': 'Suppress only after repeated failures',
} as const;

export const OWNERS = {
  sender: 'The sender',
  recipient: 'The recipient',
  'domain-admin': 'The recipient domain’s administrator',
  apple: 'Apple',
} as const;

export const CATEGORIES = {
  'recipient-unknown': 'Unknown recipient',
  'recipient-disabled': 'Disabled recipient address',
  'mailbox-full': 'Mailbox full',
  'rate-limit': 'Rate limit',
  'service-busy': 'Service busy',
  'policy-block': 'Policy block',
  authentication: 'Authentication failure',
  blocklist: 'Blocklist',
  relay: 'Relay refused',
  'sender-dns': 'Sender DNS problem',
  protocol: 'Protocol error',
  connection: 'Connection refused',
} as const;

export const STAGES = {
  connect: 'Connection greeting',
  helo: 'HELO/EHLO',
  mail: 'MAIL FROM',
  rcpt: 'RCPT TO',
  data: 'End of DATA',
} as const;

export const EVIDENCE = {
  capture: 'Seen in a raw capture',
  reported: 'Reported by people who received it',
  reference: 'Listed in reference material only',
} as const;

export const EVIDENCE_HELP = {
  capture: 'The exact text appears in a raw bounce or log from an iCloud mail server.',
  reported: 'People quoted the text from real bounces, but no full raw capture was found.',
  reference: 'The text appears in reference tables or analyser rules; no capture was found.',
} as const;

export type Outcome = keyof typeof OUTCOMES;
export type Retry = keyof typeof RETRY;
export type Suppress = keyof typeof SUPPRESS;
export type Owner = keyof typeof OWNERS;
export type Category = keyof typeof CATEGORIES;
export type Stage = keyof typeof STAGES;
export type Evidence = keyof typeof EVIDENCE;

/** The retry advice as the site words it, with the entry's delay when it names one. */
export const retryText = (retry: Retry, delay?: string): string =>
  delay ? `${RETRY[retry]}, ${delay}` : RETRY[retry];

export const keysOf = <T extends object>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
