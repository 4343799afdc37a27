// "If you only sent the message": what a person who sent the mail, but does not run the mail server,
// can do about a reply (whom to tell, what to write). Derived from the entry's owner, category and
// outcome, so it cannot disagree with the facts; an entry's `onlySent` front matter overrides it.
import type { Category, Outcome, Owner, Retry } from './vocabulary.ts';

export interface SenderHelpFacts {
  owner: Owner;
  category: Category;
  outcome: Outcome;
  retry: Retry;
  /** The entry's own wording, when the derived one does not fit it. */
  onlySent?: { text: string; say?: string };
}

export interface SenderHelp {
  /** What to do, in one or two sentences. */
  text: string;
  /** A note to send with the forwarded bounce, when there is someone to forward it to. */
  say?: string;
}

/** Whoever runs the sender's email, as the person without server access knows them. */
const ADMIN = 'your IT department or your email provider’s support';

const FORWARD = `Forward the whole bounce to ${ADMIN}, with the note below.`;

/** The note for the people who run the sending server; `code` is the reply's codes and tag. */
const adminNote = (code: string) =>
  `iCloud Mail refused our message with “${code}” (the full bounce is below). The page linked here explains it and the steps for the mail server. Could you check our sending setup?`;

function fromRecipientSide(category: Category): SenderHelp {
  if (category === 'mailbox-full')
    return {
      text: 'The recipient’s iCloud storage is full; nothing on your side is wrong. Tell them another way (a call, a chat, another address) so they can free some space, then send the message again once they say so.',
      say: 'My email to your iCloud address bounced because your iCloud storage is full. Could you free some space and tell me when to send it again?',
    };
  return {
    text: 'The person has switched this address off (often a Hide My Email address); it is not a typo. Ask them another way for an address that works, or to switch this one back on. Sending again to it will fail the same way.',
    say: 'My email to your iCloud address bounced: iCloud says the address is switched off. Could you give me one that works, or switch it back on?',
  };
}

function fromSenderSide({ category, outcome, retry }: SenderHelpFacts, code: string): SenderHelp {
  if (category === 'recipient-unknown')
    return {
      text: `iCloud says this address does not exist. Check it letter by letter against what the person gave you; if it is right, ask them another way (a call, a chat) for the address they use now. If many iCloud addresses that worked before bounce like this at once, the fault may be Apple’s: forward one bounce to ${ADMIN}.`,
    };
  const say = adminNote(code);
  if (category === 'relay')
    return {
      text: `The address is one of Apple’s private relay addresses (from Sign in with Apple), which pass on mail only from senders the app’s developer has registered with Apple. If you wrote from your own mailbox, ask the person another way for their real address. If the mail came from a service or an app, forward the whole bounce to its support, or to ${ADMIN}, with the note below.`,
      say,
    };
  const what =
    category === 'policy-block'
      ? 'iCloud’s filter refused the message; the recipient’s address is fine.'
      : 'The problem is the server or domain your message was sent from, not the recipient’s address.';
  if (retry === 'later')
    return {
      text:
        outcome === 'transient'
          ? `${what} Your mail service normally tries again by itself; nothing to do unless you later get a final failure notice. Then forward it to ${ADMIN}, with the note below.`
          : `${what} Send the message again later; if it bounces again, forward the bounce to ${ADMIN}, with the note below.`,
      say,
    };
  return {
    text: `${what} ${FORWARD} Resending it unchanged will fail the same way.`,
    say,
  };
}

/** `code`: the reply's basic and enhanced codes and tag as the page shows them, e.g. "554 5.7.1 [CS01]". */
export function senderHelp(facts: SenderHelpFacts, code: string): SenderHelp {
  if (facts.onlySent) return facts.onlySent;
  switch (facts.owner) {
    case 'recipient':
      return fromRecipientSide(facts.category);
    case 'domain-admin':
      return {
        text: 'The recipient’s domain is not set up to receive mail at iCloud, so nothing you change will help. Tell the recipient another way that mail to their address bounces, and send them the bounce for whoever manages their domain.',
        say: `My email to you bounced with “${code}” from iCloud Mail: your domain’s mail seems to be directed to iCloud, which does not accept it. Could you pass the bounce below to whoever manages your domain?`,
      };
    case 'apple':
      return {
        text:
          facts.outcome === 'transient'
            ? `The delay is on Apple’s side, not yours or the recipient’s. Your mail service normally tries again by itself; nothing to do unless you later get a final failure notice. Then forward it to ${ADMIN}, with the note below.`
            : `The refusal came from a fault on Apple’s side, not from a bad address. Send the message again later; if it bounces again, forward the bounce to ${ADMIN}, with the note below.`,
        say: `iCloud Mail answered our message with “${code}” (the full bounce is below). The page linked here says the cause is on Apple’s side; could you check whether more of our mail to iCloud is affected?`,
      };
    default:
      return fromSenderSide(facts, code);
  }
}
