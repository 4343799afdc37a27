// The bench's walk figure: the log walk alone (../../src/lib/report/log-walk.ts) over the realistic
// log, in WebAssembly and in its JavaScript twin, chunk by chunk as the report reads it, in the same
// run: what the WebAssembly walk saves, and what a browser without it pays.
import { readFileSync } from 'node:fs';
import { firstDigits, replyCodes } from '../../src/lib/lexicon.ts';
import { jsWalk, type Walk } from '../../src/lib/report/log-walk.ts';
import { walkSpec } from '../../src/lib/report/log-walk-spec.ts';
import { wasmWalk } from '../../src/lib/report/log-walk-wasm.ts';
import { entries } from './logs.ts';
import { fmt } from './run.ts';

const CHUNK = 1 << 20;
const RUNS = 3;

/** The least time of RUNS walks over `bytes`, in ms. */
function timeWalk(walk: Walk, bytes: Uint8Array): number {
  let best = Infinity;
  for (let run = 0; run < RUNS; run++) {
    const t = performance.now();
    for (let at = 0; at < bytes.length;) {
      const chunk = bytes.subarray(at, Math.min(at + CHUNK, bytes.length));
      const limit = chunk.lastIndexOf(10) + 1 || chunk.length;
      walk(chunk, limit);
      at += limit;
    }
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

export function walkBench(log: string) {
  const bytes = readFileSync(log);
  const codeFirst = firstDigits(replyCodes(entries.map((e) => e.rule.code)));
  const spec = walkSpec(codeFirst);
  const wasm = wasmWalk(spec);
  const js = timeWalk(jsWalk(spec, codeFirst), bytes);
  const mb = bytes.length / 1_048_576;
  if (!wasm)
    return console.log(`walk: JavaScript ${fmt(js)} ms on ${fmt(mb)} MB; WebAssembly cannot run here`);
  const fast = timeWalk(wasm, bytes);
  console.log(
    `walk: the log walk alone on ${fmt(mb)} MB: WebAssembly ${fmt(fast)} ms (${fmt(mb / (fast / 1000))} MB/s), its JavaScript twin ${fmt(js)} ms (${fmt(js / fast, 1)}×)`,
  );
}
