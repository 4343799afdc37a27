// The machine-readable twins of an entry page: /codes/<id>.json (front matter as written, plus the
// page URL) and /codes/<id>.md (the whole entry as Markdown, for tools and LLM agents). Pure: the
// endpoints pass the collection's data in.
import type { CodeEntryData } from './schema/code-entry.ts';
import { isoDay } from './day.ts';
import { basicCode, enhancedCode } from './standards.ts';
import { CATEGORIES, EVIDENCE, OUTCOMES, OWNERS, STAGES, SUPPRESS, retryText } from './vocabulary.ts';

/** The front matter as it reads in the file, every field of it: dates as YYYY-MM-DD. */
export function entryJson(id: string, url: string, data: CodeEntryData) {
  return {
    id,
    url,
    ...data,
    sources: data.sources.map((s) => ({ ...s, ...(s.date && { date: isoDay(s.date) }) })),
    reviewed: isoDay(data.reviewed),
    history: data.history.map((c) => ({ ...c, date: isoDay(c.date) })),
  };
}

/** A fence longer than any backtick run in the text, so quoted replies can never close it early. */
function fenced(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${text}\n${fence}`;
}

/** The MDX body as plain Markdown: MDX imports and component lines dropped (the component's content
 *  is on the page, which the twin links to), relative links made absolute against the page URL. */
export function plainMarkdown(body: string, pageUrl: string): string {
  return body
    .split('\n')
    .filter((line) => !/^(import|export)\s/.test(line) && !/^\s*<[A-Z][\w.]*(\s[^>]*)?\/>\s*$/.test(line))
    .join('\n')
    .replace(/\]\((\.{1,2}\/[^)\s]*)\)/g, (_, href: string) => `](${new URL(href, pageUrl).href})`)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function entryMarkdown(id: string, url: string, data: CodeEntryData, body: string): string {
  const basic = data.code === undefined ? undefined : basicCode(data.code);
  const enhanced = data.enhanced ? enhancedCode(data.enhanced) : undefined;
  const facts = [
    data.code === undefined
      ? `- No SMTP reply: a DSN with Status ${data.dsn?.status} and the reason “${data.dsn?.reason}”`
      : `- Reply code: ${data.code}`,
    data.enhanced && `- Enhanced status code: ${data.enhanced}`,
    data.tag && `- Apple tag: ${data.tag}`,
    `- Outcome: ${OUTCOMES[data.outcome]}`,
    `- Retry: ${retryText(data.retry, data.retryDelay)}`,
    `- Suppress the address? ${SUPPRESS[data.suppress]}`,
    `- Who must act: ${OWNERS[data.owner]}`,
    `- Category: ${CATEGORIES[data.category]}`,
    `- SMTP stage: ${data.stage ? STAGES[data.stage] : 'Not known'}`,
    `- Evidence: ${EVIDENCE[data.evidence]}${data.evidenceNote ? `. ${data.evidenceNote}` : ''}`,
    data.labels &&
      `- Sisimai files it as: ${data.labels.sisimai.reason}${data.labels.sisimai.note ? ` (${data.labels.sisimai.note})` : ''}`,
    ...(data.labels?.esps ?? []).map((e) => `- ${e.esp} labels it: ${e.label} (${e.source})`),
    `- Last reviewed: ${isoDay(data.reviewed)}`,
  ].filter(Boolean);
  const standards = [
    basic && `- Basic code ${data.code} (RFC 5321): ${basic.text ?? 'not defined by RFC 5321'}`,
    enhanced &&
      `- Enhanced code ${enhanced.code} (RFC 3463, IANA registry): ${enhanced.title ?? 'not in the registry'}`,
  ].filter(Boolean);
  return (
    [
      `# ${data.title}`,
      data.summary,
      `The reply:\n\n${fenced(data.reply)}`,
      facts.join('\n'),
      plainMarkdown(body, url),
      '## Variants seen in the wild',
      data.examples.map((ex) => `${fenced(ex.text)}${ex.note ? `\n\n${ex.note}` : ''}`).join('\n\n'),
      '## What the standards say',
      standards.join('\n'),
      '## Sources',
      data.sources.map((s) => `- [${s.title}](${s.url})${s.date ? `, ${isoDay(s.date)}` : ''}`).join('\n'),
      '## What changed',
      [...data.history]
        .reverse()
        .map((c) => `- ${isoDay(c.date)}: ${c.summary}`)
        .join('\n'),
      `Page: ${url} (entry id \`${id}\`)`,
    ].join('\n\n') + '\n'
  );
}
