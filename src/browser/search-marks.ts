// Pagefind's excerpts are page text with HTML entities encoded and <mark> around the matched words, and
// nothing else (its API documentation says so). They are split into text parts here and drawn as text nodes and <mark>
// elements (markedText), so no string from the index is ever parsed as HTML.
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'" };
const decode = (text: string) => text.replace(/&(lt|gt|amp|quot|#39);/g, (_, name: string) => ENTITIES[name]);

/** The excerpt's text in order, each part saying whether Pagefind marked it as a match. */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of excerpt.split(/(<\/?mark>)/)) {
    if (piece === '<mark>' || piece === '</mark>') marked = piece === '<mark>';
    else if (piece) parts.push({ text: decode(piece), marked });
  }
  return parts;
}

export function markedText(excerpt: string): Node[] {
  return excerptParts(excerpt).map(({ text, marked }) => {
    if (!marked) return document.createTextNode(text);
    const mark = document.createElement('mark');
    mark.textContent = text;
    return mark;
  });
}
