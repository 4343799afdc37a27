// Decides which entry, if any, one extracted reply belongs to, how sure that is, and says why in a
// sentence a user reads. The most specific rule wins (Apple tag, then phrase or pattern, then the
// codes alone); stock wording (`generic` entries) needs iCloud context, and a reply that names
// another provider never gets an iCloud entry.
import type { BestMatch, CompiledEntry, MatchCandidate } from '../match.ts';
import type { RuleEntry } from '../rules.ts';
import { basicCode, codesText, enhancedCode } from '../standards.ts';
import { judge, type Verdict } from './provider.ts';
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

function none(reply: ExtractedReply, verdict: Verdict, alternatives?: RuleEntry[]): Classification {
  const std = standardsSentence(reply);
  let why: string;
  if (reply.espCode !== undefined) {
    why = `No SMTP reply to classify: ${reply.espCode} is the sending service’s own code, so no mail server was asked.`;
  } else if (verdict.kind === 'other') {
    why = `No iCloud entry applies: this reply came from ${verdict.provider} (${verdict.evidence}), not from iCloud.`;
  } else if (alternatives?.length) {
    why = `The wording matches no iCloud entry; ${alternatives.length} iCloud entries use ${codesText(reply.code, reply.enhanced)} (${alternatives
      .map((e) => `“${e.title}”`)
      .join(', ')}), so the codes alone cannot tell which.`;
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
  return result;
}

/** `match` is bestMatch over `compiled`, possibly cached: logs repeat the same reply many times. */
export function decide(
  compiled: readonly CompiledEntry[],
  match: (reply: ExtractedReply) => BestMatch | undefined,
  reply: ExtractedReply,
): Classification {
  const verdict = judge(reply);
  if (verdict.kind === 'other' || reply.espCode !== undefined) return none(reply, verdict);
  const found = match(reply);
  if (found) {
    const { winner, tied } = found;
    const entry = winner.entry;
    const codeAgrees =
      reply.code === undefined
        ? reply.enhanced === undefined || reply.enhanced === entry.enhanced
        : winner.sameCode;
    const contextOk = !entry.generic || verdict.kind === 'icloud';
    const confidence: Confidence = codeAgrees && contextOk && tied.length === 0 ? 'exact' : 'likely';
    let why = ruleWords(winner) + codeWords(reply, entry) + '.';
    if (entry.generic) {
      why +=
        verdict.kind === 'icloud'
          ? ` The wording is stock mail-server text; ${verdict.evidence}, so it is iCloud’s.`
          : ' The wording is stock mail-server text that other providers send too, and nothing in the input shows it came from iCloud.';
    }
    if (tied.length) why += ` It fits ${tied.map((t) => `“${t.entry.title}”`).join(', ')} equally well.`;
    const result: Classification = {
      reply,
      entry,
      confidence,
      rule: winner.rule.source,
      why,
      looksLikeICloud: verdict.kind === 'icloud' || !entry.generic,
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
    return none(reply, verdict, same.length > 1 ? same : undefined);
  }
  return none(reply, verdict);
}
