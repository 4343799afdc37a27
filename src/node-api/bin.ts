#!/usr/bin/env node
// The package's command, `icloud-mail-reply-codes`: bundled by scripts/build-bin.ts into
// dist-node/cli.js, beside the rules.json of the site build it was made with (OUT_DIR overrides).
import { enableCompileCache } from 'node:module';

// V8's compiled code for the program below is kept (in the system's temporary folder) for the next
// run, so a run does not compile the classifier again (NODE_DISABLE_COMPILE_CACHE=1 turns it off).
// Worker threads take it from the environment they are given, a copy of this one.
const { directory } = enableCompileCache();
if (directory) process.env.NODE_COMPILE_CACHE ??= directory;
const { main, rulesFile } = await import('./cli.ts');
await main(process.argv.slice(2), rulesFile(new URL('./rules.json', import.meta.url)), {
  logs: new URL('./cli-worker.js', import.meta.url),
  folders: new URL('./cli-folder-worker.js', import.meta.url),
  replies: new URL('./cli-reply-worker.js', import.meta.url),
});
