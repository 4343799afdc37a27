// npm run classify -- [--json] [--summary] [file|folder|- ...]: the classifier in a terminal, for
// mail logs and bounces on a server, with the rule data of the built site (dist/rules.json, or
// OUT_DIR's). Without --summary it prints one line per SMTP reply, in input order; with --summary
// it streams the inputs (.gz read as gzip) through the report aggregator /analyze/ uses and prints
// the report (as one JSON object with --json). A bad path or missing build: one line, exit 2.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ClassifyOutcome } from '../src/lib/classify/types.ts';
import type { RuleEntry } from '../src/lib/rules.ts';
import { codesText } from '../src/lib/standards.ts';
import { OUTCOMES, SUPPRESS, retryText } from '../src/lib/vocabulary.ts';
import { analyzePaths } from '../src/node-api/analyze.ts';
import { engineFromFile, MissingRulesError, type Engine } from '../src/node-api/engine.ts';
import { expandInputs, InputError } from '../src/node-api/inputs.ts';
import { summaryText } from '../src/node-api/summary-text.ts';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const summary = args.includes('--summary');
const paths = args.filter((a) => a !== '--json' && a !== '--summary');

function fail(message: string): never {
  console.error(`classify: ${message}`);
  process.exit(2);
}

const rulesFile = path.resolve(process.env.OUT_DIR ?? 'dist', 'rules.json');
let engine: Engine;
try {
  engine = engineFromFile(rulesFile);
} catch (error) {
  fail(
    error instanceof MissingRulesError
      ? `no rule data at ${rulesFile}: run \`npm run build\` first.`
      : String(error),
  );
}
// rules.json holds site-relative URLs (with the base path); SITE makes them absolute.
const absolute = (url: string) => (process.env.SITE ? new URL(url, process.env.SITE).href : url);
const link = (entry: RuleEntry) => absolute(entry.url);
const byPath = new Map(engine.rules.map((r) => [r.path, r]));

function print(name: string, outcome: ClassifyOutcome) {
  if (asJson) {
    console.log(JSON.stringify({ input: name, ...outcome }));
    return;
  }
  if (outcome.message) console.log(`${name}: ${outcome.message}`);
  for (const r of outcome.results) {
    const code = codesText(r.reply.code, r.reply.enhanced);
    const who = [r.reply.context.recipient, r.reply.context.host].filter(Boolean).join(' via ');
    if (r.entry) {
      const advice = `${OUTCOMES[r.entry.outcome]}; ${retryText(r.entry.retry, r.entry.retryDelay)}; ${SUPPRESS[r.entry.suppress]}`;
      console.log(`${code}\t${r.entry.id} (${r.confidence})\t${advice}\t${who}\t${link(r.entry)}`);
    } else {
      console.log(`${code}\tnone\t${r.why}\t${who}`);
    }
  }
}

try {
  if (summary) {
    const newReport = await engine.reports();
    // The terminal prints no per-reply CSV, so the rows for it are not kept.
    const aggregator = await analyzePaths(paths, newReport({ rowLimit: 0 }));
    const report = aggregator.report();
    if (asJson) console.log(JSON.stringify(report));
    else console.log(summaryText(report, (p) => (byPath.has(p) ? link(byPath.get(p)!) : absolute(`/${p}`))));
  } else {
    for (const input of expandInputs(paths.length ? paths : ['-'])) {
      const text = readFileSync(input.path === '-' ? 0 : input.path, 'utf8');
      print(input.path === '-' ? 'stdin' : input.name, await engine.classify(text));
    }
  }
} catch (error) {
  if (error instanceof InputError) fail(error.message);
  throw error;
}
