// The best-match card above Pagefind's results: when a query looks like an SMTP reply, the classifier
// (loaded on demand with the rules from /rules.json) names the entry it belongs to. Pasted text is only
// ever set as text. Test contract: [data-best-match][data-entry="<entry id>"].
import { createClassifier } from '../lib/classify/index';
import type { RuleEntry } from '../lib/rules';
import { withBase } from '../lib/urls';
import { OUTCOMES, OWNERS, RETRY, SUPPRESS } from '../lib/vocabulary';
import { el } from './classifier-dom';

type Classifier = ReturnType<typeof createClassifier>;
let classifier: Promise<Classifier> | undefined;

function load(base: string): Promise<Classifier> {
  classifier ??= fetch(withBase(base, 'rules.json'))
    .then((r) => {
      if (!r.ok) throw new Error(`rules.json: the server answered ${r.status}`);
      return r.json() as Promise<RuleEntry[]>;
    })
    .then(createClassifier);
  return classifier;
}

function fact(label: string, value: string) {
  return el('div', {}, el('dt', {}, label), el('dd', {}, value));
}

function entryCard(base: string, entry: RuleEntry, why: string) {
  const retry = entry.retryDelay ? `${RETRY[entry.retry]}, ${entry.retryDelay}` : RETRY[entry.retry];
  return el(
    'section',
    { class: 'best-match', 'data-best-match': '', 'data-entry': entry.id, 'aria-label': 'Best match for the pasted reply' },
    el('p', { class: 'best-match-kicker' }, 'Best match for this reply'),
    el('p', { class: 'best-match-title' }, el('a', { href: withBase(base, entry.path) }, entry.title)),
    el('pre', { class: 'best-match-reply' }, el('code', {}, entry.reply)),
    el(
      'dl',
      { class: 'best-match-facts' },
      fact('Outcome', OUTCOMES[entry.outcome]),
      fact('Who must act', OWNERS[entry.owner]),
      fact('Retry', retry),
      fact('Suppress the address?', SUPPRESS[entry.suppress]),
    ),
    el('p', { class: 'best-match-why' }, why),
  );
}

function noEntryCard(base: string, why: string, query: string) {
  return el(
    'section',
    { class: 'best-match', 'data-best-match': '', 'data-entry': 'none', 'aria-label': 'No iCloud entry for the pasted reply' },
    el('p', { class: 'best-match-kicker' }, 'No iCloud reply matches'),
    el('p', {}, why),
    el('p', {}, el('a', { href: `${withBase(base, 'classify/')}#q=${encodeURIComponent(query)}` }, 'Open it in the classifier')),
  );
}

/** The card for a query that looks like a reply, or undefined when the classifier found no reply in it. */
export async function bestMatch(base: string, query: string): Promise<HTMLElement | undefined> {
  const outcome = (await load(base)).classify(query);
  const first = outcome.results[0];
  if (!first) return undefined;
  return first.entry ? entryCard(base, first.entry, first.why) : noEntryCard(base, first.why, query);
}
