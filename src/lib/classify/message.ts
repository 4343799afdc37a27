// Whole email messages (a bounce saved as .eml): decoded with postal-mime, then the readable part
// and the message/delivery-status part are classified together. This module, the decoder with it,
// loads at the first message (src/lib/engine.ts). The attached original's To: header (or
// X-Failed-Recipients) names the recipient when the replies do not. A vacation or out-of-office
// reply is named as such (./auto-reply.ts) instead of read for replies.
import PostalMime from 'postal-mime';
import { autoReplyMessage, autoReplyOf } from './auto-reply.ts';
import { ADDRESS } from './context.ts';
import { htmlText } from './html.ts';
import type { Classifier } from './index.ts';
import type { ClassifyOutcome } from './types.ts';

const REPORT_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status']);
const HEADER_TYPES = new Set(['text/rfc822-headers', 'message/rfc822', 'message/global-headers']);

const utf8 = new TextDecoder();

const asBytes = (content: unknown): Uint8Array | undefined =>
  content instanceof ArrayBuffer
    ? new Uint8Array(content)
    : ArrayBuffer.isView(content)
      ? new Uint8Array(content.buffer, content.byteOffset, content.byteLength)
      : undefined;

const asText = (content: unknown) => {
  if (typeof content === 'string') return content;
  const bytes = asBytes(content);
  return bytes ? utf8.decode(bytes) : '';
};

/** The text up to the first blank line (/\r?\n\r?\n/): an attached message's header block. Only
 *  those bytes are decoded; UTF-8 keeps every ASCII byte as it is, so the text is the one cut from
 *  the whole decoded part. */
export function headerBlock(content: unknown): string {
  const bytes = asBytes(content);
  if (!bytes) return asText(content).split(/\r?\n\r?\n/)[0] ?? '';
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) {
    const next = bytes[i + 1] === 13 ? i + 2 : i + 1;
    if (bytes[next] === 10) return utf8.decode(bytes.subarray(0, i > 0 && bytes[i - 1] === 13 ? i - 1 : i));
  }
  return utf8.decode(bytes);
}

function singleRecipient(headersText: string): string | undefined {
  const to = /^(?:To|X-Failed-Recipients):[ \t]*([^\n]{1,500})/im.exec(headersText)?.[1];
  const all = to?.match(new RegExp(ADDRESS, 'g'));
  return all && all.length === 1 ? all[0] : undefined;
}

export async function classifyMessage(input: string, classifier: Classifier): Promise<ClassifyOutcome> {
  try {
    // Attachments stay bytes: only the report and the attached headers are decoded below.
    const email = await PostalMime.parse(input, { maxRfc822NestingDepth: 0 });
    const parts: string[] = [email.text ?? (email.html ? htmlText(email.html) : '')];
    let original = '';
    for (const a of email.attachments) {
      const type = a.mimeType.toLowerCase();
      if (REPORT_TYPES.has(type)) parts.push(asText(a.content));
      else if (HEADER_TYPES.has(type)) original = headerBlock(a.content);
    }
    const outcome = classifier.classify(parts.join('\n\n'));
    const contentType = email.headers.find((h) => h.key === 'content-type')?.value ?? '';
    // Any report (a DSN, an abuse feedback report) is read as one, whatever Auto-Submitted says.
    const isReport = parts.length > 1 || /^\s*multipart\/report\b/i.test(contentType);
    const autoReply = autoReplyOf(email, isReport, outcome.results.length > 0);
    if (autoReply) return { results: [], message: autoReplyMessage(autoReply), autoReply };
    // The source, prefiltered: most messages whose parts hold no reply hold none in it either, and
    // reading it line by line took 6 % of a folder of bounces' run.
    if (!outcome.results.length) return classifier.classify(input, { prefilter: true });
    const failed = email.headers.find((h) => h.key === 'x-failed-recipients')?.value;
    const recipient =
      (failed && singleRecipient(`X-Failed-Recipients: ${failed}`)) ?? singleRecipient(original);
    if (recipient) for (const r of outcome.results) r.reply.context.recipient ??= recipient;
    for (const r of outcome.results)
      if (r.reply.format === 'dsn' || r.reply.format === 'text') r.reply.format = 'eml';
    return outcome;
  } catch {
    // An undecodable message still holds its replies as plain text.
    return classifier.classify(input);
  }
}
