// Matching one SMTP reply against the entries' rules. Pure and synchronous; used by the classifier
// (./classify/), which every program runs through the door (./engine.ts).
import type { MatchRule, RuleEntry } from './rules';
import { escapeRegExp } from './regexp.ts';

export type RuleKind = 'tag' | 'phrase' | 'regex';

/** How specific a kind of rule is: an Apple tag beats a distinctive phrase. */
const SPECIFICITY: Record<RuleKind, number> = { tag: 3, phrase: 2, regex: 2 };

export interface CompiledRule {
  kind: RuleKind;
  /** The rule as written in the entry's front matter (or `[TAG]` for the tag). */
  source: string;
  test: (normalised: string) => boolean;
}

export interface CompiledEntry {
  entry: RuleEntry;
  rules: CompiledRule[];
}

export interface ReplyToMatch {
  code?: number;
  enhanced?: string;
  text: string;
}

export interface MatchCandidate {
  entry: RuleEntry;
  rule: CompiledRule;
  /** True when the reply's basic code equals the entry's. */
  sameCode: boolean;
  sameEnhanced: boolean;
  score: number;
}

/** Blanks squashBlanks would change: any but a space, two in a row, or one at either end. */
const UNSQUASHED = /[^\S ]|\s\s|^\s|\s$/;

/** Blanks made single spaces, none at the ends. Most replies have none to change, and a test costs
 *  less than making the same text again. */
export const squashBlanks = (s: string) => (UNSQUASHED.test(s) ? s.replace(/\s+/g, ' ').trim() : s);

const SINGLE_QUOTES = '\u2018\u2019\u02bc\u2032';
const DOUBLE_QUOTES = '\u201c\u201d';
const TYPOGRAPHIC = new RegExp(`[${SINGLE_QUOTES}${DOUBLE_QUOTES}]`);
const SINGLE = new RegExp(`[${SINGLE_QUOTES}]`, 'g');
const DOUBLE = new RegExp(`[${DOUBLE_QUOTES}]`, 'g');

/** Case, apostrophe and whitespace variants of the same reply compare equal after this. A reply
 *  read from a log most often needs only the lower case: each rewrite runs only where it changes
 *  something. */
export function normaliseForMatch(text: string): string {
  const plain = TYPOGRAPHIC.test(text) ? text.replace(SINGLE, "'").replace(DOUBLE, '"') : text;
  return squashBlanks(plain).toLowerCase();
}

function compileRule(rule: MatchRule): CompiledRule {
  if ('phrase' in rule) {
    const needle = normaliseForMatch(rule.phrase);
    return { kind: 'phrase', source: rule.phrase, test: (t) => t.includes(needle) };
  }
  const re = new RegExp(rule.regex, 'iu');
  return { kind: 'regex', source: rule.regex, test: (t) => re.test(t) };
}

export function compileEntries(entries: readonly RuleEntry[]): CompiledEntry[] {
  return entries.map((entry) => {
    const rules = entry.match.map(compileRule);
    if (entry.tag) {
      const re = new RegExp(`\\[${escapeRegExp(entry.tag)}\\]`, 'i');
      rules.unshift({ kind: 'tag', source: `[${entry.tag}]`, test: (t) => re.test(t) });
    }
    return { entry, rules };
  });
}

/** Every entry with a rule that matches, each with its best rule, best first. */
function candidates(compiled: readonly CompiledEntry[], reply: ReplyToMatch): MatchCandidate[] {
  const text = normaliseForMatch(reply.text);
  const found: MatchCandidate[] = [];
  for (const { entry, rules } of compiled) {
    let best: MatchCandidate | undefined;
    for (const rule of rules) {
      if (!rule.test(text)) continue;
      const sameCode = reply.code === entry.code;
      const sameEnhanced = reply.enhanced !== undefined && reply.enhanced === entry.enhanced;
      const score = SPECIFICITY[rule.kind] * 100 + (sameCode ? 10 : 0) + (sameEnhanced ? 1 : 0);
      if (!best || score > best.score) best = { entry, rule, sameCode, sameEnhanced, score };
    }
    if (best) found.push(best);
  }
  return found.sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id));
}

export interface BestMatch {
  winner: MatchCandidate;
  /** Other entries that scored exactly as high: the reply is ambiguous between them. */
  tied: MatchCandidate[];
}

export function bestMatch(compiled: readonly CompiledEntry[], reply: ReplyToMatch): BestMatch | undefined {
  const all = candidates(compiled, reply);
  const [winner, ...rest] = all;
  if (!winner) return undefined;
  return { winner, tied: rest.filter((c) => c.score === winner.score) };
}
