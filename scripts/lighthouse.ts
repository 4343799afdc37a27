// npm run lighthouse [-- path ...]: Lighthouse scores of the built site (mobile defaults), page by
// page. Serves the build with `astro preview`, runs Lighthouse 13.5 through npx (kept out of the
// lockfile: it is large and only needed here) with $CHROME_PATH or /usr/bin/chromium, prints the
// category scores and exits non-zero when any is below 100.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PORT = Number(process.env.PORT ?? 4390);
const origin = `http://127.0.0.1:${PORT}`;
const pages =
  process.argv.slice(2).length > 0
    ? process.argv.slice(2)
    : [
        '/',
        '/codes/554-5-7-1-hm08/',
        '/codes/550/',
        '/classify/',
        '/analyze/',
        '/search/',
        '/tags/',
        '/sending-to-icloud/',
        '/private-relay/',
      ];

const server = spawn(
  'node_modules/.bin/astro',
  ['preview', '--host', '127.0.0.1', '--port', String(PORT), '--ignore-lock'],
  { stdio: 'ignore' },
);
const work = mkdtempSync(path.join(tmpdir(), 'lighthouse-'));
let belowFull = 0;
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${origin}/`)).ok) break;
    } catch {
      if (i > 100) throw new Error('astro preview did not start: run `npm run build` first');
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  for (const page of pages) {
    const out = path.join(work, 'report.json');
    const run = spawnSync(
      'npx',
      [
        '-y',
        'lighthouse@13.5.0',
        origin + page,
        '--quiet',
        '--output=json',
        `--output-path=${out}`,
        // As root Chromium needs --no-sandbox; the network flags keep its background calls off a closed network.
        '--chrome-flags=--headless=new --no-sandbox --disable-background-networking --disable-component-update',
      ],
      {
        env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    if (run.status !== 0) throw new Error(`lighthouse failed on ${page}`);
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      categories: Record<string, { title: string; score: number | null }>;
    };
    const scores = Object.values(report.categories).map((c) => ({
      title: c.title,
      score: Math.round((c.score ?? 0) * 100),
    }));
    belowFull += scores.filter((s) => s.score < 100).length;
    console.log(`${page}: ${scores.map((s) => `${s.title} ${s.score}`).join(', ')}`);
  }
} finally {
  server.kill();
  rmSync(work, { recursive: true, force: true });
}
process.exit(belowFull > 0 ? 1 : 0);
