// The message to Apple on entry pages: where it is and is not, what a pasted reply fills in, that
// recipients stay out unless asked, and axe in light and dark with the draft filled.
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from '../support/axe';

const WITH_DRAFT = ['554-5-7-1-cs01', '550-5-7-1-cs01', '554-5-7-1-hm08'];
const PROOFPOINT =
  'Dec  4 09:07:00 mail postfix/smtp[903]: 6C3D4: to=<cleo@mac.com>, relay=mx6.mail.icloud.com[17.178.97.79]:25, dsn=4.7.0, status=deferred (host mx6.mail.icloud.com[17.178.97.79] refused to talk to me: 550 5.7.0 Blocked - see https://ipcheck.proofpoint.com/?ip=198.51.100.23)';
const CS01 =
  'Dec  4 09:00:02 mail postfix/smtp[901]: 4F1A2: to=<anna@icloud.com>, relay=mx01.mail.icloud.com[17.57.154.6]:25, dsn=5.7.1, status=bounced (host mx01.mail.icloud.com[17.57.154.6] said: 554 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137. Txn ID 0c0ffee0-0000-4000-8000-00000000a001 (in reply to end of DATA command))';
const SENDER =
  'Dec  4 09:00:01 mail postfix/qmgr[812]: 4F1A2: from=<news@shop.example>, size=4211, nrcpt=1 (queue active)';

for (const id of WITH_DRAFT) {
  test(`/codes/${id}/ carries the message to Apple with a mailto link`, async ({ page }) => {
    await page.goto(`/codes/${id}/`);
    const draft = page.locator('[data-apple-draft]');
    await expect(draft).toHaveCount(1);
    await expect(draft.locator('[data-apple-mailto]')).toHaveAttribute(
      'href',
      /^mailto:icloudadmin@apple\.com\?subject=/,
    );
    await expect(draft.locator('[data-apple-draft-text]')).toContainText('Company: [company name]');
  });
}

test('the “user does not exist” page has no message to Apple', async ({ page }) => {
  await page.goto('/codes/550-5-1-1-user-does-not-exist/');
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('[data-apple-draft]')).toHaveCount(0);
});

async function pasteReplies(page: Page) {
  await page.goto('/codes/554-5-7-1-cs01/');
  await page.locator('#apple-draft-company').fill('Shop & Co');
  await page.locator('[data-apple-paste]').fill([SENDER, CS01, PROOFPOINT].join('\n'));
}

const mailtoBody = async (page: Page) => {
  const href = (await page.locator('[data-apple-mailto]').getAttribute('href')) ?? '';
  return new URL(href).searchParams.get('body') ?? '';
};

test('a pasted reply fills the IP, the Txn ID and the domain into the draft and the mailto body', async ({
  page,
}) => {
  await pasteReplies(page);
  const text = page.locator('[data-apple-draft-text]');
  await expect(text).toContainText('Affected sending IPs: 198.51.100.23');
  await expect(text).toContainText('Txn ID 0c0ffee0-0000-4000-8000-00000000a001');
  await expect(text).toContainText('Sending domain(s): shop.example');
  await expect(text).toContainText('Company: Shop & Co');
  await expect(page.locator('#apple-draft-ips')).toHaveValue('198.51.100.23');
  const body = await mailtoBody(page);
  expect(body).toContain('198.51.100.23');
  expect(body).toContain('0c0ffee0-0000-4000-8000-00000000a001');
  expect(body).toContain('Company: Shop & Co');
  for (const address of ['anna@icloud.com', 'cleo@mac.com']) {
    await expect(text).not.toContainText(address);
    expect(body).not.toContain(address);
  }
});

test('recipient addresses join the draft only when the box is ticked', async ({ page }) => {
  await pasteReplies(page);
  await page.getByLabel('Add the recipient addresses found in the pasted text').check();
  const text = page.locator('[data-apple-draft-text]');
  await expect(text).toContainText('anna@icloud.com');
  await expect(text).toContainText('cleo@mac.com');
  expect(await mailtoBody(page)).toContain('anna@icloud.com');
  await page.getByLabel('Add the recipient addresses found in the pasted text').uncheck();
  await expect(text).not.toContainText('anna@icloud.com');
});

test('a field the sender typed into keeps its text when a paste fills the others', async ({ page }) => {
  await page.goto('/codes/554-5-7-1-hm08/');
  await page.locator('#apple-draft-ips').fill('203.0.113.7');
  await page.locator('[data-apple-paste]').fill(PROOFPOINT);
  await expect(page.locator('#apple-draft-ips')).toHaveValue('203.0.113.7');
  await expect(page.locator('#apple-draft-replies')).toHaveValue(/550 5\.7\.0 Blocked/);
});

test('the draft is usable from the keyboard: tab to the paste box, type, reach copy and mail', async ({
  page,
}) => {
  await page.goto('/codes/554-5-7-1-cs01/');
  await page.locator('[data-apple-paste]').focus();
  await page.keyboard.type('554 5.7.1 [CS01] Message rejected due to local policy. Txn ID abcdef-123456');
  for (const label of ['Company', 'Sending domain(s)', 'Affected sending IPs']) {
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(label, { exact: true })).toBeFocused();
  }
  await expect(page.locator('[data-apple-draft-text]')).toContainText('Txn ID abcdef-123456');
  await page.getByRole('button', { name: 'Copy the draft' }).focus();
  await expect(page.getByRole('button', { name: 'Copy the draft' })).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: the filled draft with recipients (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await pasteReplies(page);
    await page.getByLabel('Add the recipient addresses found in the pasted text').check();
    await expect(page.locator('[data-apple-draft-text]')).toContainText('anna@icloud.com');
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('without JavaScript the fields, the address and a template draft are there', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/codes/554-5-7-1-cs01/');
  await expect(page.locator('[data-apple-draft-nojs]')).toBeVisible();
  await expect(page.locator('#apple-draft-company')).toBeVisible();
  await expect(page.locator('[data-apple-draft-text]')).toContainText('Sending domain(s): [sending domains]');
  await expect(page.locator('[data-apple-mailto]')).toHaveAttribute('href', /^mailto:icloudadmin@apple\.com/);
  await context.close();
});
