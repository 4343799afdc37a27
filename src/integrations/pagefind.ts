// Builds the Pagefind index from the finished HTML and fails the build on any indexing error
// (the CLI only logs them), the way Starlight's integration does.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as pagefind from 'pagefind';

/** How the site is indexed; the search tests index their fixture pages the same way. '.' is kept as a
 *  word character so that "5.7.1" is one token (search-exact.ts then keeps it from matching "5.7.10"). */
export const INDEX_OPTIONS = { includeCharacters: '.[]' };

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'icloud-codes:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors: createErrors } = await pagefind.createIndex(INDEX_OPTIONS);
        if (!index) throw new Error(`Pagefind could not start: ${createErrors.join('; ')}`);
        const { errors, page_count } = await index.addDirectory({ path: site });
        if (errors.length) throw new Error(`Pagefind failed to index ${site}:\n${errors.join('\n')}`);
        if (page_count === 0) throw new Error('Pagefind indexed no pages: is data-pagefind-body missing?');
        const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
        if (written.errors.length)
          throw new Error(`Pagefind could not write its bundle: ${written.errors.join('; ')}`);
        logger.info(`Pagefind indexed ${page_count} pages`);
        await pagefind.close();
      },
    },
  };
}
