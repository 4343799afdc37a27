// @ts-check
import { defineConfig, envField } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import pagefind from './src/integrations/pagefind.ts';
import { notARedirect } from './src/integrations/sitemap-filter.ts';

// Deployments elsewhere set SITE (the public origin) and BASE (a path prefix such as /icloud-codes/).
const site = process.env.SITE ?? 'https://icloud-codes.example.org';
const base = process.env.BASE ?? '/';
const outDir = process.env.OUT_DIR ?? './dist';

export default defineConfig({
  site,
  base,
  // Parallel builds (and the base-path e2e build) use their own output and cache folders.
  outDir,
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'ignore',
  // Entries hold reply strings, not source code; Shiki's inline colour styles would also break the CSP.
  markdown: { syntaxHighlight: false },
  // ISSUES_URL: the deployment's new-issue form; entry pages link to it, prefilled, when it is set.
  env: {
    schema: {
      ISSUES_URL: envField.string({ context: 'server', access: 'public', optional: true, url: true }),
    },
  },
  integrations: [mdx(), sitemap({ filter: notARedirect(outDir, site, base) }), pagefind()],
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "worker-src 'self' blob:",
      ],
      // Pagefind runs its search index as WebAssembly; nothing else widens script-src.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  vite: {
    // The classifier box's and /analyze/'s module workers load the MIME decoder on demand: ES output keeps that split.
    worker: { format: 'es' },
    build: {
      rollupOptions: {
        onwarn(warning, warn) {
          // Known harmless MDX bundling notice (withastro/astro#18087).
          if (
            warning.code === 'MODULE_LEVEL_DIRECTIVE' &&
            String(warning.message).includes('astro:head-inject')
          )
            return;
          warn(warning);
        },
      },
    },
  },
});
