import { createClassifier } from './src/lib/classify/index.ts';
import { loadEntries } from './tests/support/entries.ts';
const c = createClassifier(loadEntries().map((e) => e.rule));
const inputs = process.argv.slice(2).length ? process.argv.slice(2) : [require('fs').readFileSync(0,'utf8')];
for (const i of inputs) console.log(JSON.stringify(c.classify(i).results.map(r => ({ id: r.entry?.id ?? 'none', conf: r.confidence, code: r.reply.code, enh: r.reply.enhanced, text: r.reply.text, ctx: r.reply.context, why: r.why, fmt: r.reply.format })), null, 1));
