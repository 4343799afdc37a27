// What changed: /changes/ newest first, /changes.xml as Atom (parsed by the browser's DOMParser),
// every entry page's history and feed link, and axe on /changes/ in light and dark.
import { expect, test } from '@playwright/test';
import { axeViolations } from '../support/axe';
import { loadEntries } from '../support/entries';
import { isoDay } from '../../src/lib/day';

const entries = loadEntries();

test('/changes/ lists every entry’s changes, newest first, linking each entry', async ({ page }) => {
  await page.goto('/changes/');
  const items = page.locator('[data-change]');
  await expect(items).toHaveCount(entries.reduce((n, e) => n + e.data.history.length, 0));
  const days = await items.evaluateAll((els) => els.map((el) => el.getAttribute('data-change-day') ?? ''));
  expect(days).toEqual([...days].sort().reverse());
  const headings = await page
    .locator('main h2 time')
    .evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
  expect(headings).toEqual([...new Set(days)]);
  const newest = entries
    .flatMap((e) => e.data.history.map((c) => isoDay(c.date)))
    .sort()
    .at(-1);
  expect(days[0]).toBe(newest);
  const first = items.first().locator('a');
  await expect(first).toHaveAttribute('href', /^\/codes\/[a-z0-9-]+\/#change-\d{4}-\d\d-\d\d/);
});

test('/changes.xml parses as Atom with at least one item per entry', async ({ page, request }) => {
  const response = await request.get('/changes.xml');
  // The static host picks the Content-Type from the extension (astro preview says text/xml): what
  // makes it Atom is the document, checked below.
  expect(response.ok()).toBe(true);
  const xml = await response.text();
  await page.goto('/changes/');
  const feed = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'application/xml');
    const ns = 'http://www.w3.org/2005/Atom';
    return {
      error: doc.getElementsByTagName('parsererror').length,
      root: `${doc.documentElement.namespaceURI} ${doc.documentElement.localName}`,
      links: [...doc.getElementsByTagNameNS(ns, 'entry')].map(
        (e) => e.getElementsByTagNameNS(ns, 'link')[0]?.getAttribute('href') ?? '',
      ),
      complete: [...doc.getElementsByTagNameNS(ns, 'entry')].every((e) =>
        ['id', 'title', 'updated', 'summary'].every((n) => e.getElementsByTagNameNS(ns, n)[0]?.textContent),
      ),
    };
  }, xml);
  expect(feed.error).toBe(0);
  expect(feed.root).toBe('http://www.w3.org/2005/Atom feed');
  expect(feed.complete).toBe(true);
  for (const { id } of entries) {
    expect(
      feed.links.some((l) => new URL(l).pathname === `/codes/${id}/`),
      id,
    ).toBe(true);
  }
});

for (const { id, data } of entries) {
  test(`/codes/${id}/ shows its history and links the feed`, async ({ page }) => {
    await page.goto(`/codes/${id}/`);
    const history = page.locator('[data-entry-history]');
    const times = await history
      .locator('time')
      .evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
    expect(times).toEqual(data.history.map((c) => isoDay(c.date)).reverse());
    await expect(history.locator('li').last()).toContainText(data.history[0]!.summary);
    await expect(history.locator('a[data-feed-link]')).toHaveAttribute('href', '/changes.xml');
    await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
      'href',
      '/changes.xml',
    );
  });
}

test('the footer links /changes/', async ({ page }) => {
  await page.goto('/');
  await page.locator('footer').getByRole('link', { name: 'changes', exact: true }).click();
  await expect(page).toHaveURL(/\/changes\/$/);
  await expect(page.locator('h1')).toHaveText('What changed');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: /changes/ (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/changes/');
    expect(await axeViolations(page)).toEqual([]);
  });
}
