// npm run measure: sizes of the built site (run after `npm run build`; OUT_DIR picks another build).
// For a page it counts the gzipped HTML, its CSS (linked and inline) and the JavaScript it loads before
// any interaction: <script src>, inline modules and their static imports, but not import() chunks,
// which load on demand (Pagefind, the message module with its MIME decoder).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = path.resolve(process.env.OUT_DIR ?? 'dist');
const gz = (s: string | Buffer) => gzipSync(s, { level: 9 }).length;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(full);
    return name.endsWith('.html') ? [full] : [];
  });
}

const fileFor = (url: string) => path.join(dist, url.replace(/^\//, ''));

/** A module and everything it imports statically, each file counted once. */
function moduleClosure(file: string, seen: Set<string>): void {
  if (seen.has(file)) return;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const m of source.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
    moduleClosure(path.resolve(path.dirname(file), m[1]!), seen);
  }
}

function measure(page: string) {
  const html = readFileSync(fileFor(page.endsWith('/') ? `${page}index.html` : page), 'utf8');
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) =>
    readFileSync(fileFor(m[1]!), 'utf8'),
  );
  const inlineCss = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
  const files = new Set<string>();
  for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) moduleClosure(fileFor(m[1]!), files);
  const inlineJs = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  for (const js of inlineJs) {
    for (const m of js.matchAll(/import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g))
      moduleClosure(fileFor(m[1]!), files);
  }
  const js =
    [...files].reduce((n, f) => n + gz(readFileSync(f)), 0) + inlineJs.reduce((n, s) => n + gz(s), 0);
  return {
    html: gz(html),
    css: css.reduce((n, s) => n + gz(s), 0) + inlineCss.reduce((n, s) => n + gz(s), 0),
    js,
  };
}

const pages = htmlFiles(dist);
console.log(`${pages.length} HTML pages in ${path.relative(process.cwd(), dist) || dist}`);
for (const page of ['/codes/554-5-7-1-hm08/', '/', '/classify/', '/search/']) {
  const { html, css, js } = measure(page);
  console.log(
    `${page}: HTML ${html} B + CSS ${css} B gzipped = ${html + css} B; JS loaded before interaction ${js} B gzipped`,
  );
}
const pagefind = readdirSync(path.join(dist, 'pagefind')).filter(
  (f) => /\.(js|css)$/.test(f) || f.startsWith('wasm.'),
);
console.log(
  `Pagefind bundle files (loaded on first search use): ${pagefind.map((f) => `${f} ${gz(readFileSync(path.join(dist, 'pagefind', f)))} B`).join(', ')}`,
);
