// npm run corpus -- [--collection] [--all] DIR …: classifies every message file under the folders
// (recursively) and prints which were credited to iCloud, with which entries, plus totals: the
// check that a bounce corpus (Sisimai's set-of-emails) gets no false iCloud credits. Uses the rule
// data of the built site (dist/rules.json, or OUT_DIR's), or with --collection the entries in
// content/codes straight away.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Classification } from '../src/lib/classify/types.ts';
import { engineFor, engineFromFile, MissingRulesError, type Engine } from '../src/node-api/engine.ts';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const dirs = args.filter((a) => !a.startsWith('--'));
if (dirs.length === 0) {
  console.error('usage: npm run corpus -- [--collection] [--all] DIR …');
  process.exit(2);
}

async function engine(): Promise<Engine> {
  if (flags.has('--collection')) {
    const { loadEntries } = await import('../src/node-api/entry-files.ts');
    return engineFor(loadEntries().map((e) => e.rule));
  }
  const file = path.resolve(process.env.OUT_DIR ?? 'dist', 'rules.json');
  try {
    return engineFromFile(file);
  } catch (error) {
    console.error(
      error instanceof MissingRulesError
        ? `No rule data at ${file}: run \`npm run build\` first, or pass --collection.`
        : String(error),
    );
    process.exit(2);
  }
}

/** Message files: everything but dot files and obvious non-messages. */
function files(dir: string): string[] {
  let names: string[];
  try {
    if (statSync(dir).isFile()) return [path.basename(dir)];
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    console.error(`Cannot read ${dir}.`);
    process.exit(2);
  }
  return names
    .filter((n) => !path.basename(n).startsWith('.') && statSync(path.join(dir, n)).isFile())
    .filter((n) => !/\.(?:md|gz|zip|png|jpe?g|pl|rb|go|py)$/i.test(n))
    .sort();
}

const { classify } = await engine();
const label = (r: Classification) => `${r.entry!.id} (${r.confidence})`;

let messages = 0;
let withReply = 0;
let credited = 0;
let replies = 0;
let creditedReplies = 0;
const perEntry = new Map<string, number>();
const lookAlikes: string[] = [];
const autoReplies: string[] = [];

for (const dir of dirs) {
  const root = statSync(dir).isFile() ? path.dirname(dir) : dir;
  for (const name of files(dir)) {
    const text = readFileSync(path.join(root, name), 'utf8');
    const outcome = await classify(text);
    messages++;
    if (outcome.autoReply) autoReplies.push(`${name}\t${outcome.autoReply.marker}`);
    replies += outcome.results.length;
    if (outcome.results.length) withReply++;
    const hits = outcome.results.filter((r) => r.entry);
    if (hits.length) {
      credited++;
      creditedReplies += hits.length;
      for (const h of hits) perEntry.set(h.entry!.id, (perEntry.get(h.entry!.id) ?? 0) + 1);
      console.log(`${name}\t${[...new Set(hits.map(label))].join(', ')}`);
    } else if (outcome.results.some((r) => r.looksLikeICloud)) {
      lookAlikes.push(name);
    }
    if (flags.has('--all') && !hits.length) {
      console.log(`${name}\tnone\t${outcome.results[0]?.why ?? outcome.message ?? ''}`);
    }
  }
}

console.log('');
if (lookAlikes.length) {
  console.log(`Apple context or stock iCloud wording, but no entry (${lookAlikes.length}):`);
  for (const n of lookAlikes) console.log(`  ${n}`);
}
if (autoReplies.length) {
  console.log(`Automatic replies, not bounces (${autoReplies.length}):`);
  for (const a of autoReplies) console.log(`  ${a}`);
}
console.log(`Entries credited: ${[...perEntry].map(([id, n]) => `${id} ${n}`).join(', ') || 'none'}`);
console.log(
  `${messages} messages, ${withReply} with an SMTP reply or DSN, ${credited} credited to iCloud (${creditedReplies} of ${replies} replies).`,
);
