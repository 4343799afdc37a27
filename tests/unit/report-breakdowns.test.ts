// The report's breakdowns of iCloud replies (sending domain by queue id, MX host, the IP a reply
// names, bounced against deferred), its distinct replies with their Txn IDs, and the zone that
// times without one are read in.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/lib/engine.ts';
import type { Report } from '../../src/lib/report/index.ts';
import { loadEntries } from '../support/entries.ts';

const engine = createEngine(loadEntries().map((e) => e.rule));
const newReport = await engine.reports();
const log = readFileSync(path.resolve(import.meta.dirname, '../fixtures/analyze/cs01-block.log'), 'utf8');

async function reportOf(text: string, timeZone?: string, chunk = text.length): Promise<Report> {
  const a = newReport({ now: Date.UTC(2026, 11, 5), timeZone });
  const f = a.file('cs01-block.log');
  for (let i = 0; i < text.length; i += chunk) await f.write(text.slice(i, i + chunk));
  await f.end();
  return a.report();
}

describe('report breakdowns', () => {
  it('counts iCloud replies by sending domain, MX host, named IP and status', async () => {
    const r = await reportOf(log);
    expect(r.breakdowns).toEqual({
      senders: [
        { key: 'shop.example', count: 3 },
        { key: 'invoices.example', count: 1 },
      ],
      hosts: [
        { key: 'mx01.mail.icloud.com', count: 2 },
        { key: 'mx02.mail.icloud.com', count: 2 },
      ],
      ips: [{ key: '198.51.100.7', count: 1 }],
      status: { bounced: 3, deferred: 1 },
    });
  });

  it('joins senders by queue id whatever the chunking', async () => {
    const whole = await reportOf(log);
    for (const chunk of [7, 100, 333])
      expect((await reportOf(log, undefined, chunk)).breakdowns).toEqual(whole.breakdowns);
  });

  it('keeps each distinct reply once, with its count, Txn IDs, IPs, senders and times', async () => {
    const r = await reportOf(log);
    const cs01 = r.replyFacts!.find((f) => f.text.includes('[CS01]'))!;
    expect(cs01.count).toBe(2);
    expect(cs01.txnIds).toEqual([
      '0c0ffee0-0000-4000-8000-00000000a001',
      '0c0ffee0-0000-4000-8000-00000000a002',
    ]);
    expect(cs01.senders).toEqual(['shop.example']);
    expect(cs01.first).toBe('2026-12-04T08:30:02.000Z');
    expect(cs01.last).toBe('2026-12-04T08:40:12.000Z');
    const blocked = r.replyFacts!.find((f) => f.text.includes('proofpoint'))!;
    expect(blocked.ips).toEqual(['198.51.100.7']);
    expect(blocked.senders).toEqual(['invoices.example']);
  });

  it('counts deliveries per bucket for the refusal rate', async () => {
    const r = await reportOf(log);
    expect(r.series!.buckets.reduce((n, b) => n + (b.delivered ?? 0), 0)).toBe(1);
  });
});

describe('report time zone', () => {
  it('reads syslog times as UTC unless told, and says so', async () => {
    const r = await reportOf(log);
    expect(r.timeZone).toEqual({ zone: 'UTC', zoneless: expect.any(Number) });
    expect(r.timeZone!.zoneless).toBeGreaterThan(0);
    expect(r.first).toBe('2026-12-04T08:30:02.000Z');
  });

  it('reads them in the zone given (New York is five hours behind UTC in December)', async () => {
    const r = await reportOf(log, 'America/New_York');
    expect(r.timeZone!.zone).toBe('America/New_York');
    expect(r.first).toBe('2026-12-04T13:30:02.000Z');
  });

  it('keeps the zone of times that carry one', async () => {
    const line =
      '2026-12-04T08:30:02+01:00 mail postfix/smtp[1]: 4F1A2: to=<anna@icloud.com>, relay=mx01.mail.icloud.com[17.57.154.6]:25, dsn=5.7.1, status=bounced (host mx01.mail.icloud.com[17.57.154.6] said: 554 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137 (in reply to end of DATA command))\n';
    const r = await reportOf(line, 'America/New_York');
    expect(r.first).toBe('2026-12-04T07:30:02.000Z');
    expect(r.timeZone!.zoneless).toBe(0);
  });
});
