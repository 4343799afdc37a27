// Every entry page shows its reply, its facts, the four sections in order, standards and sources;
// every basic-code page lists exactly its entries. Expectations come from the content files.
import { expect, test } from '@playwright/test';
import { loadEntries } from '../support/entries';
import { CATEGORIES, EVIDENCE, OWNERS, RETRY, SUPPRESS } from '../../src/lib/vocabulary';
import { isoDay } from '../../src/lib/day';
import { axeViolations } from '../support/axe';

const entries = loadEntries();
const SECTIONS = ['what-it-means', 'why-icloud-sends-it', 'what-to-do', 'retry-and-suppression'];

for (const { id, data } of entries) {
  test(`entry page /codes/${id}/ shows the reply, facts and sections`, async ({ page }) => {
    const response = await page.goto(`/codes/${id}/`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveText(data.title);
    await expect(page.locator('pre[data-reply]')).toHaveText(data.reply);
    await expect(page.locator('[data-fact="retry"]')).toContainText(RETRY[data.retry]);
    await expect(page.locator('[data-fact="suppress"]')).toHaveText(SUPPRESS[data.suppress]);
    await expect(page.locator('[data-fact="owner"]')).toHaveText(OWNERS[data.owner]);
    await expect(page.locator('[data-fact="category"]')).toHaveText(CATEGORIES[data.category]);
    await expect(page.locator('[data-fact="evidence"]')).toContainText(EVIDENCE[data.evidence]);
    // How others label it: Sisimai's reason, and each ESP label a source shows.
    await expect(page.locator('[data-label="sisimai"]')).toContainText(data.labels.sisimai.reason);
    await expect(page.locator('[data-label="esp"]')).toHaveText((data.labels.esps ?? []).map((e) => e.label));

    const ids = await page.locator('.entry-body h2').evaluateAll((hs) => hs.map((h) => h.id));
    expect(ids).toEqual(SECTIONS);
    await expect(page.locator('#what-to-do + ol > li, #what-to-do ~ ol > li').first()).toBeVisible();

    // The review date right under the title.
    const reviewed = page.locator('[data-entry-reviewed] time');
    await expect(reviewed).toHaveAttribute('datetime', isoDay(data.reviewed));
    const h1 = (await page.locator('h1').boundingBox())!;
    const date = (await page.locator('[data-entry-reviewed]').boundingBox())!;
    expect(date.y).toBeGreaterThanOrEqual(h1.y + h1.height - 1);
    expect(date.y - (h1.y + h1.height)).toBeLessThanOrEqual(200);

    // "On this page" lists every h2 of the article, in order, by its id and text.
    const headings = await page
      .locator('article h2')
      .evaluateAll((hs) => hs.map((h) => ({ href: `#${h.id}`, text: h.textContent!.trim() })));
    const listed = await page
      .locator('.section-links li a')
      .evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent!.trim() })));
    expect(listed).toEqual(headings);

    // The box for someone who only sent the message comes before the steps; the labels after them.
    const order = await page.evaluate(() => {
      const at = (s: string) => document.querySelector(s)!;
      const before = (a: string, b: string) =>
        !!(at(a).compareDocumentPosition(at(b)) & Node.DOCUMENT_POSITION_FOLLOWING);
      return {
        onlySentFirst: before('[data-only-sent]', '#what-to-do'),
        labelsAfter: before('#retry-and-suppression', '#others-label'),
      };
    });
    expect(order).toEqual({ onlySentFirst: true, labelsAfter: true });
    await expect(page.locator('[data-only-sent] p').first()).toBeVisible();
    // No issue form set for this build: no report link.
    if (!process.env.ISSUES_URL) await expect(page.locator('[data-report-problem]')).toHaveCount(0);

    const shown = await page.locator('pre[data-example]').allTextContents();
    expect(shown).toEqual(data.examples.map((ex) => ex.text));
    await expect(page.locator('#standards')).toBeVisible();
    const sourceLinks = page.locator('#sources + ul a');
    await expect(sourceLinks).toHaveCount(data.sources.length);
    for (const href of await sourceLinks.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
      expect(href).toMatch(/^https?:\/\//);
      expect(new URL(href).hostname).not.toBe('127.0.0.1');
    }
  });
}

test('"If you only sent the message" says whom to tell and what to write, by who must act', async ({
  page,
}) => {
  const policy = entries.find((e) => e.data.tag === 'CS01' && e.data.code === 554)!;
  await page.goto(`/codes/${policy.id}/`);
  const box = page.locator('[data-only-sent]');
  await expect(box).toContainText(
    'Forward the whole bounce to your IT department or your email provider’s support',
  );
  await box.locator('summary').click();
  await expect(box.locator('[data-only-sent-note]')).toContainText(`“554 5.7.1 [CS01]”`);
  await expect(box.locator('[data-only-sent-note]')).toContainText(`/codes/${policy.id}/`);

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await axeViolations(page), `note open, ${scheme}`).toEqual([]);
  }

  const full = entries.find((e) => e.data.owner === 'recipient' && e.data.category === 'mailbox-full')!;
  await page.goto(`/codes/${full.id}/`);
  await expect(page.locator('[data-only-sent]')).toContainText('Tell them another way');
});

// Entries keyed by a DSN have no basic code, and so no basic-code page.
const codes = [...new Set(entries.flatMap((e) => (e.data.code === undefined ? [] : [e.data.code])))];
for (const code of codes) {
  test(`basic-code page /codes/${code}/ lists exactly its entries`, async ({ page }) => {
    await page.goto(`/codes/${code}/`);
    await expect(page.locator('h1')).toContainText(String(code));
    const listed = await page
      .locator('.entry-table tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-entry')));
    const expected = entries.filter((e) => e.data.code === code).map((e) => e.id);
    expect(listed.sort()).toEqual(expected.sort());
  });
}

test('the home page lists every entry and links to every basic-code page', async ({ page }) => {
  await page.goto('/');
  const listed = await page
    .locator('.entry-table tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-entry')));
  expect(listed.sort()).toEqual(entries.map((e) => e.id).sort());
  for (const code of codes) await expect(page.locator(`a[href="/codes/${code}/"]`).first()).toBeVisible();
});

test('an unknown address shows the 404 page with a way back', async ({ page }) => {
  const response = await page.goto('/codes/999-9-9-9-nothing/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page not found');
  await expect(page.locator('main a[href="/"]')).toBeVisible();
});

test('/rules.json holds one record per entry, with the page URL and the entry’s own rules', async ({
  request,
}) => {
  const rules = (await (await request.get('/rules.json')).json()) as {
    id: string;
    url: string;
    code?: number;
    dsn?: unknown;
    match: unknown[];
    labels: { sisimai: { reason: string }; esps: { esp: string; label: string; source: string }[] };
  }[];
  expect(rules.map((r) => r.id).sort()).toEqual(entries.map((e) => e.id).sort());
  for (const { id, data } of entries) {
    const record = rules.find((r) => r.id === id)!;
    expect(record.url).toBe(`/codes/${id}/`);
    expect(record.code).toBe(data.code);
    expect(record.dsn).toEqual(data.dsn);
    expect(record.match).toEqual(data.match);
    expect(record.labels.sisimai.reason).toBe(data.labels.sisimai.reason);
    expect(record.labels.esps).toEqual(data.labels.esps);
  }
});

test('every entry’s JSON twin carries how others label it', async ({ request }) => {
  for (const { id, data } of entries) {
    const twin = (await (await request.get(`/codes/${id}.json`)).json()) as {
      labels?: { sisimai: { reason: string } };
    };
    expect(twin.labels?.sisimai.reason, id).toBe(data.labels.sisimai.reason);
  }
});
