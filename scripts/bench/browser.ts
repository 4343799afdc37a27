// The bench's browser part: /analyze/ in headless Chromium on the realistic log (time to the report,
// longest main-thread task; --huge adds a 1 GB file), then /classify/ with a 1 MB and a 3 MB paste.
// Needs `npm run build`; serves dist/ with astro preview on BENCH_PORT (4441).
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { logLine, realisticLine, writeLog } from './logs.ts';
import { fmt, root } from './run.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4441);

declare global {
  /** What the bench's page scripts keep on the page between evaluations. */
  interface Window {
    longest: number;
    pasted: string;
  }
}

export async function browserBench(real: string, dir: string, huge: boolean) {
  const { chromium } = await import('@playwright/test');
  const server = spawn(
    path.join(root, 'node_modules/.bin/astro'),
    ['preview', '--host', '127.0.0.1', '--port', String(PORT), '--ignore-lock'],
    {
      cwd: root,
      stdio: 'ignore',
    },
  );
  try {
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${PORT}/analyze/`)).ok) break;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    });
    const files: [string, string][] = [['realistic log', real]];
    if (huge) {
      const hugeLog = path.join(dir, 'huge.log');
      await writeLog(hugeLog, 1024, realisticLine);
      files.push(['1 GB log', hugeLog]);
    }
    for (const [label, f] of files) {
      const page = await browser.newPage();
      await page.addInitScript(() => {
        const w = window;
        w.longest = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
      await page.goto(`http://127.0.0.1:${PORT}/analyze/`);
      await page.locator('[data-analyze][data-state="idle"]').waitFor();
      await page.evaluate(() => (window.longest = 0));
      const t = performance.now();
      await page.locator('[data-analyze-files]').setInputFiles(f);
      await page.locator('[data-report]:not([hidden])').waitFor({ timeout: 600_000 });
      const ms = performance.now() - t;
      const longest = await page.evaluate(() => window.longest);
      const icloud = await page
        .locator('[data-report-entry]')
        .evaluateAll((els) => els.reduce((n, e) => n + Number(e.getAttribute('data-count')), 0));
      console.log(
        `browser: /analyze/ on the ${label} (${fmt(statSync(f).size / 1_048_576, 0)} MB): report in ${fmt(ms)} ms (target ≤ 5,000 ms), longest main-thread task ${fmt(longest)} ms (target ≤ 100 ms), ${fmt(icloud)} iCloud replies`,
      );
      await page.close();
    }
    await classifyBench(browser);
    await browser.close();
  } finally {
    server.kill();
  }
}

/** /classify/: a pasted log of 1 MB and of 3 MB (one in three lines an iCloud reply). The text is put
 * into the page before the clock starts, so only the page's own work is timed: time from the paste to
 * the first cards, and the longest main-thread task until the last card is drawn. */
async function classifyBench(browser: import('@playwright/test').Browser) {
  for (const mb of [1, 3]) {
    const lines: string[] = [];
    for (let i = 0, size = 0; size < mb * 1_048_576; i++) {
      const line = i % 3 === 0 ? logLine(i * 2) : realisticLine(i * 20 + 5);
      lines.push(line);
      size += line.length + 1;
    }
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/classify/`);
    await page.locator('[data-classifier][data-state="ready"]').waitFor();
    await page.evaluate((text) => (window.pasted = text), lines.join('\n'));
    const { ms, longest } = await page.evaluate(async () => {
      const el = document.querySelector<HTMLTextAreaElement>('[data-classifier] textarea')!;
      const list = document.querySelector('[data-classifier-results]')!;
      const tasks: number[] = [];
      const observer = new PerformanceObserver((l) => tasks.push(...l.getEntries().map((e) => e.duration)));
      observer.observe({ type: 'longtask' });
      const start = performance.now();
      const first = new Promise<number>((resolve) =>
        new MutationObserver((_, obs) => {
          obs.disconnect();
          resolve(performance.now() - start);
        }).observe(list, { childList: true }),
      );
      el.value = window.pasted;
      el.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
      const ms = await first;
      // Long tasks are reported after they end; give the last one time to arrive.
      await new Promise((r) => setTimeout(r, 500));
      observer.disconnect();
      return { ms, longest: Math.max(0, ...tasks) };
    });
    console.log(
      `browser: /classify/ with a ${mb} MB paste (${fmt(lines.length)} lines): cards in ${fmt(ms)} ms, longest main-thread task ${fmt(longest)} ms (targets: 1 MB ≤ 200 ms to cards; 3 MB ≤ 100 ms per task)`,
    );
    await page.close();
  }
}
