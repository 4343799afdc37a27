// The preview image of one entry: reply code, enhanced code, tag, title, outcome and retry advice,
// sized to stay readable when a chat app shrinks the 1200×630 image to a small thumbnail.
import { SITE_NAME } from '../lib/site';
import { OUTCOMES, RETRY, type Outcome, type Retry } from '../lib/vocabulary';
import { box } from './element';
import { COLORS, FONT, SIZE } from './theme';

export interface EntryCardData {
  /** Absent for an entry keyed by a DSN with no SMTP reply; the card then says DSN. */
  code?: number;
  enhanced?: string;
  tag?: string;
  title: string;
  outcome: Outcome;
  retry: Retry;
  /** The site's host name, shown small in the corner. */
  host: string;
}

const PAD = 64;

export function entryCard(d: EntryCardData) {
  const tone = COLORS[d.outcome];
  return box(
    {
      width: '100%',
      height: '100%',
      boxSizing: 'border-box',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: `56px ${PAD}px`,
      background: COLORS.bg,
      color: COLORS.fg,
      fontFamily: FONT,
      borderTop: `24px solid ${tone}`,
    },
    box(
      { justifyContent: 'space-between', fontSize: 30, color: COLORS.muted },
      box({ fontWeight: 700 }, SITE_NAME),
      box({}, d.host),
    ),
    box(
      { flexDirection: 'column', gap: 20 },
      box(
        { alignItems: 'center', gap: 36 },
        box(
          { fontSize: 150, fontWeight: 700, lineHeight: 1, letterSpacing: -4 },
          d.code === undefined ? 'DSN' : String(d.code),
        ),
        d.enhanced && box({ fontSize: 96, fontWeight: 700, lineHeight: 1, color: COLORS.muted }, d.enhanced),
        d.tag &&
          box(
            {
              fontSize: 72,
              fontWeight: 700,
              lineHeight: 1,
              padding: '10px 22px',
              borderRadius: 16,
              background: COLORS.panel,
              border: `3px solid ${COLORS.line}`,
            },
            `[${d.tag}]`,
          ),
      ),
      box(
        {
          width: SIZE.width - 2 * PAD,
          fontSize: 54,
          fontWeight: 700,
          lineHeight: 1.2,
          lineClamp: 2,
          display: 'block',
        },
        d.title,
      ),
    ),
    box(
      { alignItems: 'center', gap: 28, fontSize: 34 },
      box(
        {
          flexShrink: 0,
          color: '#ffffff',
          background: tone,
          fontWeight: 700,
          padding: '8px 24px',
          borderRadius: 999,
        },
        OUTCOMES[d.outcome],
      ),
      box({ flexShrink: 0 }, RETRY[d.retry]),
    ),
  );
}
