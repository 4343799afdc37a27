// /analyze/ on a block of CS01 refusals: the message to Apple prefilled from the log (blocked IP,
// Txn IDs, first date, sending domain, no recipient), the breakdowns, the zone selector that
// changes the times shown, the chart's hourly ticks and focusable values, axe in light and dark.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { axeBothSchemes } from '../support/axe';
import { at } from '../support/base-path';

test.describe.configure({ timeout: 90_000 });
test.use({ timezoneId: 'UTC' });

const block = path.resolve(import.meta.dirname, '../fixtures/analyze/cs01-block.log');
const RECIPIENTS = ['anna@icloud.com', 'ben@me.com', 'cleo@icloud.com', 'dan@icloud.com'];

async function analyze(page: Page) {
  await page.goto(at('analyze/'));
  await expect(page.locator('[data-analyze]')).toHaveAttribute('data-state', 'idle');
  await page.locator('[data-analyze-files]').setInputFiles([block]);
  await expect(page.locator('[data-report]')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-analyze]')).toHaveAttribute('data-state', 'idle');
  await expect(page.locator('[data-report]')).toHaveAttribute('data-drawn', 'complete');
}

test('the message to Apple holds the blocked IP, the Txn IDs, the first date and the sending domain, and no recipient', async ({
  page,
}) => {
  await analyze(page);
  const draft = page.locator('[data-report] [data-apple-draft]');
  await expect(draft).toBeVisible();
  const text = (await draft.locator('[data-apple-draft-text]').textContent())!;
  const href = (await draft.locator('[data-apple-mailto]').getAttribute('href'))!;
  expect(href.startsWith('mailto:icloudadmin@apple.com?')).toBe(true);
  const body = decodeURIComponent(new URL(href).searchParams.get('body') ?? '');
  for (const part of [text, body]) {
    expect(part).toContain('198.51.100.7');
    expect(part).toContain('0c0ffee0-0000-4000-8000-00000000a001');
    expect(part).toContain('0c0ffee0-0000-4000-8000-00000000a002');
    expect(part).toMatch(/Since \d{4}-12-04 08:30 UTC/);
    expect(part).toContain('shop.example');
    for (const r of RECIPIENTS) expect(part).not.toContain(r);
  }
});

test('the breakdowns count by sending domain, MX host, named IP and bounced or deferred', async ({
  page,
}) => {
  await analyze(page);
  const senders = page.locator('[data-breakdown="senders"] tbody tr');
  await expect(senders.first()).toContainText('shop.example');
  await expect(senders.first()).toContainText('3');
  await expect(page.locator('[data-breakdown="ips"]')).toContainText('198.51.100.7');
  await expect(page.locator('[data-breakdown="hosts"]')).toContainText('mx02.mail.icloud.com');
  await expect(page.locator('[data-breakdown="status"]')).toContainText(/Deferred \(to be retried\)\s*1/);
});

test('the zone selector reads the log in another zone and changes the times shown', async ({ page }) => {
  await analyze(page);
  await expect(page.locator('[data-report-zone]')).toHaveAttribute('data-report-zone', 'UTC');
  const first = page.locator('[data-report-entry] td time').first();
  await expect(first).toHaveText(/\d{4}-12-04 08:30 UTC/);
  await page.locator('[data-analyze-zone]').selectOption('Asia/Tokyo');
  await expect(page.locator('[data-report-zone]')).toHaveAttribute('data-report-zone', 'Asia/Tokyo');
  // Wall-clock 08:30 in Tokyo is 23:30 UTC the day before; shown in Tokyo's zone.
  await expect(first).toHaveText(/\d{4}-12-04 08:30 GMT\+9/);
  await expect(first).toHaveAttribute('datetime', /-12-03T23:30:02\.000Z$/);
});

test('the chart has hourly ticks, and each value can be focused and read', async ({ page }) => {
  await analyze(page);
  const ticks = page.locator('.report-chart [data-chart-tick]');
  await expect(ticks).toHaveText(['09:00']);
  const bucket = page.locator('.report-chart .chart-bucket').first();
  await bucket.focus();
  await expect(page.locator('[data-chart-readout]')).toHaveText(
    /08:30 UTC: 1 iCloud reply .*% of iCloud attempts refused/,
  );
  await expect(bucket.locator('title')).toHaveText(/1 iCloud reply/);
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-chart-readout]')).toHaveText(/08:40 UTC: 1 iCloud reply/);
});

test('the chart text is at least 12 px tall on a 390 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await analyze(page);
  const heights = await page
    .locator('.report-chart .chart-label')
    .evaluateAll((els) =>
      els.map(
        (e) =>
          parseFloat(getComputedStyle(e).fontSize) *
          ((e as SVGGraphicsElement).ownerSVGElement!.getBoundingClientRect().width /
            (e as SVGGraphicsElement).ownerSVGElement!.viewBox.baseVal.width),
      ),
    );
  expect(heights.length).toBeGreaterThan(3);
  for (const h of heights) expect(h).toBeGreaterThanOrEqual(12);
});

test('axe: the report with breakdowns, chart and message to Apple (light and dark)', async ({ page }) => {
  await analyze(page);
  expect(await axeBothSchemes(page)).toEqual({ light: [], dark: [] });
});
