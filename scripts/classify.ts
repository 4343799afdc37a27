// npm run classify -- [--json] [file ...]: the classifier in a terminal, for mail logs and bounces
// on a server. Reads the files (or standard input), uses the rule data of the built site
// (dist/rules.json, or OUT_DIR's), and prints one line per SMTP reply found, in input order.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createClassifier, looksLikeMessage } from '../src/lib/classify/index.ts';
import { classifyMessage } from '../src/lib/classify/message.ts';
import type { ClassifyOutcome } from '../src/lib/classify/types.ts';
import { decodeRules, type RuleEntry } from '../src/lib/rules.ts';
import { codesText } from '../src/lib/standards.ts';
import { OUTCOMES, SUPPRESS, retryText } from '../src/lib/vocabulary.ts';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const files = args.filter((a) => a !== '--json');

const rulesFile = path.resolve(process.env.OUT_DIR ?? 'dist', 'rules.json');
let rules: RuleEntry[];
try {
  rules = decodeRules(JSON.parse(readFileSync(rulesFile, 'utf8')), rulesFile);
} catch (error) {
  const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
  console.error(missing ? `No rule data at ${rulesFile}: run \`npm run build\` first.` : String(error));
  process.exit(2);
}
const classifier = createClassifier(rules);
// rules.json holds site-relative URLs (with the base path); SITE makes them absolute.
const link = (entry: RuleEntry & { url?: string }) => {
  const url = entry.url ?? `/${entry.path}`;
  return process.env.SITE ? new URL(url, process.env.SITE).href : url;
};

async function classifyText(text: string): Promise<ClassifyOutcome> {
  return looksLikeMessage(text) ? classifyMessage(text, classifier) : classifier.classify(text);
}

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

const inputs =
  files.length > 0
    ? files.map((f) => [f, readFileSync(f, 'utf8')] as const)
    : [['stdin', readFileSync(0, 'utf8')] as const];
for (const [name, text] of inputs) print(name, await classifyText(text));
