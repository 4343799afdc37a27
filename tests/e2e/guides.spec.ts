// The three guides: each renders its heading and sections without JavaScript; /tags/ has a section
// for every tag the collection uses and links to its entries; the home page links to the guides;
// entries link to the guide sections that concern them, and those sections exist.
import { expect, test } from '@playwright/test';
import { loadEntries } from '../support/entries';
import { GUIDES } from '../../src/data/guides';
import { TAG_NOTES } from '../../src/data/tag-notes';

const entries = loadEntries();
const tagged = entries.filter((e) => e.data.tag);
const tags = [...new Set(tagged.map((e) => e.data.tag!))];
const byId = new Map(entries.map((e) => [e.id, e]));

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const [key, guide] of Object.entries(GUIDES) as [
    keyof typeof GUIDES,
    (typeof GUIDES)[keyof typeof GUIDES],
  ][]) {
    test(`/${guide.path} shows its heading, sections and sources`, async ({ page }) => {
      const response = await page.goto(`/${guide.path}`);
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1')).toHaveText(guide.title);
      await expect(page.locator('main[data-pagefind-body]')).toHaveCount(1);
      for (const id of GUIDES[key].sections) await expect(page.locator(`main [id="${id}"]`)).toBeVisible();
      // The page's own table of contents and other in-page links lead to sections that exist.
      for (const href of await page
        .locator('main a[href^="#"]')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
        await expect(page.locator(`[id="${href.slice(1)}"]`), href).toHaveCount(1);
      }
      const sourceLinks = page.locator('#sources + ul a');
      expect(await sourceLinks.count()).toBeGreaterThan(0);
      for (const href of await sourceLinks.evaluateAll((as) =>
        as.map((a) => (a as HTMLAnchorElement).href),
      )) {
        expect(new URL(href).protocol).toMatch(/^https?:$/);
      }
    });
  }
});

test('/sending-to-icloud/ gives Apple’s contact and labels third-party numbers as unverified', async ({
  page,
}) => {
  await page.goto(`/${GUIDES.sending.path}`);
  await expect(page.locator('section:has(#contact-apple)')).toContainText('icloudadmin@apple.com');
  const claims = page.locator('section:has(#third-party-claims) li');
  await expect(claims.filter({ hasText: '150 connections' })).toContainText('Unverified');
  await expect(claims.filter({ hasText: '5,000' })).toContainText('Unverified');
  await expect(page.locator('section:has(#limits) table tbody tr')).toHaveCount(4);
});

test('/tags/ has a section for every tag the collection uses, linking to its entries', async ({ page }) => {
  await page.goto(`/${GUIDES.tags.path}`);
  for (const tag of tags) {
    const section = page.locator(`section[data-tag="${tag}"]`);
    await expect(section.locator(`h2#${tag.toLowerCase()}`)).toHaveText(`[${tag}]`);
    const expected = tagged
      .filter((e) => e.data.tag === tag)
      .map((e) => e.id)
      .sort();
    const linked = await section
      .locator('[data-entry-link]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('data-entry-link')));
    expect(linked.sort()).toEqual(expected);
    for (const id of expected) {
      await expect(page.locator(`tr[data-tag-row="${tag}"] a[href$="/codes/${id}/"]`)).toHaveCount(1);
    }
  }
});

test('/tags/ describes every Apple tag seen; a tag without an entry links where the classifier sends it', async ({
  page,
}) => {
  await page.goto(`/${GUIDES.tags.path}`);
  for (const { tag } of TAG_NOTES) {
    const section = page.locator(`section[data-tag="${tag}"]`);
    await expect(section.locator('h2')).toHaveText(`[${tag}]`);
    await expect(section.locator('.tag-evidence')).toBeVisible();
    if (tags.includes(tag)) continue;
    const target = await section.locator('[data-entry-link]').getAttribute('data-entry-link');
    // With no entry of its own, the tag lands on an untagged policy-block entry.
    const entry = byId.get(target ?? '');
    expect(entry?.data.tag).toBeUndefined();
    expect(entry?.data.category).toBe('policy-block');
  }
  const labels = await page.locator('#not-apple ~ ul li .claim-label').allTextContents();
  expect(labels.length).toBeGreaterThan(0);
});

test('the home page links to the three guides', async ({ page }) => {
  await page.goto('/');
  for (const guide of Object.values(GUIDES)) {
    await expect(page.locator(`section:has(#guides) a[href$="/${guide.path}"]`)).toHaveText(guide.title);
  }
  await page.locator('.site-nav a', { hasText: 'Guides' }).click();
  await expect(page).toHaveURL(/#guides$/);
});

for (const e of tagged) {
  test(`entry ${e.id} links to /tags/#${e.data.tag!.toLowerCase()}`, async ({ page }) => {
    await page.goto(`/codes/${e.id}/`);
    const link = page.locator(`section:has(#guides) a[href$="/tags/#${e.data.tag!.toLowerCase()}"]`);
    await expect(link).toHaveCount(1);
    await link.click();
    await expect(page.locator(`#${e.data.tag!.toLowerCase()}`)).toBeInViewport();
  });
}

const relay = entries.filter((e) =>
  [e.data.reply, ...e.data.examples.map((x) => x.text)].some((t) => t.includes('privaterelay.appleid.com')),
);
for (const e of relay) {
  test(`relay entry ${e.id} links to the private-relay guide`, async ({ page }) => {
    await page.goto(`/codes/${e.id}/`);
    await expect(page.locator(`section:has(#guides) a[href*="/${GUIDES.relay.path}#"]`)).not.toHaveCount(0);
  });
}

test('every guide link on an entry page points at a section that exists', async ({ page }) => {
  // One page load per entry and per linked guide: far more than one test's usual work.
  test.slow();
  const targets = new Set<string>();
  for (const e of entries) {
    await page.goto(`/codes/${e.id}/`);
    const hrefs = await page
      .locator('section:has(#guides) li a')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(0);
    hrefs.forEach((h) => targets.add(h));
  }
  for (const href of targets) {
    const [path, id] = href.split('#');
    await page.goto(path!);
    await expect(page.locator(`[id="${id}"]`), href).toHaveCount(1);
  }
});
