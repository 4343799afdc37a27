/** A literal string as a regular-expression source. */
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when `source` compiles with the flags the engine gives every entry's `regex` rule. */
export function compiles(source: string): boolean {
  try {
    new RegExp(source, 'iu');
    return true;
  } catch {
    return false;
  }
}

/** Every match of a global expression `re` in `text`, as `[...text.matchAll(re)]` gives them, without
 *  the copy of the expression matchAll makes on each call (on a line of a log, most of its cost).
 *  It sets `re.lastIndex` as it goes, from 0. */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  // Under the u or v flag an empty match moves on by a code point, else by one UTF-16 unit.
  const byCodePoint = /[uv]/.test(re.flags);
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    found.push(m);
    if (m[0] === '') re.lastIndex += byCodePoint && (text.codePointAt(re.lastIndex) ?? 0) > 0xffff ? 2 : 1;
  }
  return found;
}
