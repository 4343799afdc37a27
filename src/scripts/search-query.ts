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
