// What is known about each of Apple's bracket tags, statement by statement, each labelled with who
// makes it. Guide text for /tags/; which entries carry a tag is NOT written here: it comes from the
// collection (entries with `tag` set).
import { EVIDENCE, type Evidence } from '../lib/vocabulary';
import type { GuideSource } from './guide-source';

export const CLAIM_LABELS = {
  apple: 'Apple',
  observed: 'Seen in captures',
  reported: 'Reported by senders',
  'third-party': 'Third-party opinion',
  unverified: 'Unverified',
  'not-apple': 'Not Apple’s',
  tools: 'About other tools',
} as const;

export type ClaimKind = keyof typeof CLAIM_LABELS;

export interface Claim {
  kind: ClaimKind;
  /** Plain text; `backticks` mark reply strings and host names. */
  text: string;
}

export interface TagNote {
  tag: string;
  /** How well the tagged reply itself is attested; `none` = no capture, quote or Apple text. */
  evidence: Evidence | 'none';
  /** The reply as quoted by the best source, used to find the entry the classifier gives it. */
  quoted: string;
  claims: Claim[];
  sources: GuideSource[];
}

/** How well a tag is attested, in the words the guide and the tag table show. */
export const evidenceLabel = (note: TagNote) =>
  note.evidence === 'none' ? 'No capture, quote or Apple text found' : EVIDENCE[note.evidence];

const FORWARDEMAIL = {
  title: 'forwardemail.net bounce classifier (helpers/get-bounce-info.js)',
  url: 'https://github.com/forwardemail/forwardemail.net/blob/459bcb6d77c41c9255db8c85dfd69b84452edc5e/helpers/get-bounce-info.js',
};

export const TAG_NOTES: TagNote[] = [
  {
    tag: 'CS01',
    evidence: 'capture',
    quoted:
      '554 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137',
    claims: [
      {
        kind: 'observed',
        text: 'Sent after the whole message had been transmitted (in reply to the end of DATA). A Postfix log from 2018 shows it with basic code 550; a bounce from `mx01.mail.icloud.com` in August 2020 already shows 554, as do the reports from 2021 on, including a 2024 bounce from `mx02.mail.icloud.com` for a custom domain on iCloud+.',
      },
      {
        kind: 'observed',
        text: 'Anonymised bounces of September 2026 end the reply with `Txn ID` and a transaction id after Apple’s link, and an Office 365 report names the rejecting host `p00-iscream-smtp-…`, iCloud’s newer front end. The transaction id belongs in any report to icloudadmin@apple.com.',
      },
      {
        kind: 'observed',
        text: 'The 2018 capture with code 550 was of mail that a server had forwarded to iCloud.',
      },
      {
        kind: 'reported',
        text: 'TidBITS reported its newsletter refused with CS01 in August 2021; two days after it wrote to Apple, the iCloud Mail team said it had made changes, and the issues went through again.',
      },
      {
        kind: 'reported',
        text: 'One developer whose mail was refused with CS01 in 2021 suspected the Message-ID header his library generated. That is the reporter’s guess, not a confirmed cause.',
      },
      {
        kind: 'third-party',
        text: 'The SMTP Field Manual advises asking a single affected recipient to save the sender as a contact (as a VIP), and otherwise writing to Apple’s postmaster team with mail logs.',
      },
      {
        kind: 'third-party',
        text: 'Suped writes that CS01 suggests Cloudmark filtering and is often about reputation or content such as link shorteners. Apple has never said so.',
      },
      {
        kind: 'third-party',
        text: 'forwardemail.net’s classifier files CS01 as a spam (content) rejection.',
      },
    ],
    sources: [
      {
        title: 'Postfix log with CS01 from mx4.mail.icloud.com (pastebin C488tYBW)',
        url: 'https://pastebin.com/C488tYBW',
        date: '2018-10-03',
      },
      {
        title:
          'simple-login/app tests (tests/test_email_utils.py): 554 5.7.1 [CS01] from mx01.mail.icloud.com',
        url: 'https://github.com/simple-login/app/blob/753a28e886bf2a45d46eeb94fb5dc3d724fb362b/tests/test_email_utils.py',
        date: '2020-08-24',
      },
      {
        title: 'chatmail/core issue 6547: 554 5.7.1 [CS01] from mx02.mail.icloud.com',
        url: 'https://github.com/chatmail/core/issues/6547',
        date: '2024-10-31',
      },
      {
        title: 'minosiants/pencil issue 57',
        url: 'https://github.com/minosiants/pencil/issues/57',
        date: '2021-10-21',
      },
      {
        title: 'TidBITS: resetting recent iCloud bouncing subscribers (mirror)',
        url: 'http://bbs.cortex-media.info/gopher.floodgap.com/0/feeds/tidbits/2021/Aug/30/https---tidbits.com--p=53471',
        date: '2021-08-30',
      },
      { title: 'SMTP Field Manual: Apple', url: 'https://smtpfieldmanual.com/provider/apple' },
      {
        title: 'Suped: what does Apple bounce code CS01 mean',
        url: 'https://www.suped.com/learn/email-deliverability/what-does-apple-bounce-code-cs01-mean-and-how-does-email-forwarding-affect-it',
      },
      {
        title:
          'listmonk bounce tests: Office 365 and Go MTA reports of CS01 with a Txn ID (dsn1.eml, dsn5.eml)',
        url: 'https://github.com/knadh/listmonk/blob/9756ff62f61e17a1c3441284745022f713987b8a/internal/bounce/mailbox/parser_test.go',
        date: '2026-09-30',
      },
      FORWARDEMAIL,
    ],
  },
  {
    tag: 'CS02',
    evidence: 'reported',
    quoted: '5.7.1 [CS02] Message rejected due to local policy',
    claims: [
      {
        kind: 'reported',
        text: 'Known only from marketers quoting part of a bounce in the Email Geeks community in February 2021: `5.7.1 [CS02] Message rejected due to local policy`. Neither the basic code nor the rest of the reply was shown.',
      },
      {
        kind: 'reported',
        text: 'Those senders said Apple’s postmaster team lifted the block within hours of being contacted.',
      },
      {
        kind: 'third-party',
        text: 'A Suped article about fixing CS02 on a shared sending IP gives the reply as `554 5.7.1 [CS02] Message rejected due to local policy`, with basic code 554 and without Apple’s link. No capture confirms the 554.',
      },
      {
        kind: 'unverified',
        text: 'Nothing says how CS02 differs from CS01. Treat it as the same kind of policy refusal: a decision about the sender or the message, not about the address.',
      },
    ],
    sources: [
      {
        title:
          'Suped: resolving email blocking issues with Apple servers and postmasters (Email Geeks, 2021-02-27)',
        url: 'https://www.suped.com/knowledge/email-deliverability/troubleshooting/how-do-i-resolve-email-blocking-issues-with-apple-servers-and-postmasters',
      },
      {
        title: 'Suped: what does Apple’s CS02 error mean and how can I fix it on a shared IP?',
        url: 'https://www.suped.com/knowledge/email-deliverability/troubleshooting/what-does-apples-cs02-error-mean-and-how-can-i-fix-it-on-a-shared-ip',
      },
    ],
  },
  {
    tag: 'HM07',
    evidence: 'capture',
    quoted:
      '554 5.7.1 [HM07] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137',
    claims: [
      {
        kind: 'observed',
        text: 'Captured in July 2025 from `mx01.mail.icloud.com` at the end of DATA, for mail that a rule forwarded from one address on an iCloud+ custom domain to another such address.',
      },
      {
        kind: 'reported',
        text: 'The person who received it wrote to Apple’s postmaster team; within a week Apple answered that it had investigated and made changes.',
      },
      {
        kind: 'unverified',
        text: 'Code comments in one open-source project link HM07 to the reputation of a newly registered domain, to messages that pair a code with a link in a way that resembles phishing, and in one note to links pointing at `*.sslip.io`. These are one project’s observations.',
      },
    ],
    sources: [
      {
        title: 'Email forwarding broken on iCloud (collantes.us)',
        url: 'https://collantes.us/2025/07/22/email-forwarding-broken-on-icloud',
        date: '2025-07-22',
      },
    ],
  },
  {
    tag: 'HM08',
    evidence: 'capture',
    quoted:
      '554 5.7.1 [HM08] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137',
    claims: [
      {
        kind: 'observed',
        text: 'Quoted in full from a Postfix bounce on a Linux kernel mailing-list thread in January 2024: `mx02.mail.icloud.com` refused mail for a custom domain hosted on iCloud at the end of DATA.',
      },
      {
        kind: 'reported',
        text: 'During one iCloud Mail outage, iCloud refused incoming mail with the short form `554 5.7.1 [HM08] Message rejected due to local policy.`; MacTechNews reproduced it on some accounts and could not say how many were affected. Sending servers do not retry a 5xx reply: each refused message went back to its sender as a bounce, so it can be resent once iCloud accepts mail again, and addresses that a platform suppressed because of those bounces should be released. An HM08 is therefore not always about you.',
      },
      {
        kind: 'third-party',
        text: 'forwardemail.net’s classifier files an HM08 that names the sender’s own IP address as a blocklist rejection, and any other HM08 as spam.',
      },
      { kind: 'unverified', text: 'A note in another project ties HM08 to a sending IP listed by Spamhaus.' },
      {
        kind: 'unverified',
        text: 'A test fixture shows HM08 followed by a transaction id (`Txn ID …`). No real HM08 capture with one has been found, but real CS01 bounces of 2026 carry the same suffix.',
      },
    ],
    sources: [
      {
        title: 'MacTechNews: iCloud Mail outage, inbound mail refused with HM08',
        url: 'https://www.mactechnews.de/news/article/iCloud-Mail-ausgefallen-185276.html',
      },
      FORWARDEMAIL,
    ],
  },
  {
    tag: 'HME1',
    evidence: 'reference',
    quoted:
      '554 5.7.1 [HME1] This message was blocked for failing both SPF and DKIM authentication checks. See https://support.apple.com/en-us/HT204137 for mailing best practices',
    claims: [
      {
        kind: 'unverified',
        text: 'As listed, the reply states its reason: the message failed SPF and DKIM, both at once, which no other tag does. The text is known only from Sisimai’s Apple rules and Bento’s Apple page, with no raw capture, so it is not confirmed as Apple’s wording.',
      },
      {
        kind: 'third-party',
        text: 'Bento advises covering every sending IP in SPF, signing with an aligned 2048-bit DKIM key, and avoiding forwarding paths that break both checks.',
      },
      {
        kind: 'tools',
        text: 'Sisimai’s phrase for this reply is misspelt (`autentication`), so Sisimai never matches the real text. This site’s rule uses Apple’s spelling.',
      },
    ],
    sources: [
      {
        title: 'Sisimai::Rhost::Apple (p5-sisimai)',
        url: 'https://github.com/sisimai/p5-sisimai/blob/90ecfb0a67088c77ce014d60edb4bea959d7b29b/lib/Sisimai/Rhost/Apple.pm',
      },
      { title: 'Bento: 554 5.7.1 [HME1]', url: 'https://bentonow.com/smtp-errors/apple/554-5-7-1-hme1' },
    ],
  },
  {
    tag: 'BS01',
    evidence: 'none',
    quoted: '554 5.7.1 [BS01] Message rejected due to local policy.',
    claims: [
      {
        kind: 'unverified',
        text: 'Listed by smtp.codes among Apple’s 554 replies since 16 April 2025, the earliest date for BS01 anywhere. No raw bounce, no quoted bounce and no Apple text with BS01 has been found in any public source.',
      },
      {
        kind: 'unverified',
        text: 'Its meaning is unknown. Any explanation you read elsewhere is a guess; treat a BS01 like any other policy refusal until a real capture turns up.',
      },
    ],
    sources: [
      { title: 'smtp.codes: iCloud', url: 'https://smtp.codes/icloud' },
      {
        title: 'smtp.codes source: BS01 and HM08 added to the iCloud 554 list (data/codes/554.json)',
        url: 'https://github.com/fm/smtp-codes/blob/ca11d7d923288166e9bff2a854884536da6558bb/data/codes/554.json',
        date: '2025-04-16',
      },
    ],
  },
];
