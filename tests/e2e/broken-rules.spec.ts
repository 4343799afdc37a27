// A /rules.json the engine cannot use (here the mailbox-store DSN record without its dsn.reason)
// is refused where it is read: the box and /analyze/ say which record and field, as the CLI does,
// instead of classifying with half a record and failing on the first DSN.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { at } from '../support/base-path';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/analyze');

/** Serves the built /rules.json with the DSN-keyed record's reason taken out. */
async function breakRules(page: Page): Promise<string> {
  let id = '';
  await page.context().route('**/rules.json', async (route) => {
    const records = (await (await route.fetch()).json()) as { id: string; dsn?: { status: string } }[];
    const store = records.find((r) => r.dsn)!;
    id = store.id;
    store.dsn = { status: store.dsn!.status };
    await route.fulfill({ json: records });
  });
  return new Promise((resolve) =>
    page.on('requestfinished', (r) => r.url().endsWith('rules.json') && resolve(id)),
  );
}

test('the box refuses rule data without dsn.reason, naming the record and the field', async ({ page }) => {
  const served = breakRules(page);
  await page.goto(`${at('classify/')}#q=${encodeURIComponent('550 5.1.1 user unknown')}`);
  const box = page.locator('[data-classifier]');
  await expect(box).toHaveAttribute('data-state', 'error');
  const status = box.getByRole('status');
  await expect(status).toContainText('could not load its rules');
  await expect(status).toContainText(`(${await served}): dsn.reason must be a string, got nothing`);
  await expect(page.locator('[data-classifier-results] li')).toHaveCount(0);
});

test('/analyze/ refuses the same rule data with the same line', async ({ page }) => {
  const served = breakRules(page);
  await page.goto(at('analyze/'));
  const analyze = page.locator('[data-analyze]');
  await expect(analyze).toHaveAttribute('data-state', 'idle');
  await page.locator('[data-analyze-files]').setInputFiles(path.join(fixtures, 'postfix.log'));
  await expect(page.getByRole('status').filter({ hasText: 'dsn.reason' })).toContainText(
    `(${await served}): dsn.reason must be a string, got nothing`,
  );
  await expect(page.locator('[data-report]')).toBeHidden();
});
