// The site built under a base path (as on a GitHub Pages project site) keeps every internal link,
// asset, the Pagefind bundle and search's result links under that base. The same build sets ISSUES_URL, so entry pages
// carry the prefilled "Report a problem" link (the main build, without it, has none).
import { expect, test } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../support/free-port';

const BASE = '/icloud-codes/';
const ISSUES_URL = 'https://github.com/example/icloud-codes/issues/new?labels=entry';
const astro = path.resolve('node_modules/.bin/astro');

test.describe.configure({ mode: 'serial' });

let server: ChildProcess | undefined;
let work: string;
let ORIGIN: string;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  work = mkdtempSync(path.join(tmpdir(), 'base-path-'));
  const env = {
    ...process.env,
    BASE,
    ISSUES_URL,
    OUT_DIR: path.join(work, 'dist'),
    ASTRO_CACHE_DIR: path.join(work, 'cache'),
  };
  const build = spawnSync(astro, ['build'], { env, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`astro build failed:\n${build.stdout}\n${build.stderr}`);
  const port = Number(process.env.BASE_PATH_PORT ?? (await freePort()));
  ORIGIN = `http://127.0.0.1:${port}`;
  server = spawn(astro, ['preview', '--host', '127.0.0.1', '--port', String(port), '--ignore-lock'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Kept to explain a server that does not come up (a port in use, a broken build).
  let output = '';
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  const answers = async () => {
    if (server!.exitCode !== null) return 'exited';
    try {
      return (await fetch(`${ORIGIN}${BASE}`)).ok ? 'up' : 'not ok';
    } catch {
      return 'not listening';
    }
  };
  await expect
    .poll(answers, { timeout: 20_000 })
    .toMatch(/^(up|exited)$/)
    .catch(() => undefined);
  if ((await answers()) === 'up') return;
  const how = server.exitCode === null ? 'did not answer within 20 s' : `exited with code ${server.exitCode}`;
  throw new Error(`astro preview for the base-path build on port ${port} ${how}. Its output:\n${output}`);
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

test('search under the base: results, sections and the best-match card link under it', async ({ page }) => {
  await page.goto(`${ORIGIN}${BASE}search/#q=${encodeURIComponent('550 5.1.1')}`);
  const links = page.locator('[data-search-page] [data-search-results] a');
  await expect(links.first()).toBeVisible();
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  for (const href of hrefs) expect(href, href).toMatch(new RegExp(`^${BASE}`));
  expect(hrefs.filter((h) => h.startsWith(`${BASE}codes/550-5-1-1-`))).not.toEqual([]);
  const card = page.locator('[data-code-match] a').first();
  await expect(card).toHaveAttribute('href', new RegExp(`^${BASE}codes/`));
  await page.goto(`${ORIGIN}${BASE}`);
  await page.keyboard.press('/');
  const dialog = page.locator('dialog[data-search-dialog]');
  await dialog.locator('[data-search-input]').fill('HM08');
  await expect(dialog.locator('a.search-result-link').first()).toHaveAttribute(
    'href',
    new RegExp(`^${BASE}codes/.*hm08`),
  );
});

test('with ISSUES_URL set, an entry page links to the issue form, prefilled with the entry', async ({
  page,
}) => {
  const id = '554-5-7-1-cs01';
  await page.goto(`${ORIGIN}${BASE}codes/${id}/`);
  const link = page.locator('a[data-report-problem]');
  await expect(link).toHaveText('Report a problem or a new variant');
  const href = new URL((await link.getAttribute('href'))!);
  expect(`${href.origin}${href.pathname}`).toBe('https://github.com/example/icloud-codes/issues/new');
  expect(href.searchParams.get('labels')).toBe('entry');
  expect(href.searchParams.get('title')).toBe(`${id}: problem or new variant`);
  expect(href.searchParams.get('body')).toContain(`Entry: ${id} (`);
  expect(href.searchParams.get('body')).toContain(`${BASE}codes/${id}/)`);
});
