// The report's rates on a mixed log like an incident morning (tests/fixtures/analyze/mixed.log:
// deliveries to iCloud, Gmail and Outlook, a CS01 wave from 08:30, 421s and 451s all morning and a
// few unknown users): deliveries for every provider with iCloud's share, the refused share of the
// iCloud attempts, the ranked list, the keep groups and the Postfix fields of the replies CSV.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/lib/engine.ts';
import { repliesCsv } from '../../src/lib/report/csv.ts';
import { loadEntries } from '../support/entries.ts';

const engine = createEngine(loadEntries().map((e) => e.rule));
const newReport = await engine.reports();
const text = readFileSync(path.resolve(import.meta.dirname, '../fixtures/analyze/mixed.log'), 'utf8');

const a = newReport({ now: Date.UTC(2026, 11, 1) });
const f = a.file('mixed.log');
await f.write(text);
await f.end();
const report = a.report();

describe('a mixed log', () => {
  it('counts deliveries to every provider, and iCloud’s share of them', () => {
    expect(report.deliveries.all).toBe(110);
    expect(report.deliveries.icloud).toBe(60);
    expect(report.deliveries.domains[0]).toEqual({ domain: 'gmail.com', count: 40 });
    expect(report.rates.icloudShareOfDeliveries).toBeCloseTo(60 / 110);
  });

  it('says what share of the iCloud attempts iCloud refused', () => {
    expect(report.rates).toMatchObject({ attempts: 60 + 84, refused: 84 });
    expect(report.rates.refusedShare).toBeCloseTo(84 / 144);
  });

  it('ranks the CS01 wave first, new since 08:30, above the more numerous 421s', () => {
    const [first, second] = report.todo;
    expect(first).toMatchObject({
      entry: '554-5-7-1-cs01',
      replies: 30,
      permanent: true,
      trend: { kind: 'new', since: '2026-04-27T08:30:00.000Z' },
    });
    expect(first!.share).toBeCloseTo(30 / 144);
    expect(second).toMatchObject({ entry: '421-4-7-1-excessive-volume', replies: 40, permanent: false });
    expect(second!.trend).toBeUndefined();
  });

  it('splits the kept addresses into retry now and fix the cause first', () => {
    const group = (address: string) => report.keepList.find((k) => k.address === address)?.group;
    expect(group('buyer00@icloud.com')).toBe('fix-first');
    expect(group('fan00@me.com')).toBe('retry');
    expect(group('club0@mac.com')).toBe('retry');
  });

  it('gives each reply its queue id, the sender of that queue id, status and delay', () => {
    const rows = repliesCsv(a.replyRows()).split('\r\n');
    const cs01 = rows.find((r) => r.includes('buyer00@icloud.com'))!;
    expect(cs01).toMatch(/,buyer00@icloud\.com,[^,]*,F[0-9A-F]+,news@shop\.example,bounced,\d+\.\d,554,/);
  });
});
