// Apple's mail domains and host names, as data. The lexicon (./lexicon.ts) builds from them the
// name patterns of the scanners, the prefilter and the report; the classifier's "is this iCloud?"
// checks (./classify/provider.ts), the report's domain breakdown (./report/domains.ts), redaction,
// the message to Apple and the guides read them here. Code spells names out in two places only:
// the provider check's wording pattern (ICLOUD_WORDING: support pages and hosts as bounces quote
// them) and the labels of the domain breakdown in /analyze/ (src/browser/analyze-report.ts) and
// --summary (src/node-api/summary-text.ts); the guides' prose names them as text.
export const ICLOUD_DOMAINS = ['icloud.com', 'me.com', 'mac.com'] as const;
/** Sign in with Apple / Hide My Email relay addresses. */
export const RELAY_DOMAIN = 'privaterelay.appleid.com';
/** Every relay domain: Apple announced `private.icloud.com` (MX `smtp1.private.icloud.com`) for new
 *  relay addresses in June 2026 and withdrew the plan in August; its MX still resolved in September. */
export const RELAY_DOMAINS = [RELAY_DOMAIN, 'private.icloud.com'] as const;
/** Older iCloud MX names (mx*.me.com.akadns.net, 2013). */
export const LEGACY_MX_DOMAIN = 'me.com.akadns.net';
/** iCloud's inbound front end names its pods without a domain (`p00-iscream-smtp-7b95d6f6c9-64bmv`
 *  in Office 365's "Message rejected by", 2026). */
export const ICLOUD_POD_HOST = /^[a-z]{1,3}\d{1,3}-iscream-smtp-[\w-]{1,60}$/i;
/** iCloud's outbound servers (`mr21p30im-asmtp002.me.com`, Reporting-MTA comment `tcp-daemon`):
 *  their DSNs report what *another* receiver answered an iCloud user. */
export const ICLOUD_OUTBOUND_HOST = /-asmtp\d{0,4}\.me\.com$/i;
export const ICLOUD_OUTBOUND_AGENT = 'tcp-daemon';
/** Apple's IPv4 network, 17.0.0.0/8: an answering server at such an address is Apple's. */
export const APPLE_IPV4 = /^17\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
/** Apple's corporate mail (`mail-in2.apple.com`): Apple's, but not iCloud Mail. */
export const APPLE_CORPORATE_DOMAIN = 'apple.com';
