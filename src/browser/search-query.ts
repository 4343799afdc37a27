// Pure helpers for what people type into search. No DOM here, so unit tests can import them.

/** An enhanced status code such as 5.7.1 (RFC 3463: class.subject.detail). */
const DOTTED = /(?<![\d.])[245]\.\d{1,3}\.\d{1,3}(?![\d.]*\d)/g;
/** A query that is only codes: "550", "5.7.1", "550 5.1.1", "550-5.1.1" (quotes are removed first). */
const BARE = /^\s*(?:([245]\d\d)(?:[\s-]+([245]\.\d{1,3}\.\d{1,3}))?|([245]\.\d{1,3}\.\d{1,3}))\s*$/;

/** The dotted status codes in a query, each once, in order. */
export function dottedCodes(query: string): string[] {
  return [...new Set(query.match(DOTTED) ?? [])];
}

export interface BareCode {
  code?: number;
  enhanced?: string;
}

/** The codes of a query that is nothing but a basic and/or enhanced code, else undefined. */
export function bareCode(query: string): BareCode | undefined {
  const m = BARE.exec(query.replaceAll('"', ''));
  if (!m) return undefined;
  return { code: m[1] ? Number(m[1]) : undefined, enhanced: m[2] ?? m[3] };
}

/** Whether a query looks like an SMTP reply or a log line quoting one, rather than a few search words:
 *  a reply code followed by an enhanced code ("550 5.1.1"), a reply code in a longer text, or an MTA's
 *  log wording. Only then does search load the classifier. */
export function looksLikeReply(query: string): boolean {
  const text = query.trim();
  if (text.length < 7) return false;
  if (/(?<!\d)[245]\d\d[ -]+[245]\.\d{1,3}\.\d{1,3}(?!\d)/.test(text)) return true;
  if (/(?<![\d.])[45]\d\d(?![\d.])/.test(text) && text.split(/\s+/).length >= 4) return true;
  return /\bsaid:|Diagnostic-Code:|\bstatus=|\bdsn=|\bTxn ID\b/i.test(text);
}

/** Words of a question that say nothing about the reply. Pagefind lists only the pages that hold every
 *  word of a query, so "icloud blocked my ip" would find only pages that happen to say "my". */
const FILLER = new Set(
  (
    'a an the and or how what why when where who which do does did i im me my we our us you your it its ' +
    'this that these those there is are was were be been am can could should would will to of for in on ' +
    'at by with from about into because get got getting keep keeps please help mean means fix'
  ).split(' '),
);

/** The words of a plain-word question that Pagefind should look for: the query without filler words.
 *  Codes, tags, quoted phrases and pasted replies are left as typed, and so is a query of filler only. */
export function searchWords(query: string): string {
  if (/["[\]]/.test(query) || looksLikeReply(query)) return query;
  const words = query.trim().split(/\s+/);
  const kept = words.filter(
    (w) =>
      !FILLER.has(
        w
          .toLowerCase()
          .replace(/[’']/g, '')
          .replace(/[?!.,;:]+$/, ''),
      ),
  );
  return kept.length === 0 || kept.length === words.length ? query : kept.join(' ');
}
