// Decides which entry, if any, one extracted reply belongs to, how sure that is, and says why in a
// sentence a user reads. The most specific rule wins (Apple tag, then phrase or pattern, then the
// codes alone); stock wording (`generic` entries) needs iCloud context, a reply whose answering
// server is named and is not Apple's never gets an iCloud entry, and a DSN without SMTP reply is
// matched on its Status, reason and Reporting-MTA.
import type { BestMatch, CompiledEntry, MatchCandidate } from '../match.ts';
import type { DsnRuleEntry, RuleEntry } from '../rules.ts';
import { basicCode, codesText, enhancedCode } from '../standards.ts';
import { STAGES } from '../vocabulary.ts';
import { isAppleCorporate, isICloudHost, isICloudOutbound, judge, type Verdict } from './provider.ts';
import type { Classification, Confidence, ExtractedReply } from './types.ts';

function ruleWords(c: MatchCandidate): string {
  if (c.rule.kind === 'tag') return `Apple’s tag ${c.rule.source} matched`;
  if (c.rule.kind === 'phrase') return `The phrase “${c.rule.source}” matched`;
  return `The entry’s pattern /${c.rule.source}/ matched`;
}

function codeWords(reply: ExtractedReply, entry: RuleEntry): string {
  if (reply.code === undefined) {
    return reply.enhanced === entry.enhanced && reply.enhanced
      ? `; the reply has no basic code, and its enhanced code ${reply.enhanced} is the entry’s`
      : '; the reply as given has no basic code';
  }
  if (reply.code !== entry.code)
    return `, but the basic code is ${reply.code} where this entry has ${entry.code}`;
  const enh =
    reply.enhanced && reply.enhanced === entry.enhanced ? ` and enhanced code ${reply.enhanced}` : '';
  return `; same basic code ${reply.code}${enh}`;
}

/** What the standards say about the reply's codes, for replies no entry explains. */
function standardsSentence(reply: ExtractedReply): string {
  const parts: string[] = [];
  if (reply.code !== undefined) {
    const b = basicCode(reply.code);
    parts.push(
      b.text
        ? `In RFC 5321, ${reply.code} means “${b.text}”, ${b.failure}.`
        : `${reply.code} is not a reply code RFC 5321 defines; its first digit makes it ${b.failure}.`,
    );
  }
  if (reply.enhanced) {
    const e = enhancedCode(reply.enhanced);
    parts.push(
      e.title
        ? `The enhanced code ${reply.enhanced} is “${e.title}” (${e.className ?? 'unknown class'}) in the IANA registry.`
        : `The enhanced code ${reply.enhanced} is not in the IANA registry${e.subjectName ? `; its subject is “${e.subjectName}”` : ''}.`,
    );
  }
  return parts.join(' ');
}

/** Why the reply is not iCloud's, when the input says whose it is. */
function notICloud(verdict: Verdict): string | undefined {
  if (verdict.kind === 'other')
    return `No iCloud entry applies: this reply came from ${verdict.provider} (${verdict.evidence}), not from iCloud.`;
  if (verdict.kind === 'elsewhere')
    return isAppleCorporate(verdict.host)
      ? `No iCloud entry applies: the server that answered is ${verdict.host}, Apple’s corporate mail, not iCloud Mail.`
      : `No iCloud entry applies: the server that answered is ${verdict.host}, which is not one of Apple’s, so the reply is not iCloud’s whatever its wording.`;
  if (verdict.kind === 'outbound')
    return `No iCloud entry applies: ${verdict.reporter} is iCloud’s outbound server, and this DSN reports what ${verdict.host ? `the receiving server ${verdict.host}` : 'another receiving server'} answered an iCloud user’s mail, not a refusal by iCloud.`;
  return undefined;
}

interface NoneOptions {
  alternatives?: RuleEntry[];
  /** Stock wording that matched this entry, with nothing to show it came from iCloud. */
  stock?: RuleEntry;
}

function none(reply: ExtractedReply, verdict: Verdict, o: NoneOptions = {}): Classification {
  const std = standardsSentence(reply);
  const { alternatives, stock } = o;
  let why: string;
  if (reply.espCode !== undefined) {
    why = `No SMTP reply to classify: ${reply.espCode} is the sending service’s own code, so no mail server was asked.`;
  } else if (notICloud(verdict)) {
    why = notICloud(verdict)!;
  } else if (stock) {
    why = `The wording is stock mail-server text that other servers send too, and nothing in the input shows iCloud sent it (no iCloud host, recipient or wording). If it came from iCloud, it is “${stock.title}”.`;
  } else if (alternatives?.length) {
    why = `The wording matches no iCloud entry; ${alternatives.length} iCloud entries use ${codesText(reply.code, reply.enhanced)} (${alternatives
      .map((e) => `“${e.title}”`)
      .join(', ')}), so the codes alone cannot tell which.`;
  } else if (reply.dsn) {
    why = `This DSN carries no SMTP reply, only its Status ${reply.dsn.status}${reply.dsn.reason ? ` (“${reply.dsn.reason}”)` : ''}${reply.context.reportedBy ? `, reported by ${reply.context.reportedBy}` : ''}; no iCloud entry is keyed on it.`;
  } else if (verdict.kind === 'icloud') {
    why = `The reply looks like iCloud’s (${verdict.evidence}), but no entry in this reference has its wording.`;
  } else {
    why =
      'No iCloud entry matches this reply, and nothing in it points at iCloud: no iCloud host, recipient or wording.';
  }
  const result: Classification = {
    reply,
    why: std ? `${why} ${std}` : why,
    looksLikeICloud: verdict.kind === 'icloud',
  };
  if (verdict.kind === 'other') result.provider = verdict.provider;
  if (alternatives?.length) result.alternatives = alternatives;
  if (stock) result.ifICloud = stock;
  return result;
}

/** A DSN without SMTP reply: an entry keyed on its Status and reason, reported by iCloud's mailbox
 *  store (not its outbound servers). */
function decideDsn(
  reply: ExtractedReply,
  { status, reason }: NonNullable<ExtractedReply['dsn']>,
  verdict: Verdict,
  dsnEntries: readonly DsnRuleEntry[],
): Classification {
  const reporter = reply.context.reportedBy?.split(/\s/)[0];
  const store =
    reporter !== undefined && isICloudHost(reporter) && !isICloudOutbound(reply.context.reportedBy!);
  const said = reason.toLowerCase();
  const entry = store
    ? dsnEntries.find((e) => e.dsn.status === status && said.includes(e.dsn.reason.toLowerCase()))
    : undefined;
  if (!entry)
    return none(
      reply,
      verdict.kind === 'outbound'
        ? verdict
        : store
          ? { kind: 'icloud', evidence: `${reporter} is iCloud’s mailbox store` }
          : verdict,
    );
  return {
    reply,
    entry,
    confidence: 'exact',
    rule: `Status ${entry.dsn.status}, “${entry.dsn.reason}”`,
    why: `No SMTP reply in this DSN: iCloud’s mailbox store ${reporter} reports Status ${status} with the reason “${entry.dsn.reason}”, which is this entry’s.`,
    looksLikeICloud: true,
  };
}

/** `match` is bestMatch over `compiled`, possibly cached: logs repeat the same reply many times. */
export function decide(
  compiled: readonly CompiledEntry[],
  match: (reply: ExtractedReply) => BestMatch | undefined,
  reply: ExtractedReply,
  dsnEntries: readonly DsnRuleEntry[] = [],
): Classification {
  const verdict = judge(reply);
  if (reply.dsn) return decideDsn(reply, reply.dsn, verdict, dsnEntries);
  if (notICloud(verdict) || reply.espCode !== undefined) return none(reply, verdict);
  const found = match(reply);
  if (found) {
    const { winner, tied } = found;
    const entry = winner.entry;
    if (entry.generic && verdict.kind !== 'icloud') return none(reply, verdict, { stock: entry });
    const codeAgrees =
      reply.code === undefined
        ? reply.enhanced === undefined || reply.enhanced === entry.enhanced
        : winner.sameCode;
    const confidence: Confidence = codeAgrees && tied.length === 0 ? 'exact' : 'likely';
    let why = ruleWords(winner) + codeWords(reply, entry) + '.';
    if (entry.generic && verdict.kind === 'icloud')
      why += ` The wording is stock mail-server text; ${verdict.evidence}, so it is iCloud’s.`;
    if (reply.earlier)
      why += ` The server’s own text goes on to name an earlier error of its ${reply.earlier.stage ? STAGES[reply.earlier.stage] : 'earlier'} step, “${reply.earlier.text}”; this reply followed from that.`;
    if (tied.length) why += ` It fits ${tied.map((t) => `“${t.entry.title}”`).join(', ')} equally well.`;
    const result: Classification = {
      reply,
      entry,
      confidence,
      rule: winner.rule.source,
      why,
      looksLikeICloud: true,
    };
    if (tied.length) result.alternatives = tied.map((t) => t.entry);
    return result;
  }
  if (verdict.kind === 'icloud' && reply.code !== undefined) {
    const same = compiled
      .map((c) => c.entry)
      .filter((e) => e.code === reply.code && e.enhanced === reply.enhanced);
    if (same.length === 1) {
      const entry = same[0]!;
      return {
        reply,
        entry,
        confidence: 'code-only',
        rule: codesText(entry.code, entry.enhanced),
        why: `No entry’s wording matched, but ${verdict.evidence} and only this entry uses ${codesText(reply.code, reply.enhanced)}.`,
        looksLikeICloud: true,
      };
    }
    return none(reply, verdict, { alternatives: same.length > 1 ? same : undefined });
  }
  return none(reply, verdict);
}
