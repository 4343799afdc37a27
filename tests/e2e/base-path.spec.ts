// The site built under a base path (as on a GitHub Pages project site) keeps every internal link,
// asset and the Pagefind bundle under that base.
import { expect, test } from '@playwright/test';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const BASE = '/icloud-codes/';
const PORT = Number(process.env.BASE_PATH_PORT ?? 4399);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const astro = path.resolve('node_modules/.bin/astro');

test.describe.configure({ mode: 'serial' });

let server: ChildProcess | undefined;
let work: string;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  work = mkdtempSync(path.join(tmpdir(), 'base-path-'));
  const env = {
    ...process.env,
    BASE,
    OUT_DIR: path.join(work, 'dist'),
    ASTRO_CACHE_DIR: path.join(work, 'cache'),
  };
  execFileSync(astro, ['build'], { env, stdio: 'pipe' });
  server = spawn(astro, ['preview', '--host', '127.0.0.1', '--port', String(PORT), '--ignore-lock'], {
    env,
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${ORIGIN}${BASE}`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('astro preview did not start for the base-path build');
});

test.afterAll(() => {
  server?.kill();
  rmSync(work, { recursive: true, force: true });
});

test('home page, links and assets stay under the base path', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${ORIGIN}${BASE}`);
  await expect(page.locator('h1')).toBeVisible();
  const hrefs = await page
    .locator('a[href^="/"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.length).toBeGreaterThan(5);
  for (const href of hrefs) expect(href.startsWith(BASE), href).toBe(true);
  const assets = await page
    .locator('link[href^="/"], script[src^="/"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? ''));
  for (const asset of assets) expect(asset.startsWith(BASE), asset).toBe(true);
  expect(failed).toEqual([]);
});

test('an entry page opens from the home table and the Pagefind bundle is served under the base', async ({
  page,
  request,
}) => {
  await page.goto(`${ORIGIN}${BASE}`);
  const first = page.locator('.entry-table tbody a').first();
  const title = (await first.textContent())?.trim() ?? '';
  await first.click();
  await expect(page).toHaveURL(new RegExp(`^${ORIGIN}${BASE}codes/`));
  await expect(page.locator('h1')).toHaveText(title);
  expect((await request.get(`${ORIGIN}${BASE}pagefind/pagefind.js`)).ok()).toBe(true);
  expect((await request.get(`${ORIGIN}${BASE}rules.json`)).ok()).toBe(true);
});
