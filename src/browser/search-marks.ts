// Pagefind's excerpts are page text with "<" and ">" written as entities and <mark> around the matched
// words, and nothing else. They are turned into text nodes and <mark> elements here, so no string from
// the index is ever parsed as HTML.
const decode = (text: string) => text.replaceAll('&lt;', '<').replaceAll('&gt;', '>');

export function markedText(excerpt: string): Node[] {
  const nodes: Node[] = [];
  let marked = false;
  for (const part of excerpt.split(/(<\/?mark>)/)) {
    if (part === '<mark>' || part === '</mark>') marked = part === '<mark>';
    else if (part) {
      const text = document.createTextNode(decode(part));
      if (!marked) nodes.push(text);
      else {
        const mark = document.createElement('mark');
        mark.append(text);
        nodes.push(mark);
      }
    }
  }
  return nodes;
}
