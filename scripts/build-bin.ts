// Bundles the package's command (src/node-api/bin.ts) into OUT/cli.js, its --jobs workers into
// OUT/cli-worker.js, OUT/cli-folder-worker.js and OUT/cli-reply-worker.js, and the Node API
// (src/node-api/index.ts) into OUT/node-api/index.js with rolldown (Vite's bundler): one file of the code the classifier needs at
// start-up, and chunks for the report and the MIME decoder, loaded when a run needs them, shared by
// the command and the Node API. Installed dependencies stay imports.
import { build } from 'rolldown';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const pkg = (await import(path.join(root, 'package.json'), { with: { type: 'json' } })).default as {
  dependencies: Record<string, string>;
};
// postal-mime is bundled, so its Blob can be replaced (src/node-api/joined-blob.ts says why).
const bundled = new Set(['postal-mime']);
const external = [
  /^node:/,
  ...Object.keys(pkg.dependencies)
    .filter((d) => !bundled.has(d))
    .map((d) => new RegExp(`^${d}(/|$)`)),
];

export async function buildBin(out: string): Promise<void> {
  await build({
    // The --jobs workers are entries of their own: worker threads start from a file. The Node API
    // is one too, so its messages are decoded with the same Blob: with Node's own, a folder of
    // bounces took 1.6 times as long through analyzeFiles() as through the command.
    input: {
      'node-api/index': path.join(root, 'src/node-api/index.ts'),
      cli: path.join(root, 'src/node-api/bin.ts'),
      'cli-worker': path.join(root, 'src/node-api/job-worker.ts'),
      'cli-folder-worker': path.join(root, 'src/node-api/folder-worker.ts'),
      'cli-reply-worker': path.join(root, 'src/node-api/reply-worker.ts'),
    },
    platform: 'node',
    external,
    transform: { inject: { Blob: [path.join(root, 'src/node-api/joined-blob.ts'), 'JoinedBlob'] } },
    logLevel: 'warn',
    output: {
      dir: out,
      format: 'esm',
      entryFileNames: '[name].js',
      // .mjs: Node reads a .js file outside a "type": "module" package (a copy of the command in
      // a temporary folder) twice at every start, to tell CommonJS from an ES module.
      chunkFileNames: 'cli/[name]-[hash].mjs',
      // Two chunks rather than one per shared module: the code every run needs (the command, the
      // engine, the classifier) and the report's. Rolldown cut them into 10 and 17 modules, each
      // resolved, read and linked at start-up (the start-up took 4 % more instructions). The MIME
      // decoder stays a chunk of its own, loaded at the first message.
      codeSplitting: {
        groups: [
          {
            name: 'core',
            test: /src[\\/](?:lib[\\/](?!report[\\/]|classify[\\/]message)|node-api[\\/](?:cli|engine|inputs|node-fs|reply-lines|json-out|small-heap|cli-jobs)\.ts)/,
            priority: 2,
          },
          {
            name: 'report',
            test: /src[\\/](?:lib[\\/]report[\\/]|node-api[\\/](?:analyze|summary-text|summary-breakdowns)\.ts)/,
            priority: 1,
          },
        ],
      },
      // A module with one non-ASCII character is held as UTF-16, which Node encodes back to UTF-8
      // at every start (2 % of the start-up's instructions); comments are only more to read.
      charset: 'ascii',
      comments: false,
    },
  });
}

if (import.meta.main) await buildBin(path.resolve(process.argv[2] ?? path.join(root, 'dist-node')));
