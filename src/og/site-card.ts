// The site-wide preview image for pages that are not an entry: the name, what the site is, and the
// Apple tags it covers (taken from the collection by the caller).
import { SITE_NAME } from '../lib/site';
import { box } from './element';
import { COLORS, FONT } from './theme';

export interface SiteCardData {
  replies: number;
  tags: string[];
  host: string;
}

export function siteCard(d: SiteCardData) {
  return box(
    {
      width: '100%',
      height: '100%',
      boxSizing: 'border-box',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '64px',
      background: COLORS.bg,
      color: COLORS.fg,
      fontFamily: FONT,
      borderTop: `24px solid ${COLORS.accent}`,
    },
    box(
      { flexDirection: 'column', gap: 24 },
      box({ fontSize: 96, fontWeight: 700, lineHeight: 1.05, letterSpacing: -2 }, SITE_NAME),
      box(
        { fontSize: 44, lineHeight: 1.3, color: COLORS.muted },
        'What iCloud’s SMTP rejections mean, who must act, and whether to retry or suppress.',
      ),
    ),
    box(
      { flexWrap: 'wrap', gap: 16, fontSize: 40, fontWeight: 700 },
      ...d.tags.map((t) =>
        box(
          {
            padding: '6px 18px',
            borderRadius: 12,
            background: COLORS.panel,
            border: `3px solid ${COLORS.line}`,
          },
          `[${t}]`,
        ),
      ),
    ),
    box(
      { justifyContent: 'space-between', fontSize: 30, color: COLORS.muted },
      box({}, `${d.replies} ${d.replies === 1 ? 'reply' : 'replies'} explained`),
      box({}, d.host),
    ),
  );
}
