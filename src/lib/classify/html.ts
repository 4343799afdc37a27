// Pasted HTML (a bounce copied from a web mail client, an HTML-only bounce part) and HTML-escaped
// text (`&lt;x@icloud.com&gt;` from a ticket or a web log viewer) are read as the text they show.

/** A tag of the kinds bounce pages use; addresses in angle brackets (`<x@icloud.com>`) are not tags. */
const HTML_TAG =
  /<\/?(?:html|head|body|div|p|br|table|tbody|tr|td|th|span|b|i|a|pre|font|ul|li|title|meta|style)(?:\s[^<>]{0,2000})?\/?>/i;
const ENTITY = /&(?:lt|gt|amp|quot|apos|nbsp|#\d{1,6}|#x[0-9a-f]{1,6});/i;

const decodeEntities = (text: string) =>
  text
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&apos;/gi, "'")
    .replace(/&nbsp;/gi, ' ')
    .replace(/&#(\d{1,6});/g, (_, n: string) => String.fromCodePoint(Math.min(Number(n), 0x10ffff)))
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, n: string) =>
      String.fromCodePoint(Math.min(parseInt(n, 16), 0x10ffff)),
    )
    .replace(/&amp;/gi, '&');

/** Without `<!-- … -->` comments (Outlook's conditional blocks), by a linear scan. */
function withoutComments(html: string): string {
  const parts: string[] = [];
  let from = 0;
  for (let open = html.indexOf('<!--'); open >= 0; open = html.indexOf('<!--', from)) {
    const close = html.indexOf('-->', open + 4);
    if (close < 0) break;
    parts.push(html.slice(from, open), ' ');
    from = close + 3;
  }
  parts.push(html.slice(from));
  return parts.join('');
}

/** HTML to text: block ends become line breaks, other tags spaces, then entities are decoded. */
export function htmlText(html: string): string {
  return decodeEntities(
    withoutComments(html)
      .replace(/<![^<>]{0,200}>/g, ' ')
      .replace(/<(style|title)\b[^<>]{0,200}>[^<]{0,20000}<\/\1>/gi, ' ')
      .replace(/<(?:br|\/p|\/div|\/tr|\/li|\/h\d|\/table)\b[^>]{0,200}>/gi, '\n')
      .replace(/<\/?[a-z][a-z0-9]{0,10}(?::[a-z0-9]{1,20})?(?:\s[^<>]{0,2000})?\/?>/gi, ' ')
      // Runs of spaces collapse first: a long run not followed by a line break stays linear.
      .replace(/[ \t]{2,}/g, ' ')
      .replace(/ \n/g, '\n'),
  );
}

/** The text a paste shows: HTML read as text, entities decoded; anything else as it is. */
export function readable(text: string): string {
  const head = text.slice(0, 65_536);
  // A tag needs a `<` and an entity a `&`: looking for the character first spares most log lines
  // the expressions.
  if (head.includes('<') && HTML_TAG.test(head)) return htmlText(text);
  return head.includes('&') && ENTITY.test(head) ? decodeEntities(text) : text;
}
