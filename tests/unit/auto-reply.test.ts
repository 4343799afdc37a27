// Automatic replies are not bounces (issue 17): the engine's message path names them in the outcome
// (autoReply), the report counts them apart and lists no address for them, while a DSN or a
// plain-text bounce that says Auto-Submitted stays a bounce.
//
// Fixtures (tests/unit/fixtures/auto-reply/), anonymised, dates and addresses changed:
// - apple-vacation.eml: the header set of iCloud's vacation replies as captured in
//   sisimai/p5-sisimai#346 and in Sisimai's set-of-emails (maildir/bsd/rfc3834-03.eml):
//   X-Apple-Criteria, X-Apple-Action: VACATION, X-Apple-UUID, X-Apple-Server, a `-vac@` Message-id,
//   an "Auto reply:" subject and no Auto-Submitted field.
// - rfc3834-exim.eml: an RFC 3834 auto-reply received by Exim, from set-of-emails rfc3834-01.eml.
// - eml/o365-ndr-cs01-qp.eml (the formats fixture): a DSN that also says Auto-Submitted.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/lib/engine.ts';
import { loadEntries } from '../support/entries.ts';

const engine = createEngine(loadEntries().map((e) => e.rule));
const newReport = await engine.reports();
const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, 'fixtures', name), 'utf8');
const vacation = fixture('auto-reply/apple-vacation.eml');
const rfc3834 = fixture('auto-reply/rfc3834-exim.eml');
const dsn = fixture('eml/o365-ndr-cs01-qp.eml');

describe('the engine names automatic replies', () => {
  it('an iCloud vacation reply is an automatic reply, with no result and a sentence saying so', async () => {
    const outcome = await engine.classify(vacation);
    expect(outcome.autoReply).toEqual({
      kind: 'apple-vacation',
      marker: 'X-Apple-Action: VACATION',
      from: 'z@icloud.com',
    });
    expect(outcome.results).toEqual([]);
    expect(outcome.message).toContain('not a bounce');
    expect(outcome.message).toContain('no reason to suppress');
  });

  it('an RFC 3834 auto-reply from another MTA, without MIME headers, is one too', async () => {
    const outcome = await engine.classify(rfc3834);
    expect(outcome.autoReply).toEqual({
      kind: 'auto-replied',
      marker: 'Auto-Submitted: auto-replied',
      from: 'y@example.net',
    });
    expect(outcome.results).toEqual([]);
  });

  it('Auto-Submitted: no is a person writing, not an automatic reply', async () => {
    const outcome = await engine.classify(
      rfc3834.replace('Auto-Submitted: auto-replied', 'Auto-Submitted: no').replace('Away until', 'About'),
    );
    expect(outcome.autoReply).toBeUndefined();
  });

  it('a DSN that says Auto-Submitted: auto-replied stays a bounce with its entry', async () => {
    expect(dsn).toMatch(/^Auto-Submitted: auto-replied$/m);
    const outcome = await engine.classify(dsn);
    expect(outcome.autoReply).toBeUndefined();
    expect(outcome.results.map((r) => r.entry?.id)).toEqual(['554-5-7-1-cs01']);
  });

  it('a plain-text bounce that says Auto-Submitted (as Exim’s do) stays a bounce', async () => {
    const bounce = [
      'From: Mail Delivery System <Mailer-Daemon@mx.example.com>',
      'To: sender@example.com',
      'Subject: Mail delivery failed: returning message to sender',
      'Auto-Submitted: auto-replied',
      '',
      'This message was created automatically by mail delivery software.',
      '',
      '  x@icloud.com',
      '    host mx01.mail.icloud.com [17.57.154.6]',
      '    SMTP error from remote mail server after end of data:',
      '    554 5.7.1 [HM08] Message rejected due to local policy.',
      '',
    ].join('\n');
    const outcome = await engine.classify(bounce);
    expect(outcome.autoReply).toBeUndefined();
    expect(outcome.results.map((r) => r.entry?.id)).toEqual(['554-5-7-1-hm08']);
  });

  it('a vacation reply that quotes a refusal is still an automatic reply, never a refusal', async () => {
    const quoted = vacation.replace(
      'I am away',
      '> 554 5.7.1 [HM08] Message rejected due to local policy.\n\nI am away',
    );
    const outcome = await engine.classify(quoted);
    expect(outcome.autoReply?.kind).toBe('apple-vacation');
    expect(outcome.results).toEqual([]);
  });

  it('Apple Mail’s unsubscribe request (auto-replied, sisimai/rb-sisimai#279) is not passed off as one', async () => {
    const unsubscribe = [
      'From: x@icloud.com',
      'To: opt-out@example.org',
      'Subject: unsubscribe',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=UTF-8',
      'Auto-Submitted: auto-replied',
      'X-Apple-Unsubscribe: true',
      '',
      'Apple Mail sent this email to unsubscribe from the message.',
      '',
    ].join('\n');
    expect((await engine.classify(unsubscribe)).autoReply).toBeUndefined();
  });
});

describe('the report counts automatic replies apart', () => {
  it('as autoReplies, not as replies, and with no address to suppress or keep', async () => {
    const report = newReport({ now: Date.UTC(2026, 11, 1) });
    for (const [name, text] of [
      ['vacation.eml', vacation],
      ['rfc3834.eml', rfc3834],
      ['dsn.eml', dsn],
    ]) {
      const f = report.file(name!);
      await f.write(text!);
      await f.end();
    }
    const r = report.report();
    expect(r.autoReplies).toBe(2);
    expect(r.replies).toBe(1);
    expect(r.icloud).toBe(1);
    // Only the DSN's recipient is listed; the automatic replies' senders are in no list.
    expect([...r.suppress, ...r.keep]).toEqual(['x@icloud.com']);
    expect(r.problems).toEqual([]);
  });
});
