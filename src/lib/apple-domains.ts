// Apple's mail domains: the one place the site lists them. The classifier builds its "is this
// iCloud?" checks from these; the guides use the relay domain to find Sign in with Apple entries.
export const ICLOUD_DOMAINS = ['icloud.com', 'me.com', 'mac.com'] as const;
/** Sign in with Apple / Hide My Email relay addresses. */
export const RELAY_DOMAIN = 'privaterelay.appleid.com';
/** Older iCloud MX names (mx*.me.com.akadns.net, 2013). */
export const LEGACY_MX_DOMAIN = 'me.com.akadns.net';
