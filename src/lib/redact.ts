// Takes the personal data out of a pasted bounce before it goes into a shared link: addresses, the
// local parts an NDR names on their own, IP addresses, the sender's own host names and Txn IDs become
// placeholders, each distinct value its own numbered placeholder so the text still reads the same.
// iCloud's hosts, Apple's domains and public mail providers' domains are kept, like every code, tag and
// header field name (smtp.mailfrom=), since they decide which entry and provider the reply is. Pure.
import { APPLE_CORPORATE_DOMAIN, ICLOUD_DOMAINS, LEGACY_MX_DOMAIN, RELAY_DOMAIN } from './apple-domains.ts';
import { PUBLIC_MAIL_DOMAINS } from './public-domains.ts';

export type RedactionKind = 'address' | 'local' | 'ip' | 'host' | 'txn' | 'subject';

/** What each kind of replacement is, in words, for the list the user checks. */
export const REDACTION_LABELS: Record<RedactionKind, string> = {
  address: 'Address',
  local: 'Name before the @',
  ip: 'IP address',
  host: 'Host name',
  txn: 'ID',
  subject: 'Subject line',
};

export interface Replacement {
  kind: RedactionKind;
  original: string;
  placeholder: string;
}

export interface Redacted {
  text: string;
  /** Each distinct value replaced, in order of first appearance. */
  replaced: Replacement[];
}

/** Apple's own domains: hosts under them and addresses' domains under them stay as they are. */
export const APPLE_DOMAINS: readonly string[] = [
  ...ICLOUD_DOMAINS,
  RELAY_DOMAIN,
  LEGACY_MX_DOMAIN,
  APPLE_CORPORATE_DOMAIN,
];
/** Names reserved for examples (RFC 2606, RFC 6761): already placeholders. */
const RESERVED = /(^|\.)(example(\.(com|net|org))?|test|invalid|localhost|local)$/i;

const ADDRESS = /[\p{L}\p{N}._%+'=-]+@((?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,24})/giu;
/** The recipient's name alone, as Office 365 NDRs print it: "dana.whitfield wasn't found at …". */
const LOCAL_PART = /(?<![\w.@%+'=-])([\p{L}\p{N}._%+'=-]+)(?=\s+wasn(?:'|’)t found at\s)/giu;
/** Message ids look like addresses but name a message: `Message-ID: <…@…>`. */
const MESSAGE_ID = /^((?:Message-ID|In-Reply-To|References):[ \t]*<)([^<>\s]+)(?=>)/gim;
/** An Authentication-Results property before an address: `smtp.mailfrom=`, `header.i=` (RFC 8601). */
const PROPERTY = /^((?:smtp|header|body|policy)\.[a-z-]+=)/i;
const SUBJECT = /^(Subject:[ \t]*)(\S.*)$/gim;
const TXN = /\b(Txn ID:?\s*)([\w-]{6,})/gi;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const IPV4 = /(?<![\d.])(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}(?![\d.]*\d)/g;
const IPV6 = /(?<=^|[^\w:]|IPv6:)(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\w:])/gim;
/** A dotted host name on its own or after "//", not in a URL's path, an address or a longer word, and
 *  not a field name before "=" (smtp.mailfrom=, header.from= in Authentication-Results). */
const HOST =
  /(?<![\w.@-])(?<!(?<!\/)\/)(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24}(?![\w=-]|\.[a-z0-9])/gi;
/** The sending server's own name at the start of a syslog line (Postfix, Exim, Sendmail logs). */
const SYSLOG_HOST =
  /^((?:[A-Z][a-z]{2} +\d{1,2} +\d\d:\d\d:\d\d|\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d)?) )([\w.-]+)(?= [\w/-]+\[\d+\]:)/gm;

const under = (host: string, domains: readonly string[]) =>
  domains.some((d) => host === d || host.endsWith(`.${d}`));

/** Apple's IPv4 block (17.0.0.0/8) and IPv6 block (2620:149::/32). */
const appleIp = (ip: string) => /^17\./.test(ip) || /^2620:149:/i.test(ip);

/**
 * `keep`: domains (besides Apple's) whose hosts stay, such as the blocklists an entry's reply names
 * (spamhaus.org); their names are the rules' own wording, not the sender's.
 */
export function redact(input: string, keep: readonly string[] = []): Redacted {
  const kept = [...APPLE_DOMAINS, ...PUBLIC_MAIL_DOMAINS, ...keep.map((d) => d.toLowerCase())];
  const replaced: Replacement[] = [];
  const seen = new Map<string, string>();
  /** Placeholders already put in, which later patterns must leave alone. */
  const made = new Set<string>();
  // IPv4 and IPv6 placeholders are numbered apart: 192.0.2.1 and 2001:db8::1.
  const counts: Record<RedactionKind | 'ip6', number> = {
    address: 0,
    local: 0,
    ip: 0,
    ip6: 0,
    host: 0,
    txn: 0,
    subject: 0,
  };

  const place = (
    kind: RedactionKind,
    original: string,
    make: (n: number) => string,
    counter: keyof typeof counts = kind,
  ) => {
    const key = `${kind}:${original.toLowerCase()}`;
    let placeholder = seen.get(key);
    if (placeholder === undefined) {
      placeholder = make(++counts[counter]);
      seen.set(key, placeholder);
      made.add(placeholder);
      replaced.push({ kind, original, placeholder });
    }
    return placeholder;
  };
  const suffix = (n: number) => (n === 1 ? '' : String(n));
  const hostFor = (host: string) =>
    under(host.toLowerCase(), kept) || RESERVED.test(host)
      ? host
      : place('host', host, (n) => `host${suffix(n)}.example.net`);

  let text = input.replace(
    TXN,
    (_m, label: string, id: string) => label + place('txn', id, (n) => `TXN-ID-${n}`),
  );
  text = text.replace(UUID, (id) => place('txn', id, (n) => `TXN-ID-${n}`));
  text = text.replace(
    MESSAGE_ID,
    (_m, label: string, id: string) => label + place('txn', id, (n) => `message-${n}@example.invalid`),
  );
  text = text.replace(
    SUBJECT,
    (_m, label: string, subject: string) => label + place('subject', subject, (n) => `Subject ${n}`),
  );
  text = text.replace(ADDRESS, (match: string, domain: string) => {
    // The field name before "=" stays; what follows it is the address.
    const field = PROPERTY.exec(match)?.[1] ?? '';
    const address = match.slice(field.length);
    if (address.startsWith('@') || made.has(address)) return match;
    const d = domain.toLowerCase();
    if (d === APPLE_CORPORATE_DOMAIN || under(d, [APPLE_CORPORATE_DOMAIN])) return match;
    const keepDomain = under(d, kept) || RESERVED.test(d);
    return (
      field + place('address', address, (n) => `user${suffix(n)}@${keepDomain ? domain : 'example.com'}`)
    );
  });
  // A local part already seen in an address gets that address's placeholder name: the same person.
  const localOf = (address: string) => address.slice(0, address.lastIndexOf('@')).toLowerCase();
  text = text.replace(LOCAL_PART, (local: string) => {
    if (/^user\d*$/.test(local)) return local;
    const known = replaced.find((r) => r.kind === 'address' && localOf(r.original) === local.toLowerCase());
    return place('local', local, (n) => (known ? localOf(known.placeholder) : `user${suffix(n)}`), 'address');
  });
  text = text.replace(IPV4, (ip) =>
    appleIp(ip) || ip.startsWith('192.0.2.') ? ip : place('ip', ip, (n) => `192.0.2.${n}`),
  );
  // Times (09:00:00) have the shape of IPv6 too: only "::" or six or more groups count as an address.
  text = text.replace(IPV6, (ip) =>
    (!ip.includes('::') && ip.split(':').length < 6) || appleIp(ip) || /^2001:db8:/i.test(ip)
      ? ip
      : place('ip', ip, (n) => `2001:db8::${n}`, 'ip6'),
  );
  text = text.replace(SYSLOG_HOST, (_m, stamp: string, host: string) =>
    RESERVED.test(host) ? stamp + host : stamp + place('host', host, (n) => `host${suffix(n)}.example.net`),
  );
  text = text.replace(HOST, hostFor);
  return { text, replaced };
}

/** The domains named in the entries' own replies (blocklists, Apple's support site), to keep. */
export function replyDomains(replies: readonly string[]): string[] {
  const found = new Set<string>();
  for (const reply of replies)
    for (const m of reply.matchAll(/https?:\/\/([^/\s?#]+)/gi)) {
      const host = m[1]!.toLowerCase();
      if (!RESERVED.test(host)) found.add(host.split('.').slice(-2).join('.'));
    }
  return [...found];
}
