// Whose reply is it: iCloud's, another provider's, a named server that is not Apple's, or no
// telling? A named answering host decides first (a reply from a host that is not Apple's is never
// iCloud's, whatever its wording), then the reply's own wording, then the recipient's domain.
import {
  APPLE_CORPORATE_DOMAIN,
  APPLE_IPV4,
  ICLOUD_DOMAINS,
  ICLOUD_OUTBOUND_AGENT,
  ICLOUD_OUTBOUND_HOST,
  ICLOUD_POD_HOST,
  LEGACY_MX_DOMAIN,
  RELAY_DOMAINS,
} from '../apple-domains.ts';
import { escapeRegExp } from '../regexp.ts';
import type { ExtractedReply } from './types.ts';

export type Verdict =
  | { kind: 'icloud'; evidence: string }
  | { kind: 'other'; provider: string; evidence: string }
  /** The answering server is named and is not Apple's. */
  | { kind: 'elsewhere'; host: string }
  /** iCloud's outbound server reporting what another receiver answered. */
  | { kind: 'outbound'; reporter: string; host?: string }
  | { kind: 'unknown' };

const alternatives = (domains: readonly string[]) => domains.map(escapeRegExp).join('|');
const ICLOUD_HOST = new RegExp(
  `(?:^|\\.)(?:${alternatives([...ICLOUD_DOMAINS, ...RELAY_DOMAINS, LEGACY_MX_DOMAIN])})$`,
  'i',
);
const ICLOUD_DOMAIN = new RegExp(`@(?:${alternatives([...ICLOUD_DOMAINS, ...RELAY_DOMAINS])})$`, 'i');
const ICLOUD_WORDING =
  /support\.apple\.com|\bHT204137\b|\bmail\.icloud\.com\b|\bsmtpin\d{0,4}\.me\.com\b|\bme\.com\b|\biCloud\b|\biscream\b|privaterelay\.appleid\.com|@(?:icloud|mac)\.com\b/i;
/** Documentation addresses (RFC 5737): anonymised captures use them, so they name no server. */
const PLACEHOLDER_IP = /^(?:192\.0\.2|198\.51\.100|203\.0\.113)\./;

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

/** True for a host name of iCloud's mail servers (inbound MX, relay, store or pod). */
export const isICloudHost = (host: string) => ICLOUD_HOST.test(host) || ICLOUD_POD_HOST.test(host);

/** True for a host of Apple's corporate mail (apple.com), which is Apple's but not iCloud Mail. */
export const isAppleCorporate = (host: string) =>
  host === APPLE_CORPORATE_DOMAIN || host.endsWith(`.${APPLE_CORPORATE_DOMAIN}`);

/** True for a DSN's Reporting-MTA that is iCloud's outbound server rather than its mailbox store. */
export const isICloudOutbound = (reporter: string) =>
  ICLOUD_OUTBOUND_HOST.test(reporter.split(/\s/)[0]!) ||
  (reporter.includes(ICLOUD_OUTBOUND_AGENT) && isICloudHost(reporter.split(/\s/)[0]!));

/** The named answering server's verdict, when the input names one. */
function byHost(host: string | undefined, ip: string | undefined): Verdict | undefined {
  if (host) {
    if (isICloudHost(host)) return { kind: 'icloud', evidence: `the remote host ${host} is iCloud’s` };
    const provider = otherIn(host);
    if (provider) return { kind: 'other', provider, evidence: `the remote host ${host}` };
    return { kind: 'elsewhere', host };
  }
  if (!ip || PLACEHOLDER_IP.test(ip)) return undefined;
  if (APPLE_IPV4.test(ip)) return { kind: 'icloud', evidence: `the remote IP ${ip} is in Apple’s network` };
  return { kind: 'elsewhere', host: ip };
}

export function judge(reply: ExtractedReply): Verdict {
  const { text } = reply;
  const { host, ip, recipient, reportedBy } = reply.context;
  if (reportedBy && isICloudOutbound(reportedBy) && !(host && isICloudHost(host))) {
    return { kind: 'outbound', reporter: reportedBy.split(/\s/)[0]!, host };
  }
  // Without a named host, Apple's corporate gateway reporting its own refusal is the server that answered.
  const corporate = !host && reportedBy && isAppleCorporate(reportedBy.split(/\s/)[0]!);
  const named = byHost(corporate ? reportedBy.split(/\s/)[0] : host, ip);
  if (named) return named;
  const words = text.length > 4000 ? text.slice(0, 4000) : text;
  if (ICLOUD_WORDING.test(words))
    return { kind: 'icloud', evidence: 'the wording of the reply names Apple or iCloud' };
  const inWords = otherIn(words);
  if (inWords) return { kind: 'other', provider: inWords, evidence: 'the wording of the reply' };
  if (recipient && ICLOUD_DOMAIN.test(recipient)) {
    return { kind: 'icloud', evidence: `the recipient ${recipient} is an iCloud address` };
  }
  const atRecipient = recipient ? otherIn(recipient.replace(/^[^@]*/, '')) : undefined;
  if (atRecipient) return { kind: 'other', provider: atRecipient, evidence: `the recipient ${recipient}` };
  return { kind: 'unknown' };
}
