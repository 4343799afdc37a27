// Builds the npm package into dist-node/ (after `astro build` in `npm run build`, and by `npm pack`
// through `prepack`): the Node API's type declarations (tsc, from src/node-api and what it imports),
// the bundled command cli.js and Node API node-api/index.js (./build-bin.ts), and the rule data of
// the last site build (dist/rules.json, or OUT_DIR's) beside them.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildBin } from './build-bin.ts';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'dist-node');
const rules = path.resolve(process.env.OUT_DIR ?? path.join(root, 'dist'), 'rules.json');
if (!existsSync(rules)) {
  console.error(`build-node-api: no rule data at ${rules}: run \`npm run build\` first.`);
  process.exit(2);
}

rmSync(out, { recursive: true, force: true });
const tsc = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.node-api.json')],
  {
    stdio: 'inherit',
  },
);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

// tsc rewrites `.ts` import paths in JavaScript only; declarations get `.js` paths here, also for
// the sources' extensionless type imports, so consumers with Node's module resolution find them.
for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
  const file = path.join(entry.parentPath, entry.name);
  const text = readFileSync(file, 'utf8').replace(
    /(from\s+['"])(\.{1,2}\/[^'"]+?)(?:\.ts)?(['"])/g,
    (_, a: string, spec: string, b: string) => `${a}${spec.endsWith('.js') ? spec : `${spec}.js`}${b}`,
  );
  writeFileSync(file, text);
}
await buildBin(out);
copyFileSync(rules, path.join(out, 'rules.json'));
