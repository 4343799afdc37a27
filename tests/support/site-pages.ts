// Every page of the built site, read from the sitemap the build wrote (so new pages are covered
// without editing the tests). Paths are returned relative to the site root.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export function builtPages(outDir = process.env.OUT_DIR ?? 'dist'): string[] {
  const dir = path.resolve(outDir);
  const files = readdirSync(dir).filter((f) => /^sitemap-\d+\.xml$/.test(f));
  if (files.length === 0) throw new Error(`no sitemap in ${dir}: build the site first`);
  const urls = files.flatMap((f) =>
    [...readFileSync(path.join(dir, f), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? ''),
  );
  return urls.map((u) => new URL(u).pathname).sort();
}
