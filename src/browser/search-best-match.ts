// The card above Pagefind's results: when a query looks like an SMTP reply, the classifier (in the
// page's engine worker, with the rules from /rules.json) names the entry it belongs to; when it is only a code
// ("550 5.1.1"), the card lists every entry with that code. Pasted text is only ever set as text.
// Test contract: [data-best-match][data-entry="<entry id>"], [data-code-match] li[data-entry].
import type { Classification } from '../lib/classify/types';
import type { RuleEntry } from '../lib/rules';
import { withBase } from '../lib/urls';
import type { BareCode } from './search-query';
import { entryFacts } from '../lib/entry-facts';
import { codesText } from '../lib/standards';
import { basicCodePath } from '../lib/urls';
import { linkedWhy } from './classifier-cards';
import { el, factItems } from './classifier-dom';
import { fragmentFor } from './classifier-permalink';
import { engineClient, type TextChannel } from './engine-client';

let channel: TextChannel | undefined;

function entryCard(entry: RuleEntry, why: string) {
  return el(
    'section',
    {
      class: 'best-match',
      'data-best-match': '',
      'data-entry': entry.id,
      'aria-label': 'Best match for the pasted reply',
    },
    el('p', { class: 'best-match-kicker' }, 'Best match for this reply'),
    el('p', { class: 'best-match-title' }, el('a', { href: entry.url }, entry.title)),
    el('pre', { class: 'best-match-reply' }, el('code', {}, entry.reply)),
    el(
      'dl',
      { class: 'best-match-facts' },
      ...factItems(entryFacts(entry, ['outcome', 'owner', 'retry', 'suppress'])),
    ),
    el('p', { class: 'best-match-why' }, why),
  );
}

function noEntryCard(base: string, found: Classification, query: string) {
  return el(
    'section',
    {
      class: 'best-match',
      'data-best-match': '',
      'data-entry': 'none',
      'data-if-icloud': found.ifICloud?.id,
      'aria-label': 'No iCloud entry for the pasted reply',
    },
    el('p', { class: 'best-match-kicker' }, 'No iCloud reply matches'),
    // Stock wording names the entry it would be, linked, so it comes before the text results.
    el('p', {}, ...linkedWhy(found)),
    el(
      'p',
      {},
      el('a', { href: withBase(base, 'classify/') + fragmentFor(query) }, 'Open it in the classifier'),
    ),
  );
}

/** The card for a query that looks like a reply, or undefined when the classifier found no reply in it. */
export async function bestMatch(base: string, query: string): Promise<HTMLElement | undefined> {
  const engine = engineClient(base);
  await engine.rules;
  channel ??= engine.texts(1);
  const first = (await channel.classify(query))?.outcome.results[0];
  if (!first) return undefined;
  return first.entry ? entryCard(first.entry, first.why) : noEntryCard(base, first, query);
}

/** The entries with the codes of a bare code query, from the same rules the classifier uses. */
export async function codeCard(base: string, { code, enhanced }: BareCode): Promise<HTMLElement> {
  const rules = await engineClient(base).rules;
  const found = rules.filter(
    (r) => (code === undefined || r.code === code) && (enhanced === undefined || r.enhanced === enhanced),
  );
  const label = codesText(code, enhanced);
  const card = el(
    'section',
    { class: 'best-match', 'data-code-match': label, 'aria-label': `iCloud replies with ${label}` },
    el(
      'p',
      { class: 'best-match-kicker' },
      found.length === 0
        ? `No iCloud reply in this reference has ${label}`
        : `${found.length === 1 ? 'One iCloud reply has' : `${found.length} iCloud replies have`} ${label}`,
    ),
  );
  if (found.length > 0)
    card.append(
      el(
        'ul',
        { class: 'code-match-list' },
        ...found.map((r) =>
          el(
            'li',
            { 'data-entry': r.id },
            el('span', { class: 'tag' }, codesText(r.code, r.enhanced)),
            ' ',
            el('a', { href: r.url }, r.title),
          ),
        ),
      ),
    );
  if (code !== undefined && rules.some((r) => r.code === code))
    card.append(
      el(
        'p',
        {},
        el('a', { href: withBase(base, basicCodePath(code)) }, `What ${code} means, and all its replies`),
      ),
    );
  return card;
}
