// "Report a problem or a new variant": a link to the deployment's issue form (ISSUES_URL, read at
// build time), prefilled with the entry and, when the reader pasted a reply, that reply with its
// personal data taken out. The title and body go in `title` and `body` query parameters, which
// GitHub's new-issue form reads. Pure: no DOM.
import { redact } from './redact.ts';

export interface IssueSubject {
  id: string;
  title: string;
  /** The entry page's absolute URL. */
  url: string;
  reviewed: string;
}

/** The deployment's issue form, or undefined when it is unset or not an http(s) URL. */
export function issuesUrl(value: string | undefined): URL | undefined {
  if (!value?.trim()) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

export function issueBody(subject: IssueSubject, pasted?: string): string {
  const reply = pasted?.trim()
    ? redact(pasted).text
    : '(paste the reply here; remove addresses, host names and IPs you do not want to publish)';
  return [
    `Entry: ${subject.id} (${subject.url}), last reviewed ${subject.reviewed}`,
    '',
    'What is wrong, or what is new:',
    '',
    '',
    'The reply as received:',
    '',
    '```',
    reply,
    '```',
  ].join('\n');
}

/** The prefilled link, or undefined when the deployment sets no issue form. */
export function issueLink(
  form: string | undefined,
  subject: IssueSubject,
  pasted?: string,
): string | undefined {
  const url = issuesUrl(form);
  if (!url) return undefined;
  url.searchParams.set('title', `${subject.id}: problem or new variant`);
  url.searchParams.set('body', issueBody(subject, pasted));
  return url.href;
}
