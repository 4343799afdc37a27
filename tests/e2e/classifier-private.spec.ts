// The private box (issue 19) and its first screen (issue 18): the paste never reaches the address bar
// or the history, a #q= link shows its result and leaves no fragment behind, the redaction details sit
// beside their button so the first card is on the first screen, and stock wording links its entry.
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { axeBothSchemes } from '../support/axe';
import { at } from '../support/base-path';
import { loadEntries } from '../support/entries';

const entries = loadEntries().map(({ id, data }) => ({ id, ...data }));
const cs01 = entries.find((e) => e.tag === 'CS01' && e.code === 554)!;
const needMail = entries.find((e) => e.id === '503-5-5-1-need-mail-command')!;
const secrets = ['maria.keller', 'northwind-mail', '85.214.132.117', '4fbc0af0-417e-4180-91d8-66754d53a162'];
const line =
  `Dec  1 09:14:03 mail-out-3.northwind-mail.de postfix/smtp[20817]: 4Tq2Zx1k9Rz: to=<maria.keller@icloud.com>, ` +
  `relay=mx02.mail.icloud.com[17.57.155.34]:25, delay=1.4, dsn=5.7.1, status=bounced (host ` +
  `mx02.mail.icloud.com[17.57.155.34] said: ${cs01.reply} Txn ID ${secrets[3]} (in reply to end of DATA ` +
  `command)) client=${secrets[2]}`;

const box = (page: Page) => page.locator('[data-classifier]');
const input = (page: Page) => page.getByLabel('Paste a bounce message, a log line or an SMTP reply');
const cards = (page: Page) => page.locator('[data-classifier-results] > li');
const ready = (page: Page) => expect(box(page)).toHaveAttribute('data-state', 'ready');
const permalink = (text: string) => `${at('classify/')}#q=${encodeURIComponent(text)}`;
const historyNow = (page: Page) =>
  page.evaluate(() => ({
    href: location.href,
    length: history.length,
    state: JSON.stringify(history.state),
  }));

async function paste(page: Page, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await input(page).focus();
  await page.keyboard.press('ControlOrMeta+V');
}

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

test('after a paste, neither the address bar nor the history holds any part of it', async ({ page }) => {
  await page.goto(at('classify/'));
  await ready(page);
  const before = await historyNow(page);
  await paste(page, line);
  await expect(cards(page).first()).toHaveAttribute('data-entry', cs01.id);
  // Past the box's old 600 ms wait before it wrote the fragment.
  await page.waitForTimeout(800);
  const after = await historyNow(page);
  expect(after).toEqual(before);
  expect(new URL(after.href).hash).toBe('');
  for (const part of [...secrets, 'CS01', 'icloud'])
    expect(decodeURIComponent(after.href + after.state)).not.toContain(part);
});

test('a #q= link shows its result, then leaves no fragment in the address bar or behind Back', async ({
  page,
}) => {
  await page.goto(at(''));
  await page.goto(permalink(line));
  await expect(cards(page).first()).toHaveAttribute('data-entry', cs01.id);
  await expect(input(page)).toHaveValue(line);
  expect(page.url()).toBe(new URL(at('classify/'), page.url()).href);
  await page.goBack();
  await page.goForward();
  expect(page.url()).toBe(new URL(at('classify/'), page.url()).href);
  expect(await page.evaluate(() => history.state)).toBeNull();
});

test('the link without personal data comes first and is built only when pressed', async ({ page }) => {
  await page.goto(at('classify/'));
  await ready(page);
  await paste(page, line);
  await expect(cards(page).first()).toHaveAttribute('data-entry', cs01.id);
  const buttons = box(page).locator('[data-classifier-copy-redacted], [data-classifier-copy]');
  await expect(buttons.first()).toHaveText('Copy link without personal data');
  // No link sits in the page before a button is pressed.
  expect(await page.locator('[href*="#q="], [data-copy-text*="#q="]').count()).toBe(0);
  await buttons.first().click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  for (const part of secrets) expect(decodeURIComponent(copied)).not.toContain(part);
  expect(new URL(page.url()).hash).toBe('');
});

test('at 1280×800 the first card starts on the first screen after a one-line paste', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(at('classify/'));
  await ready(page);
  await paste(page, line);
  const card = cards(page).first();
  await expect(card).toHaveAttribute('data-entry', cs01.id);
  const top = await card.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  expect(top).toBeLessThan(800);
  // The replacements are one click away, beside the button they explain.
  const details = box(page).locator('[data-classifier-redaction-details]');
  await details.locator('summary').click();
  await expect(details.locator('li').filter({ hasText: 'maria.keller@icloud.com' })).toHaveText(
    /^Address: maria\.keller@icloud\.com → user@icloud\.com$/,
  );
  await expect(details.locator('li').filter({ hasText: secrets[2]! })).toHaveText(/^IP address: /);
});

test('the preview of an Office 365 NDR calls only the sender’s own names hosts', async ({ page }) => {
  const ndr = readFileSync(new URL('../fixtures/redact/o365-ndr-headers.txt', import.meta.url), 'utf8');
  await page.goto(at('classify/'));
  await ready(page);
  await paste(page, ndr);
  await expect(cards(page).first()).toBeVisible();
  const details = box(page).locator('[data-classifier-redaction-details]');
  await details.locator('summary').click();
  const hosts = await details
    .locator('li[data-kind="host"] code:first-of-type')
    .evaluateAll((codes) => codes.map((c) => c.textContent));
  expect(hosts).toEqual(['contoso-logistics.de', 'mail.contoso-logistics.de']);
  await expect(
    details.locator('li').filter({ hasText: /^Name before the @: dana\.whitfield → user$/ }),
  ).toHaveCount(1);
});

test('stock wording names the entry it would be, as a link to it', async ({ page }) => {
  await page.goto(at('classify/'));
  await ready(page);
  await paste(page, needMail.reply);
  const card = cards(page).first();
  await expect(card).toHaveAttribute('data-entry', 'none');
  await expect(card.locator('.result-why')).toContainText('If it came from iCloud, it is');
  await expect(card.locator('.result-why').getByRole('link', { name: needMail.title })).toHaveAttribute(
    'href',
    at(`codes/${needMail.id}/`),
  );
});

test('axe finds no violations with the redaction details open and a stock-wording card (light and dark)', async ({
  page,
}) => {
  await page.goto(at('classify/'));
  await ready(page);
  await paste(page, `${line}\n${needMail.reply}`);
  await expect(cards(page)).toHaveCount(2);
  await box(page).locator('[data-classifier-redaction-details] summary').click();
  await expect(page.locator('[data-classifier-status]')).not.toBeEmpty();
  expect(await axeBothSchemes(page)).toEqual({ light: [], dark: [] });
});
