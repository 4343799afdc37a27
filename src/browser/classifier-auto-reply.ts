// The box's card for an automatic reply (a vacation or out-of-office message): named as such, with
// the header that said so, and never advice to suppress. Test contract: data-entry="auto-reply".
import { AUTO_REPLY_KINDS, autoReplyMessage } from '../lib/classify/auto-reply';
import type { AutoReply } from '../lib/classify/types';
import { heading, type CardOptions } from './classifier-cards';
import { el, fact } from './classifier-dom';

const sentence = (phrase: string) => phrase.charAt(0).toUpperCase() + phrase.slice(1);

export function autoReplyCard(a: AutoReply, o: CardOptions): HTMLElement {
  return el(
    'li',
    { class: 'result-card result-none', 'data-entry': 'auto-reply', 'data-auto-reply': a.kind },
    heading(o.level, `${sentence(AUTO_REPLY_KINDS[a.kind])}, not a bounce`),
    el(
      'p',
      { class: 'result-action' },
      el('strong', {}, 'What to do now: '),
      'nothing. Keep the address: an automatic reply is no refusal and no reason to suppress it.',
    ),
    el('p', { class: 'result-why' }, autoReplyMessage(a)),
    el(
      'dl',
      { class: 'result-facts' },
      fact('Marked by', el('code', {}, a.marker)),
      a.from ? fact('Sent by', el('code', {}, a.from)) : false,
    ),
  );
}
