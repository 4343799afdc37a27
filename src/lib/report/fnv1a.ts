// FNV-1a, the report's hash of a text where a short digest is enough: the rules a partial report was
// made with (./partial.ts), the shapes of log lines seen once (./record-memo.ts).

/** FNV-1a (32 bits, unsigned) of the string's UTF-16 units. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
