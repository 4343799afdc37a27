// Partial reports merge into the report of the whole input: for random cuts of generated logs
// (bursts of "user does not exist" across a cut, after-repeats addresses on days either side),
// the merged report equals the report of the whole; partials survive JSON; a shard merged as it is
// (--jobs, in the thread that read it) gives what its partial gives; bad partials are refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/lib/engine.ts';
import { deriveReport } from '../../src/lib/report/derive.ts';
import {
  mergeReports,
  PartialError,
  shardOf,
  type Aggregator,
  type Report,
} from '../../src/lib/report/index.ts';
import { PartialMerger } from '../../src/lib/report/partial.ts';
import { loadEntries } from '../support/entries.ts';

const rules = loadEntries().map((e) => e.rule);
const newReport = await createEngine(rules).reports();
const unknown = rules.find((r) => r.category === 'recipient-unknown' && r.reply.startsWith('550'))!;
const repeats = rules.find((r) => r.suppress === 'after-repeats' && r.reply.startsWith('4'))!;
const policy = rules.find((r) => r.suppress === 'no' && r.category !== 'recipient-unknown')!;
const RECIPIENTS = 14;

type Line = { kind: 'sent' | 'unknown' | 'repeats' | 'policy' | 'queue' | 'burst'; who: number; at: number };

const stamp = (minute: number) => new Date(Date.UTC(2026, 2, 1) + minute * 60_000).toISOString().slice(0, 19);
const to = (who: number) => `to=<reader${who}@icloud.com>, relay=mx01.mail.icloud.com[17.57.152.9]:25`;
const said = (reply: string, who: number) =>
  `${to(who)}, dsn=${reply.slice(4, 9)}, status=${reply.startsWith('4') ? 'deferred' : 'bounced'} (host mx01.mail.icloud.com[17.57.152.9] said: ${reply.replace('x@icloud.com', `reader${who}@icloud.com`)} (in reply to RCPT TO command))`;

function logLines(spec: Line[]): string[] {
  const out: string[] = [];
  for (const [i, { kind, who, at }] of spec.entries()) {
    const head = `${stamp(at)} mail postfix/smtp[${100 + i}]: Q${i}:`;
    if (kind === 'sent') out.push(`${head} ${to(who)}, dsn=2.0.0, status=sent (250 2.0.0 Ok)`);
    else if (kind === 'queue') out.push(`${stamp(at)} mail postfix/qmgr[9]: Q${i}: removed`);
    else if (kind === 'burst')
      for (let r = 0; r < 12; r++)
        out.push(`${stamp(at + r)} mail postfix/smtp[7]: B${i}x${r}: ${said(unknown.reply, r)}`);
    else out.push(`${head} ${said({ unknown, repeats, policy }[kind].reply, who)}`);
  }
  return out;
}

const lineSpec: fc.Arbitrary<Line> = fc.record({
  kind: fc.constantFrom('sent', 'sent', 'unknown', 'repeats', 'repeats', 'policy', 'queue', 'burst'),
  who: fc.nat(RECIPIENTS - 1),
  // Four days, so after-repeats addresses reach and miss three days.
  at: fc.nat(4 * 1440),
});

async function reportOf(texts: string[]): Promise<Report> {
  const a = newReport({ rowLimit: 0, now: Date.UTC(2026, 11, 1) });
  for (const text of texts) {
    const f = a.file('mail.log');
    await f.write(text);
    await f.end();
  }
  return a.report();
}

async function aggregatorOf(text: string): Promise<Aggregator> {
  const a = newReport({ rowLimit: 0, now: Date.UTC(2026, 11, 1) });
  const f = a.file('mail.log');
  await f.write(text);
  await f.end();
  return a;
}

async function partialOf(text: string): Promise<unknown> {
  // Through JSON, as a partial written to disk on another host would come back.
  return JSON.parse(JSON.stringify((await aggregatorOf(text)).partial()));
}

/** The report without its list of files: each shard names its own. */
const withoutFiles = ({ files, ...rest }: Report) => ({
  ...rest,
  lines: files.reduce((n, f) => n + f.lines, 0),
});

describe('merging partial reports', () => {
  it('for random cuts of a log, merging the partials equals the report of the whole', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(lineSpec, { minLength: 1, maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        async (spec, cutsAt) => {
          const lines = logLines(spec);
          // Cuts at line boundaries inside the log: every shard holds at least one line.
          const cuts = [...new Set(cutsAt.map((c) => c % lines.length).filter((c) => c > 0))].sort(
            (a, b) => a - b,
          );
          const bounds = [0, ...cuts, lines.length];
          const shards = bounds.slice(1).map((end, i) => lines.slice(bounds[i], end).join('\n') + '\n');
          const whole = await reportOf([lines.join('\n') + '\n']);
          const partials = await Promise.all(shards.map(partialOf));
          const merged = mergeReports(
            partials.map((partial, i) => ({ name: `part${i}.json`, partial })),
            rules,
          );
          expect(withoutFiles(merged)).toEqual(withoutFiles(whole));
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);

  it('shards merged as they are (a thread’s own, --jobs) give what their partials give', async () => {
    const byId = new Map(rules.map((r) => [r.id, r]));
    await fc.assert(
      fc.asyncProperty(
        fc.array(lineSpec, { minLength: 2, maxLength: 40 }),
        fc.nat(),
        fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        async (spec, cutAt, live) => {
          const lines = logLines(spec);
          const cut = 1 + (cutAt % (lines.length - 1));
          const shards = [lines.slice(0, cut), lines.slice(cut), lines.slice(0, 1)].map(
            (l) => l.join('\n') + '\n',
          );
          const byPartials = new PartialMerger(rules);
          const mixed = new PartialMerger(rules);
          for (const [i, text] of shards.entries()) {
            byPartials.add(`part${i}`, await partialOf(text));
            const a = await aggregatorOf(text);
            if (live[i]) mixed.addShard(shardOf(a));
            else mixed.add(`part${i}`, JSON.parse(JSON.stringify(a.partial())));
          }
          const report = (m: PartialMerger) => {
            const { state, rowLimit } = m.merged();
            return deriveReport(state, byId, rowLimit);
          };
          expect(report(mixed)).toEqual(report(byPartials));
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);

  it('a burst cut in two still warns of one incident, and keeps its addresses', async () => {
    const lines = logLines([
      ...Array.from({ length: 12 }, (_, who): Line => ({ kind: 'sent', who, at: 10 })),
      { kind: 'burst', who: 0, at: 60 },
    ]);
    const partials = await Promise.all([
      partialOf(lines.slice(0, 18).join('\n')),
      partialOf(lines.slice(18).join('\n')),
    ]);
    const merged = mergeReports(
      partials.map((partial, i) => ({ name: `p${i}`, partial })),
      rules,
    );
    expect(merged.warnings.filter((w) => w.kind === 'incident')).toHaveLength(1);
    expect(merged.suppress).toEqual([]);
    expect(merged.keep).toHaveLength(12);
  });

  it('keeps the time zone the shards read their times in', async () => {
    const text = logLines([{ kind: 'policy', who: 1, at: 5 }])
      .join('\n')
      .replace(/^\d{4}-\d\d-\d\dT/gm, 'Mar  1 ');
    const shard = async () => {
      const a = newReport({ rowLimit: 0, timeZone: 'Europe/Berlin', now: Date.UTC(2026, 11, 1) });
      const f = a.file('mail.log');
      await f.write(text);
      await f.end();
      return JSON.parse(JSON.stringify(a.partial())) as unknown;
    };
    const partials = [
      { name: 'a.json', partial: await shard() },
      { name: 'b.json', partial: await shard() },
    ];
    expect(mergeReports(partials, rules).timeZone).toEqual({ zone: 'Europe/Berlin', zoneless: 2 });
  });

  it('refuses what is not a partial, another version, or another rule set, in a sentence', async () => {
    const good = (await partialOf(logLines([{ kind: 'policy', who: 1, at: 5 }]).join('\n'))) as Record<
      string,
      unknown
    >;
    const merge = (partial: unknown) => () => mergeReports([{ name: 'a.json', partial }], rules);
    expect(merge({ entries: {} })).toThrow(
      new PartialError('a.json is not a partial report (made with --partial).'),
    );
    expect(merge({ ...good, version: 99 })).toThrow(/version 99; this version merges version 2 only/);
    expect(() => mergeReports([{ name: 'a.json', partial: good }], rules.slice(1))).toThrow(
      /other rule data/,
    );
  });
});
