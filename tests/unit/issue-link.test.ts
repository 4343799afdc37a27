// "Report a problem or a new variant": a prefilled link to the deployment's issue form, none without
// one, and a pasted reply only with its personal data taken out.
import { describe, expect, it } from 'vitest';
import { issueLink } from '../../src/lib/issue-link.ts';

const subject = {
  id: '554-5-7-1-cs01',
  title: '[CS01] Message rejected due to local policy (554 form)',
  url: 'https://icloud-codes.example.org/codes/554-5-7-1-cs01/',
  reviewed: '2026-12-01',
};
const FORM = 'https://github.com/example/icloud-codes/issues/new';

describe('issueLink', () => {
  it('is absent when the deployment sets no form, or a form that is not a web address', () => {
    expect(issueLink(undefined, subject)).toBeUndefined();
    expect(issueLink('  ', subject)).toBeUndefined();
    expect(issueLink('javascript:alert(1)', subject)).toBeUndefined();
  });

  it('opens the form with a title and a body naming the entry, its page and its review date', () => {
    const url = new URL(issueLink(FORM, subject)!);
    expect(url.origin + url.pathname).toBe(FORM);
    expect(url.searchParams.get('title')).toBe('554-5-7-1-cs01: problem or new variant');
    const body = url.searchParams.get('body')!;
    expect(body).toContain('Entry: 554-5-7-1-cs01 (https://icloud-codes.example.org/codes/554-5-7-1-cs01/)');
    expect(body).toContain('last reviewed 2026-12-01');
    expect(body).toMatch(/paste the reply here/);
  });

  it('keeps the form’s own query parameters', () => {
    const url = new URL(issueLink(`${FORM}?labels=variant`, subject)!);
    expect(url.searchParams.get('labels')).toBe('variant');
  });

  it('takes addresses, IPs and the sender’s hosts out of a pasted reply', () => {
    const pasted =
      '<dana.whitfield@contoso.com>: host mx01.mail.icloud.com[17.57.154.6] said: 554 5.7.1 [CS01] Message rejected due to local policy. (sent from mail.contoso.com 203.0.113.9)';
    const body = new URL(issueLink(FORM, subject, pasted)!).searchParams.get('body')!;
    expect(body).not.toMatch(/dana|whitfield|contoso|203\.0\.113\.9/);
    expect(body).toContain('mx01.mail.icloud.com');
    expect(body).toContain('554 5.7.1 [CS01] Message rejected due to local policy.');
  });
});
