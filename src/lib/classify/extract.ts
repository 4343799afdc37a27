// Finds every SMTP reply in a paste, whatever its format, in input order. JSON input goes through
// the webhook walker, everything else through the text path; the two call each other for JSON
// inside logs and text inside JSON fields.
import { readable } from './html.ts';
import { sanitise } from './lines.ts';
import { extractText } from './text.ts';
import type { TextEnv } from './state.ts';
import { walkJson, type ScanText } from './json.ts';
import { normaliseForMatch } from '../match.ts';
import type { ExtractedReply } from './types.ts';

/** A bounce quotes the reply twice, in its human part and in its DSN part: keep one, with both
 *  parts' context. Identical replies for different recipients stay apart. */
function mergeDsnDuplicates(replies: ExtractedReply[]): ExtractedReply[] {
  if (!replies.some((r) => r.format === 'dsn')) return replies;
  // Unmatched replies by text, kept apart by side so a log of identical lines stays linear.
  const open = { dsn: new Map<string, ExtractedReply[]>(), text: new Map<string, ExtractedReply[]>() };
  const kept: ExtractedReply[] = [];
  for (const r of replies) {
    const key = `${r.code ?? ''} ${normaliseForMatch(r.text)}`;
    const side = r.format === 'dsn' ? 'dsn' : 'text';
    const others = open[side === 'dsn' ? 'text' : 'dsn'].get(key) ?? [];
    const i = others.findIndex(
      (s) =>
        !s.context.recipient ||
        !r.context.recipient ||
        s.context.recipient.toLowerCase() === r.context.recipient.toLowerCase(),
    );
    if (i >= 0) {
      const twin = others.splice(i, 1)[0]!;
      twin.enhanced ??= r.enhanced;
      for (const [k, v] of Object.entries(r.context)) {
        if ((twin.context as Record<string, unknown>)[k] === undefined)
          (twin.context as Record<string, unknown>)[k] = v;
      }
      // The human part names the format better than the DSN part.
      if (twin.format === 'dsn') twin.format = r.format;
      continue;
    }
    const mine = open[side].get(key) ?? [];
    mine.push(r);
    open[side].set(key, mine);
    kept.push(r);
  }
  return kept;
}

/** `mayHold`, when given, rules out a text with no reply before it is read line by line (the
 *  text as the lines are read from it: ./prefilter.ts's createTextPrefilter). */
export function extractReplies(
  input: string,
  allowed: ReadonlySet<number>,
  mayHold?: (text: string) => boolean,
): ExtractedReply[] {
  const clean = sanitise(input);
  const scan: ScanText = (text, defaults) => extractText(readable(sanitise(text)), env, defaults);
  const env: TextEnv = { allowed, json: (value) => walkJson(value, scan) };
  const trimmed = clean.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return mergeDsnDuplicates(walkJson(JSON.parse(trimmed), scan));
    } catch {
      // Not one JSON document: maybe one event per line, read by the text path.
    }
  }
  const text = readable(clean);
  if (mayHold && !mayHold(text)) return [];
  return mergeDsnDuplicates(extractText(text, env));
}
