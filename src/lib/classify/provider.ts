// Does a reply come from iCloud, from another provider, or is there no telling? Judged from the
// reply's own wording first (a forwarder may relay iCloud's answer), then the remote host, then
// the recipient's domain.
import { ICLOUD_DOMAINS, LEGACY_MX_DOMAIN, RELAY_DOMAIN } from '../apple-domains.ts';
import { escapeRegExp } from '../regexp.ts';
import type { ExtractedReply } from './types.ts';

export type Verdict =
  | { kind: 'icloud'; evidence: string }
  | { kind: 'other'; provider: string; evidence: string }
  | { kind: 'unknown' };

const alternatives = (domains: readonly string[]) => domains.map(escapeRegExp).join('|');
const ICLOUD_HOST = new RegExp(
  `(?:^|\\.)(?:${alternatives([...ICLOUD_DOMAINS, RELAY_DOMAIN, LEGACY_MX_DOMAIN])})$`,
  'i',
);
const ICLOUD_DOMAIN = new RegExp(`@(?:${alternatives([...ICLOUD_DOMAINS, RELAY_DOMAIN])})$`, 'i');
const ICLOUD_WORDING =
  /support\.apple\.com|\bHT204137\b|\bmail\.icloud\.com\b|\bsmtpin\d{0,4}\.me\.com\b|\bme\.com\b|\biCloud\b|\biscream\b|privaterelay\.appleid\.com|@(?:icloud|mac)\.com\b/i;

const OTHERS: [string, RegExp][] = [
  ['Google', /\b(?:google\.com|googlemail\.com|gmail\.com|gsmtp)\b/i],
  [
    'Microsoft',
    /\b(?:outlook\.com|hotmail\.com|live\.com|msn\.com|office365\.com)\b|\bRESOLVER\.[A-Z]{2,8}\./i,
  ],
  ['Yahoo', /\b(?:yahoo\.com|yahoo\.co\.[a-z]{2}|yahoodns\.net|aol\.com|ymail\.com)\b/i],
  ['GMX or WEB.DE', /\b(?:gmx\.(?:net|de|com)|web\.de)\b/i],
  ['Yandex', /\byandex\.(?:ru|net|com)\b/i],
  ['Mail.ru', /\bmail\.ru\b/i],
  ['Zoho', /\bzoho(?:mail)?\.(?:com|eu|in)\b/i],
  ['Proton', /\b(?:protonmail\.(?:ch|com)|proton\.me)\b/i],
  ['Fastmail', /\b(?:fastmail\.(?:com|fm)|messagingengine\.com)\b/i],
];

const otherIn = (s: string) => OTHERS.find(([, re]) => re.test(s))?.[0];

export function judge(reply: ExtractedReply): Verdict {
  const { text } = reply;
  const { host, recipient } = reply.context;
  const words = text.length > 4000 ? text.slice(0, 4000) : text;
  if (ICLOUD_WORDING.test(words))
    return { kind: 'icloud', evidence: 'the wording of the reply names Apple or iCloud' };
  if (host && ICLOUD_HOST.test(host))
    return { kind: 'icloud', evidence: `the remote host ${host} is iCloud’s` };
  const inWords = otherIn(words);
  if (inWords) return { kind: 'other', provider: inWords, evidence: 'the wording of the reply' };
  const atHost = host ? otherIn(host) : undefined;
  if (atHost) return { kind: 'other', provider: atHost, evidence: `the remote host ${host}` };
  if (recipient && ICLOUD_DOMAIN.test(recipient)) {
    return { kind: 'icloud', evidence: `the recipient ${recipient} is an iCloud address` };
  }
  const atRecipient = recipient ? otherIn(recipient.replace(/^[^@]*/, '')) : undefined;
  if (atRecipient) return { kind: 'other', provider: atRecipient, evidence: `the recipient ${recipient}` };
  return { kind: 'unknown' };
}
