#!/usr/bin/env node
// The package's command, `icloud-mail-reply-codes`: bundled by scripts/build-bin.ts into
// dist-node/cli.js, beside the rules.json of the site build it was made with (OUT_DIR overrides).
import { main, rulesFile } from './cli.ts';

await main(process.argv.slice(2), rulesFile(new URL('./rules.json', import.meta.url)));
