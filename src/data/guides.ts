// The three guide pages and which of them concern a given entry. Pure (no Astro imports), so the
// home page, the header and every entry page share one list and the derivation can run in tests.
import type { CodeEntryData } from '../lib/schema/code-entry.ts';
import type { Category } from '../lib/vocabulary';
import { RELAY_DOMAINS } from '../lib/apple-domains';
import { andList } from '../lib/and-list';
import { TAG_NOTES } from './tag-notes';

export type { GuideSource } from './guide-source';

/** Each guide's path, title, blurb and section ids. The ids are stated only here: links to a section
 *  go through guideSection, which refuses an id not listed, and the e2e tests check that each page
 *  has every section listed. /tags/ also has one section per tag, its id the tag in lower case. */
export const GUIDES = {
  sending: {
    path: 'sending-to-icloud/',
    title: 'Sending to iCloud Mail',
    blurb:
      'What Apple requires of senders, the documented limits, how to reach Apple, and the Apple incidents to rule out before you suppress anyone.',
    sections: [
      'requirements',
      'authentication',
      'no-allow-list',
      'mx-hosts',
      'custom-domains',
      'limits',
      'third-party-claims',
      'contact-apple',
      'before-you-suppress',
      'sources',
    ],
  },
  tags: {
    path: 'tags/',
    title: 'Apple’s bracket tags',
    blurb: `${andList(TAG_NOTES.map((n) => n.tag))}: what each tag in an iCloud rejection is known to mean, and how well.`,
    sections: ['reading-tags', 'all-tags', 'untagged', 'not-apple', 'sources'],
  },
  relay: {
    path: 'private-relay/',
    title: 'Hide My Email and private relay addresses',
    blurb:
      'Why mail to privaterelay.appleid.com and turned-off Hide My Email addresses bounces, and what to suppress.',
    sections: [
      'two-kinds',
      'why-relay-mail-bounces',
      'turned-off',
      'unauthorized-sender',
      'registering',
      'what-to-suppress',
      'sources',
    ],
  },
} as const satisfies Record<
  string,
  { path: string; title: string; blurb: string; sections: readonly string[] }
>;

export type GuideKey = keyof typeof GUIDES;
type SectionId<G extends GuideKey> = (typeof GUIDES)[G]['sections'][number];

/** A tag's section id on /tags/, as in the schema's tag pattern but in lower case. */
const TAG_SECTION = /^[a-z0-9]{2,6}$/;

/** A section of a guide, as a path under the base path: `tags/#hm08`. A section the guide does not
 *  list in GUIDES fails the build (and the unit tests) instead of giving a dead link. */
export function guideSection(guide: GuideKey, section: string): string {
  const known: readonly string[] = GUIDES[guide].sections;
  if (!known.includes(section) && !(guide === 'tags' && TAG_SECTION.test(section))) {
    throw new Error(`/${GUIDES[guide].path} has no section #${section} (see GUIDES in src/data/guides.ts)`);
  }
  return `${GUIDES[guide].path}#${section}`;
}

export interface GuideLink {
  guide: GuideKey;
  /** Section id on the guide page, without `#`. */
  section: string;
  /** Why the guide concerns this entry, as the link text says it. */
  label: string;
}

/** The facts of an entry that decide which guides concern it. */
export type GuideFacts = Pick<
  CodeEntryData,
  'tag' | 'category' | 'enhanced' | 'reply' | 'match' | 'examples'
>;

/** Where on /sending-to-icloud/ each category of reply is dealt with. */
const SENDING_SECTION: Record<Category, { section: SectionId<'sending'>; label: string }> = {
  'recipient-unknown': {
    section: 'before-you-suppress',
    label: 'Apple incidents that produced false “unknown user” bounces',
  },
  'recipient-disabled': { section: 'before-you-suppress', label: 'Before you suppress an iCloud address' },
  'mailbox-full': { section: 'before-you-suppress', label: 'Before you suppress an iCloud address' },
  'rate-limit': { section: 'limits', label: 'What Apple documents about limits (and what it does not)' },
  'service-busy': { section: 'limits', label: 'What Apple documents about limits (and what it does not)' },
  'policy-block': { section: 'contact-apple', label: 'How to reach Apple’s postmaster team' },
  authentication: { section: 'authentication', label: 'How iCloud checks SPF, DKIM and DMARC' },
  blocklist: { section: 'contact-apple', label: 'How to reach Apple’s postmaster team' },
  relay: { section: 'custom-domains', label: 'Custom domains on iCloud+' },
  'sender-dns': { section: 'requirements', label: 'Apple’s requirements for senders' },
  protocol: { section: 'requirements', label: 'Apple’s requirements for senders' },
  connection: { section: 'requirements', label: 'Apple’s requirements for senders' },
};

const mentionsRelay = (f: GuideFacts) =>
  [
    f.reply,
    ...f.examples.map((e) => e.text),
    ...f.match.map((m) => ('phrase' in m ? m.phrase : m.regex)),
  ].some((t) => RELAY_DOMAINS.some((d) => t.toLowerCase().includes(d)));

/** The guide sections that concern an entry, most specific first. */
export function guideLinksFor(f: GuideFacts): GuideLink[] {
  const links: GuideLink[] = [];
  if (f.tag) {
    links.push({
      guide: 'tags',
      section: f.tag.toLowerCase(),
      label: `What is known about Apple’s tag [${f.tag}]`,
    });
  } else if (f.category === 'policy-block') {
    links.push({
      guide: 'tags',
      section: 'untagged',
      label: 'Policy blocks with no tag, or a tag nobody has explained',
    });
  }
  const relay = mentionsRelay(f);
  if (relay && !f.category.startsWith('recipient-')) {
    links.push({
      guide: 'relay',
      section: 'unauthorized-sender',
      label: 'Senders the private relay does not recognise',
    });
  } else if (relay || f.category === 'recipient-disabled') {
    links.push({
      guide: 'relay',
      section: 'turned-off',
      label: 'Relay and Hide My Email addresses that are turned off or unknown',
    });
  }
  // Apple's private relay refusing a sender is not the iCloud+ custom-domain relay problem.
  const sending = relay && f.category === 'relay' ? undefined : SENDING_SECTION[f.category];
  if (sending) links.push({ guide: 'sending', ...sending });
  // A 5.1.1 from iCloud has been wrong during Apple incidents, whatever the category says.
  if (f.enhanced === '5.1.1' && sending?.section !== 'before-you-suppress') {
    links.push({
      guide: 'sending',
      section: 'before-you-suppress',
      label: 'Before you suppress: Apple incidents that produced false 5.1.1 bounces',
    });
  }
  return links;
}
