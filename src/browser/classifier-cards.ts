// One result card per reply found: the entry it matches (or why none applies), the reply as found,
// what to do, the context read from the input, and why this match. Test contract: data-entry.
import type { Classification, Confidence, ReplyContext } from '../lib/classify/types';
import { actionText } from '../lib/action';
import { entryFacts } from '../lib/entry-facts';
import type { RuleEntry } from '../lib/rules';
import { codesText } from '../lib/standards';
import { thousands } from '../lib/thousands';
import { basicCodePath, withBase } from '../lib/urls';
import { OUTCOMES, STAGES } from '../lib/vocabulary';
import { el, fact, factItems } from './classifier-dom';

const CONFIDENCE: Record<Confidence, string> = {
  exact: 'Exact match',
  likely: 'Likely match',
  'code-only': 'Matched by code only',
};

export interface CardOptions {
  base: string;
  /** Heading level of each card's title (the results heading is one level above). */
  level: number;
  /** Basic codes that have a page on this site, for the "no entry" card's pointer. */
  basicCodes: ReadonlySet<number>;
}

function contextFacts(c: ReplyContext): HTMLElement[] {
  const facts: HTMLElement[] = [];
  if (c.recipient) facts.push(fact('Recipient', el('code', {}, c.recipient)));
  if (c.host || c.ip)
    facts.push(fact('Remote host', el('code', {}, [c.host, c.ip && `[${c.ip}]`].filter(Boolean).join(' '))));
  if (c.stage) facts.push(fact('SMTP stage', STAGES[c.stage]));
  if (c.via) facts.push(fact('Relayed by', el('code', {}, c.via)));
  if (c.reportedBy) facts.push(fact('Reported by', el('code', {}, c.reportedBy)));
  if (c.action) facts.push(fact('Delivery status action', c.action));
  return facts;
}

const codeLabel = (r: Classification['reply']) => codesText(r.code, r.enhanced);

/** Other entries that fit as well: the user picks by reading them. */
function alternatives(c: Classification, label: string): HTMLElement | false {
  const others = (c.alternatives ?? []).filter((a) => a.id !== c.entry?.id);
  return (
    others.length > 0 &&
    el(
      'div',
      { class: 'result-alternatives' },
      el('p', {}, el('strong', {}, label)),
      el('ul', {}, ...others.map((a) => el('li', {}, el('a', { href: a.url }, a.title)))),
    )
  );
}

function replyBlock(r: Classification['reply']) {
  return el('pre', { class: 'result-reply' }, el('code', {}, r.text));
}

export function heading(level: number, ...children: (Node | string)[]) {
  const h = el(`h${Math.min(Math.max(level, 2), 6)}` as 'h3', { class: 'result-title' });
  h.append(...children);
  return h;
}

function entryCard(c: Classification, entry: RuleEntry, o: CardOptions) {
  return el(
    'li',
    { class: 'result-card', 'data-entry': entry.id, 'data-confidence': c.confidence },
    heading(o.level, el('a', { href: entry.url }, entry.title)),
    el(
      'p',
      { class: 'result-badges' },
      el('span', { class: `badge ${entry.outcome}` }, OUTCOMES[entry.outcome]),
      ' ',
      c.confidence && el('span', { class: 'badge confidence' }, CONFIDENCE[c.confidence]),
    ),
    el('p', { class: 'result-action' }, el('strong', {}, 'What to do now: '), actionText(entry)),
    el('p', { class: 'result-summary' }, entry.summary),
    replyBlock(c.reply),
    el(
      'dl',
      { class: 'result-facts' },
      ...factItems(entryFacts(entry, ['retry', 'suppress', 'owner'])),
      ...contextFacts(c.reply.context),
    ),
    el('p', { class: 'result-why' }, el('strong', {}, 'Why this match: '), c.why),
    alternatives(c, 'These entries fit as well:'),
  );
}

/** The "why" sentence, with the entry that stock wording would be (“If it came from iCloud, it is
 *  “…”) as a link to it, for a reader who knows it came from iCloud. */
export function linkedWhy(c: Classification): (Node | string)[] {
  const stock = c.ifICloud;
  const named = stock && `“${stock.title}”`;
  const at = named ? c.why.indexOf(named) : -1;
  if (!stock || at < 0) return [c.why];
  return [
    c.why.slice(0, at + 1),
    el('a', { href: stock.url, 'data-if-icloud-link': '' }, stock.title),
    c.why.slice(at + named!.length - 1),
  ];
}

function noneCard(c: Classification, o: CardOptions) {
  const code = c.reply.code;
  return el(
    'li',
    { class: 'result-card result-none', 'data-entry': 'none', 'data-if-icloud': c.ifICloud?.id },
    heading(o.level, `No iCloud entry for this reply${codeLabel(c.reply) ? ` (${codeLabel(c.reply)})` : ''}`),
    replyBlock(c.reply),
    // The engine's sentence already gives the standards' meaning of the codes.
    el('p', { class: 'result-why' }, el('strong', {}, 'Why none: '), ...linkedWhy(c)),
    el(
      'dl',
      { class: 'result-facts' },
      fact(
        'From iCloud?',
        c.provider
          ? `No, from ${c.provider}`
          : c.looksLikeICloud
            ? 'Yes, by its host, recipient or wording'
            : 'Nothing in the input says so',
      ),
      ...contextFacts(c.reply.context),
    ),
    alternatives(c, 'iCloud replies with these codes:'),
    code !== undefined &&
      o.basicCodes.has(code) &&
      el(
        'p',
        {},
        el('a', { href: withBase(o.base, basicCodePath(code)) }, `Every iCloud reply with code ${code}`),
      ),
  );
}

export const renderCard = (c: Classification, o: CardOptions) =>
  c.entry ? entryCard(c, c.entry, o) : noneCard(c, o);

/** The short line screen readers hear: how many replies and what each is, not the whole card.
 *  `results` may be the first few of `total`. */
export function summarise(
  results: readonly Classification[],
  message?: string,
  total = results.length,
): string {
  if (total === 0) return message ?? 'No SMTP reply found in the text.';
  const names = results
    .slice(0, 3)
    .map((c) =>
      c.entry ? c.entry.title : `no iCloud entry${codeLabel(c.reply) ? ` (${codeLabel(c.reply)})` : ''}`,
    );
  const more = total > 3 ? `; and ${thousands(total - 3)} more` : '';
  return `${thousands(total)} ${total === 1 ? 'reply' : 'replies'} found: ${names.join('; ')}${more}.`;
}
