// Search: the /search/ page and the header box (Pagefind's Component UI), the best-match card for pasted
// replies, filters, keyboard use, sub-results, the CSP and the cost of loading search. Expectations come
// from the collection (content/codes/*.mdx), never from a hand-written list of entries.
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from '../support/axe';
import { loadEntries, type EntryFile } from '../support/entries';

const entries = loadEntries();
const resultLinks = 'pagefind-results a.pf-result-link';
const entryPath = (id: string) => `/codes/${id}/`;

/** Records CSP violations and console errors/warnings from the first script on. */
async function watch(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.exposeFunction('__reportViolation', (text: string) => problems.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __reportViolation(t: string): void }).__reportViolation(
        `CSP ${e.violatedDirective}: ${e.blockedURI}`,
      ),
    );
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return problems;
}

async function search(page: Page, query: string) {
  await page.goto(`/search/#q=${encodeURIComponent(query)}`);
  await expect(page.locator('pagefind-summary')).toContainText(/result/);
}

async function firstResult(page: Page, query: string): Promise<string> {
  await search(page, query);
  const first = page.locator(resultLinks).first();
  await expect(first).toBeVisible();
  return new URL((await first.getAttribute('href'))!, 'http://x').pathname;
}

const lower = (s: string) => s.toLowerCase();
const saysText = (e: EntryFile, text: string) =>
  [e.data.reply, ...e.data.examples.map((x) => x.text)].some((t) => lower(t).includes(lower(text)));

// What people type, and which entries may legitimately come first for it.
const queries: { query: string; expect: (e: EntryFile) => boolean }[] = [
  { query: 'HM08', expect: (e) => e.data.tag === 'HM08' },
  { query: '[CS01]', expect: (e) => e.data.tag === 'CS01' },
  { query: '5.7.1', expect: (e) => e.data.enhanced === '5.7.1' },
  { query: '550 5.1.1', expect: (e) => e.data.code === 550 && e.data.enhanced === '5.1.1' },
  { query: 'user is over quota', expect: (e) => saysText(e, 'user is over quota') },
  { query: 'Relay access denied', expect: (e) => saysText(e, 'Relay access denied') },
];

for (const { query, expect: fits } of queries) {
  test(`"${query}" puts its entry first`, async ({ page }) => {
    const allowed = entries.filter(fits).map((e) => entryPath(e.id));
    test.skip(allowed.length === 0, `no entry for "${query}" yet`);
    expect(allowed).toContain(await firstResult(page, query));
  });
}

test('"5.7.1" finds only pages with 5.7.1 as a whole code, never 5.7.10', async ({ page }) => {
  await search(page, '5.7.1');
  // Every result, not only the ones rendered so far: ask the same Pagefind instance the page uses.
  const pages = await page.evaluate(async () => {
    type Core = {
      search(q: string): Promise<{ results: { data(): Promise<{ url: string; content: string }> }[] }>;
    };
    const w = window as unknown as {
      PagefindComponents: { getInstanceManager(): { getInstance(): { __pagefind__: Core } } };
    };
    const found = await w.PagefindComponents.getInstanceManager().getInstance().__pagefind__.search('5.7.1');
    return Promise.all(found.results.map((r) => r.data()));
  });
  expect(pages.length).toBeGreaterThan(0);
  for (const p of pages) expect(p.content, p.url).toMatch(/(?<![\d.])5\.7\.1(?!\d)/);
});

test('every entry is the best match for its own reply pasted with real-looking data', async ({ page }) => {
  test.setTimeout(30_000 + entries.length * 3_000);
  const problems = await watch(page);
  // A DSN-keyed entry has no SMTP reply to quote after `said:`; its input is a multi-line
  // delivery-status part, which the one-line search field cannot hold (the classifier box covers it).
  for (const e of entries.filter((x) => !x.data.dsn)) {
    const reply = e.data.reply
      .replaceAll('x@icloud.com', 'maria.keller@icloud.com')
      .replaceAll('example.com', 'northwind-mail.de')
      .replaceAll('192.0.2.1', '85.214.132.117');
    const pasted = `host mx02.mail.icloud.com[17.57.155.34] said: ${reply} Txn ID 4fbc0af0-417e-4180-91d8-66754d53a162`;
    await page.goto(`/search/#q=${encodeURIComponent(pasted)}`);
    await expect(page.locator('[data-best-match]'), e.id).toHaveAttribute('data-entry', e.id);
    await expect(page.locator('[data-best-match] a').first()).toHaveAttribute('href', entryPath(e.id));
  }
  expect(problems).toEqual([]);
});

test('plain searches do not load the classifier', async ({ page }) => {
  const loaded: string[] = [];
  page.on('request', (r) => loaded.push(r.url()));
  await search(page, 'HM08');
  await expect(page.locator(resultLinks).first()).toBeVisible();
  expect(loaded.filter((u) => u.includes('rules.json') || u.includes('search-best-match'))).toEqual([]);
  await expect(page.locator('[data-best-match]')).toHaveCount(0);
});

test('the fragment follows the box, and a changed fragment runs a new search', async ({ page }) => {
  await page.goto('/search/');
  const input = page.locator('pagefind-input input');
  await expect(input).toBeFocused();
  await input.fill('user does not exist');
  await expect(page).toHaveURL(/#q=user%20does%20not%20exist$/);
  await page.evaluate(() => (location.hash = '#q=HM08'));
  await expect(input).toHaveValue('HM08');
  await expect(page.locator(resultLinks).first()).toHaveAttribute('href', /hm08/);
});

test('filters narrow the results', async ({ page }) => {
  await search(page, '5.7.1');
  const count = async () =>
    Number(/^(\d+) result/.exec((await page.locator('pagefind-summary').textContent())!.trim())?.[1]);
  const before = await count();
  await page.locator('pagefind-filter-dropdown[filter="code"] button').first().click();
  await page.getByRole('option', { name: /^550/ }).click();
  await page.keyboard.press('Escape');
  await expect.poll(count).toBeLessThan(before);
  expect(await count()).toBeGreaterThan(0);
  const hrefs = await page.locator(resultLinks).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const h of hrefs) expect(h).toMatch(/^\/codes\/550-/);
});

test('matching sections show as sub-results linking to their heading', async ({ page }) => {
  await search(page, 'suppress');
  await expect(
    page.locator('pagefind-results a.pf-heading-link[href*="#retry-and-suppression"]').first(),
  ).toBeVisible();
});

test('results show the reply and the summary', async ({ page }) => {
  const hm08 = entries.find((e) => e.data.tag === 'HM08')!;
  await search(page, 'HM08');
  const first = page.locator('pagefind-results li.pf-result').first();
  await expect(first.locator('.search-result-reply')).toHaveText(hm08.data.reply);
  await expect(first.locator('.search-result-summary')).toHaveText(hm08.data.summary);
});

test('the header box on an entry page: Pagefind loads only on use, "/" opens, arrows move, Escape closes', async ({
  page,
}) => {
  const problems = await watch(page);
  const scripts = new Map<string, number>();
  page.on('response', async (r) => {
    const type = r.request().resourceType();
    const url = r.url();
    if (type === 'script' || url.endsWith('.js') || url.endsWith('.pagefind'))
      scripts.set(url, gzipSync(await r.body()).length);
  });
  const id = entries.find((e) => e.data.tag === 'HM08')!.id;
  await page.goto(entryPath(id));
  await page.waitForLoadState('networkidle');
  const total = () => [...scripts.values()].reduce((a, b) => a + b, 0);
  const before = total();
  expect([...scripts.keys()].filter((u) => u.includes('/pagefind/'))).toEqual([]);
  expect(before).toBeLessThan(4 * 1024);

  await page.keyboard.press('/');
  const dialog = page.locator('pagefind-modal dialog');
  await expect(dialog).toBeVisible();
  const input = dialog.locator('pagefind-input input');
  await expect(input).toBeFocused();
  await input.fill('5.7.1');
  const links = dialog.locator(resultLinks);
  await expect(links.nth(1)).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(links.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(links.first()).not.toBeFocused();
  await expect(dialog.locator('pagefind-results a:focus')).toHaveCount(1);
  await page.keyboard.press('ArrowUp');
  await expect(links.first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.waitForLoadState('networkidle');
  const after = total();
  test.info().annotations.push({
    type: 'JS gzipped, entry page',
    description: `before search: ${before} B; after: ${after} B`,
  });
  console.log(`JS (gzipped) on ${entryPath(id)}: ${before} B before search is used, ${after} B after`);
  expect(problems).toEqual([]);
});

test('the header box opens on click and shows the best match for a pasted reply', async ({ page }) => {
  const problems = await watch(page);
  const hm08 = entries.find((e) => e.data.tag === 'HM08')!;
  await page.goto('/');
  const box = page.locator('[data-search-trigger]');
  await box.focus();
  await box.click();
  const dialog = page.locator('pagefind-modal dialog');
  await expect(dialog.locator('pagefind-input input')).toBeFocused();
  await dialog
    .locator('pagefind-input input')
    .fill(hm08.data.reply.replace('x@icloud.com', 'maria.keller@icloud.com'));
  await expect(dialog.locator('[data-best-match]')).toHaveAttribute('data-entry', hm08.id);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(box).toBeFocused();
  expect(problems).toEqual([]);
});

test('"/" on /search/ focuses its own box', async ({ page }) => {
  await search(page, 'HM08');
  await page.locator('h1').click();
  await page.keyboard.press('/');
  await expect(page.locator('[data-search-page] pagefind-input input')).toBeFocused();
  await expect(page.locator('pagefind-modal')).toHaveCount(0);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the header box is a link to /search/, which says search needs JavaScript', async ({ page }) => {
    await page.goto('/');
    await page.locator('[data-search-trigger]').click();
    await expect(page).toHaveURL(/\/search\/$/);
    await expect(page.locator('[data-search-nojs]')).toContainText('needs JavaScript');
  });
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: /search/ with results and a best match (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const hm08 = entries.find((e) => e.data.tag === 'HM08')!;
    await search(page, hm08.data.reply);
    await expect(page.locator('[data-best-match]')).toBeVisible();
    await expect(page.locator('.search-result-reply').first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });

  test(`axe: the header search dialog (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    await page.keyboard.press('/');
    await page.locator('pagefind-modal dialog pagefind-input input').fill('HM08');
    await expect(page.locator('pagefind-modal dialog a.pf-result-link').first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}
