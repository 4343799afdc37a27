// Which kind of iCloud address a reply was for: Apple's own domains, a custom domain on iCloud+
// (not an Apple domain, but Apple's servers answered for it), or a Hide My Email relay address.
import { ICLOUD_DOMAINS, RELAY_DOMAINS } from '../apple-domains.ts';
import type { DomainKind } from './types.ts';

export function domainKind(recipient: string | undefined): { kind: DomainKind; domain?: string } {
  const domain = recipient?.slice(recipient.lastIndexOf('@') + 1).toLowerCase();
  if (!domain) return { kind: 'unknown' };
  if ((ICLOUD_DOMAINS as readonly string[]).includes(domain)) return { kind: domain as DomainKind };
  if ((RELAY_DOMAINS as readonly string[]).includes(domain)) return { kind: 'relay' };
  return { kind: 'custom', domain };
}

export const DOMAIN_KINDS: readonly DomainKind[] = [...ICLOUD_DOMAINS, 'custom', 'relay', 'unknown'];
