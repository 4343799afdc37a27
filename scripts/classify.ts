// The command line from its TypeScript sources, without a Node build: the same program as the
// package's bin (src/node-api/cli.ts), reading dist/rules.json (or OUT_DIR's). The tests run it so.
import { main, rulesFile } from '../src/node-api/cli.ts';

await main(process.argv.slice(2), rulesFile('dist/rules.json'), {
  logs: new URL('../src/node-api/job-worker.ts', import.meta.url),
  folders: new URL('../src/node-api/folder-worker.ts', import.meta.url),
  replies: new URL('../src/node-api/reply-worker.ts', import.meta.url),
});
