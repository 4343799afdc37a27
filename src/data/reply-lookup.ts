// Which entry a quoted reply belongs to, decided by the same matcher the classifier uses, so a
// guide that quotes a reply links to the page the classifier would give and never to a hand-picked id.
import { bestMatch, compileEntries, type CompiledEntry } from '../lib/match';
import type { RuleEntry } from '../lib/rules';
import { getRuleEntries } from './codes';

// A guide quotes many replies; the rules are compiled once per build, not once per quote.
let compiled: Promise<CompiledEntry[]> | undefined;

/** Reads `550 5.1.1 text`, `5.7.1 text` or plain text; only the codes at the start count. */
function parseReply(text: string) {
  const m = /^\s*(?:(\d{3})[ -])?\s*(?:(\d\.\d{1,3}\.\d{1,3})\s)?/.exec(text);
  return { code: m?.[1] ? Number(m[1]) : undefined, enhanced: m?.[2], text };
}

export async function entryForReply(text: string): Promise<RuleEntry | undefined> {
  compiled ??= getRuleEntries().then(compileEntries);
  return bestMatch(await compiled, parseReply(text))?.winner.entry;
}
