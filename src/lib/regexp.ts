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
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    found.push(m);
    // An empty match moves on by a code point under the u or v flag, else by one UTF-16 unit (the
    // flags are read only here: re.flags builds a string).
    if (m[0] === '')
      re.lastIndex += /[uv]/.test(re.flags) && (text.codePointAt(re.lastIndex) ?? 0) > 0xffff ? 2 : 1;
  }
  return found;
}
