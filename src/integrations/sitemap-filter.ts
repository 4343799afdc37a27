// Keeps pages that only redirect (the tag short links, /hm08/ …) out of the sitemap: a sitemap lists
// canonical pages, and those pages name their destination as canonical. The sitemap integration runs
// after the build, so the filter can look at each built page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function notARedirect(outDir: string, site: string, base: string) {
  const root = new URL(base.replace(/\/?$/, '/'), site).pathname;
  return (page: string): boolean => {
    const path = decodeURIComponent(new URL(page).pathname).slice(root.length);
    try {
      return !/<meta http-equiv="refresh"/i.test(readFileSync(join(outDir, path, 'index.html'), 'utf8'));
    } catch {
      return true;
    }
  };
}
