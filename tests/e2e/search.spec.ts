// Search: the /search/ page and the header box (Pagefind's JS API), the best-match card for pasted
// replies, filters, keyboard use, sub-results, the CSP and the cost of loading search. Expectations come
// from the collection (content/codes/*.mdx), never from a hand-written list of entries.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import * as pagefind from 'pagefind';
import { INDEX_OPTIONS } from '../../src/integrations/pagefind';
import { axeBothSchemes } from '../support/axe';
import { loadEntries, type EntryFile } from '../support/entries';

const entries = loadEntries();
const resultLinks = '[data-search-results] a.search-result-link';
const pageInput = '[data-search-page] [data-search-input]';
const summary = '[data-search-page] [data-search-summary]';
const dialogSelector = 'dialog[data-search-dialog]';
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
  await expect(page.locator(summary)).toContainText(/result/);
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

// What people type (reply strings, codes and symptoms in their own words), and which entries may
// legitimately come first for it. Where a confirmed entry and an unverified variant both fit, the
// confirmed one must win.
const id =
  (...ids: string[]) =>
  (e: EntryFile) =>
    ids.includes(e.id);
const category =
  (...cs: string[]) =>
  (e: EntryFile) =>
    cs.includes(e.data.category);
const queries: { query: string; expect: (e: EntryFile) => boolean; page?: string }[] = [
  { query: 'HM08', expect: (e) => e.data.tag === 'HM08' },
  { query: '[CS01]', expect: (e) => e.data.tag === 'CS01' },
  { query: '5.7.1', expect: (e) => e.data.enhanced === '5.7.1' },
  { query: '550 5.1.1', expect: (e) => e.data.code === 550 && e.data.enhanced === '5.1.1' },
  { query: 'user is over quota', expect: id('552-5-2-2-over-quota') },
  { query: 'Relay access denied', expect: (e) => saysText(e, 'Relay access denied') },
  // The mailbox store's DSN is the other captured answer; the unconfirmed 450 must not come first.
  { query: 'mailbox full', expect: id('552-5-2-2-over-quota', 'dsn-4-2-2-over-quota') },
  { query: 'icloud storage full', expect: id('552-5-2-2-over-quota') },
  // The guide to Hide My Email and Sign in with Apple is a right first answer for these too.
  {
    query: 'hide my email bounce',
    expect: (e) => e.data.category.startsWith('recipient-') && /relay|inactive/.test(e.id),
    page: '/private-relay/',
  },
  {
    query: 'hide my email turned off',
    expect: id('550-5-1-1-inactive-email-address'),
    page: '/private-relay/',
  },
  {
    query: 'sign in with apple relay address',
    expect: id('550-5-1-1-relay-user-not-found', '550-5-1-1-relay-unauthorized-sender'),
  },
  { query: 'private relay unauthorized sender', expect: id('550-5-1-1-relay-unauthorized-sender') },
  { query: 'icloud blocking emails', expect: category('policy-block', 'blocklist', 'authentication') },
  { query: 'dmarc reject', expect: id('554-5-7-1-dmarc') },
  { query: 'spf and dkim failing', expect: id('554-5-7-1-hme1') },
  // Both are Spamhaus IP lists; only the PBL form is captured from iCloud.
  { query: 'spamhaus listed ip', expect: id('550-5-7-1-spamhaus-pbl', '550-5-7-1-spamhaus-sbl') },
  {
    query: 'proofpoint ip reputation',
    expect: id('550-5-7-0-proofpoint-blocked', '554-5-7-0-proofpoint-blocked'),
  },
  { query: 'too many errors', expect: id('421-4-7-0-too-many-errors') },
  { query: 'sending too much volume throttled', expect: id('421-4-7-1-excessive-volume') },
  { query: 'helo host name not resolving', expect: id('450-4-7-1-helo-host-not-found') },
  { query: 'bounce domain not in dns', expect: id('450-4-1-8-sender-domain-not-found') },
  { query: 'address does not exist', expect: id('550-5-1-1-user-does-not-exist') },
  { query: 'mailbox no longer on system', expect: id('550-5-1-6-no-longer-on-system') },
  { query: 'custom domain mx points to icloud', expect: id('554-5-7-1-relay-access-denied') },
  {
    query: 'refused at the greeting',
    expect: id('554-not-accepting-connections', '554-5-7-0-proofpoint-blocked'),
  },
  { query: 'try again later service unavailable', expect: id('451-4-7-1-service-unavailable') },
  { query: 'unknown user during apple incident', expect: id('550-5-1-1-no-user-record') },
  // Questions in plain words. A blocked IP is what Proofpoint's and Spamhaus's replies say outright
  // ("Blocked - see …?ip=", "Mail from IP … was rejected"); the CS01/HM08 replies name no IP.
  {
    query: 'icloud blocked my ip',
    expect: id('550-5-7-0-proofpoint-blocked', '554-5-7-0-proofpoint-blocked', '550-5-7-1-spamhaus-pbl'),
  },
  {
    query: 'how do i get my ip off the icloud blocklist',
    expect: id('550-5-7-1-spamhaus-pbl', '550-5-7-1-spamhaus-sbl', '550-5-7-0-proofpoint-blocked'),
  },
  { query: 'what does HM08 mean', expect: (e) => e.data.tag === 'HM08' },
  { query: 'how do i fix cs01', expect: (e) => e.data.tag === 'CS01' },
  { query: 'is my domain failing dmarc at icloud', expect: id('554-5-7-1-dmarc', '550-5-7-1-dmarc') },
  { query: 'what is the icloud message size limit', expect: () => false, page: '/sending-to-icloud/' },
];

for (const { query, expect: fits, page: guide } of queries) {
  test(`"${query}" puts its entry first`, async ({ page }) => {
    const allowed = [...entries.filter(fits).map((e) => entryPath(e.id)), ...(guide ? [guide] : [])];
    expect(allowed, `no entry or page fits "${query}"`).not.toEqual([]);
    expect(allowed).toContain(await firstResult(page, query));
  });
}

// Apple's postmaster address and how to write to it are in the sending guide's contact section.
for (const query of ['icloudadmin', 'apple postmaster', 'contact apple', 'how to contact apple postmaster']) {
  test(`"${query}" leads to the sending guide's contact section first`, async ({ page }) => {
    expect(await firstResult(page, query)).toBe('/sending-to-icloud/');
    await expect(
      page
        .locator('[data-search-results] li.search-result')
        .first()
        .locator('a.search-section-link[href$="#contact-apple"]'),
    ).toBeVisible();
  });
}

test('a question keeps its words in the box and the address bar while its filler is not searched', async ({
  page,
}) => {
  const question = 'how to contact apple postmaster';
  await search(page, question);
  await expect(page.locator(summary)).toContainText('contact apple postmaster');
  await expect(page.locator(pageInput)).toHaveValue(question);
  expect(decodeURIComponent(new URL(page.url()).hash)).toBe(`#q=${question}`);
  await page.locator(pageInput).fill('icloud blocked my ip');
  await expect(page.locator(resultLinks).first()).toHaveAttribute('href', /blocked|spamhaus/);
  await expect(page).toHaveURL(/#q=icloud%20blocked%20my%20ip$/);
});

// Pagefind puts a space only around some elements (p, td, li, headings…): table headers, captions,
// dt/dd and buttons with no space between them in the built HTML used to run together in snippets.
test('no snippet runs labels or words together', async ({ page }) => {
  const names =
    /^\W*(iCloud|non-iCloud|SendGrid|SocketLabs|JavaScript|ZoneMTA|TidBITS|SimpleLogin|diagnosticCode|RateLimited)(’s|'s)?\W*$/;
  const glued: string[] = [];
  for (const query of [
    '421',
    'retry',
    'domains',
    'limit',
    'transaction',
    'copy link',
    'analyze',
    'attested',
  ]) {
    await search(page, query);
    await expect(page.locator('.search-result-excerpt').first()).toBeVisible();
    const texts = await page
      .locator('.search-result-excerpt, .search-section-excerpt')
      .evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    for (const word of texts.join(' ').split(/\s+/))
      if (/\p{Ll}\p{Lu}|\)\p{L}/u.test(word) && !names.test(word)) glued.push(`${query}: ${word}`);
  }
  expect(glued).toEqual([]);
});

// The site has no page with a longer code such as 5.7.10 for "5.7.1" to match by mistake, so this test
// serves a fixture index instead, built like the site's (INDEX_OPTIONS) from two pages, under the real
// /search/ page and its scripts.
test.describe('dotted codes against a fixture index with 5.7.1 and 5.7.10', () => {
  let bundle: string;
  test.beforeAll(async () => {
    bundle = await mkdtemp(path.join(tmpdir(), 'pagefind-fixture-'));
    const { index } = await pagefind.createIndex(INDEX_OPTIONS);
    const page = (title: string, text: string) =>
      `<html lang="en"><body><main data-pagefind-body><h1>${title}</h1><p>${text}</p></main></body></html>`;
    await index!.addHTMLFile({
      url: '/codes/one/',
      content: page('Policy block', '554 5.7.1 rejected by policy'),
    });
    await index!.addHTMLFile({
      url: '/codes/ten/',
      content: page('Encryption', '550 5.7.10 rejected, encryption needed'),
    });
    await index!.writeFiles({ outputPath: bundle });
    await pagefind.close();
  });
  test.afterAll(() => rm(bundle, { recursive: true, force: true }));

  const serveFixture = (page: Page) =>
    page.route('**/pagefind/**', async (route) => {
      const file = path.join(bundle, new URL(route.request().url()).pathname.replace(/^.*\/pagefind\//, ''));
      await route.fulfill({
        body: await readFile(file),
        contentType: file.endsWith('.js') ? 'text/javascript' : undefined,
      });
    });
  const hrefs = (page: Page) =>
    page
      .locator(resultLinks)
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

  test('Pagefind alone matches "5.7.1" as a prefix of "5.7.10", so the site must narrow it', async ({
    page,
  }) => {
    await serveFixture(page);
    await page.goto('/search/');
    // Pagefind's documented JS API, on the fixture bundle.
    const found = await page.evaluate(async (bundle) => {
      type Api = { search(q: string): Promise<{ results: { data(): Promise<{ url: string }> }[] }> };
      const pf = (await import(bundle)) as Api;
      const r = await pf.search('5.7.1');
      return Promise.all(r.results.map(async (x) => (await x.data()).url));
    }, '/pagefind/pagefind.js');
    expect(found.sort()).toEqual(['/codes/one/', '/codes/ten/']);
  });

  test('"5.7.1" finds the page with 5.7.1 only, "5.7.10" the other, and both keep ranked results', async ({
    page,
  }) => {
    await serveFixture(page);
    await search(page, '5.7.1');
    await expect.poll(() => hrefs(page)).toEqual(['/codes/one/']);
    await search(page, '5.7.10');
    await expect.poll(() => hrefs(page)).toEqual(['/codes/ten/']);
    await search(page, 'rejected');
    await expect.poll(async () => (await hrefs(page)).sort()).toEqual(['/codes/one/', '/codes/ten/']);
  });
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

test('a bare code lists the entries with that code, never a "no match" card', async ({ page }) => {
  for (const query of ['550 5.1.1', '5.7.1']) {
    const [code, enhanced] = query.includes(' ') ? query.split(' ') : [undefined, query];
    const expected = entries
      .filter((e) => (!code || e.data.code === Number(code)) && e.data.enhanced === enhanced)
      .map((e) => e.id);
    await search(page, query);
    const card = page.locator(`[data-code-match="${query}"]`);
    await expect(card.locator('li[data-entry]')).toHaveCount(expected.length);
    expect(
      (await card.locator('li').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-entry')))).sort(),
    ).toEqual(expected.sort());
    await expect(page.locator('[data-best-match]')).toHaveCount(0);
  }
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
  const input = page.locator(pageInput);
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
    Number(/^(\d+) result/.exec((await page.locator(summary).textContent())!.trim())?.[1]);
  const before = await count();
  await page.getByLabel('Basic code').selectOption('550');
  await expect.poll(count).toBeLessThan(before);
  expect(await count()).toBeGreaterThan(0);
  const hrefs = await page.locator(resultLinks).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const h of hrefs) expect(h).toMatch(/^\/codes\/550-/);
});

test('matching sections show as sub-results linking to their heading', async ({ page }) => {
  await search(page, 'suppress');
  await expect(
    page.locator('[data-search-results] a.search-section-link[href*="#retry-and-suppression"]').first(),
  ).toBeVisible();
});

test('results come ten at a time, with matches marked in the excerpts', async ({ page }) => {
  await search(page, 'suppress');
  const total = Number(/^(\d+) results/.exec((await page.locator(summary).textContent())!)?.[1]);
  expect(total).toBeGreaterThan(20);
  const cards = page.locator('[data-search-page] li.search-result');
  await expect(cards).toHaveCount(10);
  await expect(cards.first().locator('.search-result-excerpt mark').first()).toHaveText(/^suppress/i);
  await page.locator('[data-search-page] [data-search-more]').click();
  await expect(cards).toHaveCount(20);
});

test('results show the reply and the summary', async ({ page }) => {
  const hm08 = entries.find((e) => e.data.tag === 'HM08')!;
  await search(page, 'HM08');
  const first = page.locator('[data-search-results] li.search-result').first();
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
  const dialog = page.locator(dialogSelector);
  await expect(dialog).toBeVisible();
  const input = dialog.locator('[data-search-input]');
  await expect(input).toBeFocused();
  await input.fill('5.7.1');
  const links = dialog.locator(resultLinks);
  await expect(links.nth(1)).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(links.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(links.first()).not.toBeFocused();
  await expect(dialog.locator('[data-search-results] a:focus')).toHaveCount(1);
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
  const dialog = page.locator(dialogSelector);
  await expect(dialog.locator('[data-search-input]')).toBeFocused();
  await dialog
    .locator('[data-search-input]')
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
  await expect(page.locator(pageInput)).toBeFocused();
  await expect(page.locator(dialogSelector)).toBeHidden();
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

test('axe: /search/ with results and a best match (light and dark)', async ({ page }) => {
  const hm08 = entries.find((e) => e.data.tag === 'HM08')!;
  await search(page, hm08.data.reply);
  await expect(page.locator('[data-best-match]')).toBeVisible();
  await expect(page.locator('.search-result-reply').first()).toBeVisible();
  expect(await axeBothSchemes(page)).toEqual({ light: [], dark: [] });
});

test('axe: the header search dialog (light and dark)', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('/');
  await page.locator(`${dialogSelector} [data-search-input]`).fill('HM08');
  await expect(page.locator(`${dialogSelector} a.search-result-link`).first()).toBeVisible();
  expect(await axeBothSchemes(page)).toEqual({ light: [], dark: [] });
});
