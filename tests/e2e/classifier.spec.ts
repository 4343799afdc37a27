// The classifier box on /classify/ and the home page: permalinks, typing, pasting, dropping files,
// several replies, non-iCloud replies, no network while classifying, pasted markup staying text,
// keyboard use, axe, speed on 1 MB of log, and the JavaScript it costs. Expected entries come from
// the entries themselves (content/codes/*.mdx), so new entries are covered without editing this file.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { test, expect, type Page } from '@playwright/test';
import { axeBothSchemes } from '../support/axe';
import { at } from '../support/base-path';
import { loadEntries } from '../support/entries';
import { HOLD_CHARS } from '../../src/browser/classifier-held';
import { thousands } from '../../src/lib/thousands';

const root = path.resolve(import.meta.dirname, '../..');
const entries = loadEntries().map(({ id, data }) => ({ id, ...data }));
type Entry = (typeof entries)[number];
// Apple's bracket tags are the least ambiguous rule, so format-wrapping tests use tagged entries.
const tagged = entries.filter((e) => e.tag);
const hm08 = entries.find((e) => e.tag === 'HM08')!;

const IN_REPLY_TO: Record<string, string> = { rcpt: 'RCPT TO', data: 'end of DATA', mail: 'MAIL FROM' };
const postfixLine = (e: Entry, n = 1) =>
  `Nov 27 10:00:0${n % 10} mx postfix/smtp[30396]: 11C95134${n}: to=<x${n}@icloud.com>, relay=mx02.mail.icloud.com[17.57.152.5]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=5.7.1, status=bounced (host mx02.mail.icloud.com[17.57.152.5] said: ${e.reply} (in reply to ${IN_REPLY_TO[e.stage ?? 'data'] ?? 'end of DATA'} command))`;
// A Gmail reply (sisimai/p5-sisimai#510, address and IP anonymised): never an iCloud entry.
const gmailLine =
  'Nov 27 10:00:05 mx postfix/smtp[30397]: 22D0A1347801: to=<x@gmail.com>, relay=aspmx.l.google.com[192.0.2.1]:25, delay=0.9, delays=0.1/0/0.4/0.4, dsn=5.2.1, status=bounced (host aspmx.l.google.com[192.0.2.1] said: 550-5.2.1 The email account that you tried to reach is inactive. For more 550-5.2.1 information, go to 550 5.2.1  https://support.google.com/mail/?p=DisabledUser x1si2 - gsmtp (in reply to RCPT TO command))';

const box = (page: Page) => page.locator('[data-classifier]');
const input = (page: Page) => page.getByLabel('Paste a bounce message, a log line or an SMTP reply');
const cards = (page: Page) => page.locator('[data-classifier-results] > li');
const entryIds = (page: Page) =>
  cards(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-entry')));
const ready = (page: Page) => expect(box(page)).toHaveAttribute('data-state', 'ready');
const permalink = (text: string) => `${at('classify/')}#q=${encodeURIComponent(text)}`;

/** Every request the page makes from now on, as URLs. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

async function dropFile(page: Page, name: string, type: string, text: string) {
  await input(page).evaluate(
    (target, { name, type, text }) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type }));
      for (const kind of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(kind, { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    },
    { name, type, text },
  );
}

test.describe('classifier permalinks', () => {
  for (const e of entries) {
    // A DSN-keyed entry's reply is one Status line; its example is the whole delivery-status part.
    const text = e.dsn ? e.examples[0]!.text : e.reply;
    test(`/classify/#q=<reply of ${e.id}> shows its card on load`, async ({ page }) => {
      await page.goto(permalink(text));
      // Stock wording with nothing that says iCloud gets no entry, only a link to this one.
      const card = e.generic
        ? cards(page).and(
            page.locator(`[data-entry="${e.id}"], [data-entry="none"][data-if-icloud="${e.id}"]`),
          )
        : cards(page).and(page.locator(`[data-entry="${e.id}"]`));
      await expect(card).toHaveCount(1);
      await expect(card.getByRole('link', { name: e.title })).toHaveAttribute('href', at(`codes/${e.id}/`));
      await expect(input(page)).toHaveValue(text);
    });
  }

  test('several replies give several cards, in input order', async ({ page }) => {
    const picked = tagged.slice(0, 3);
    const text = [...picked.map((e, i) => postfixLine(e, i)), gmailLine].join('\n');
    await page.goto(permalink(text));
    await expect(cards(page)).toHaveCount(picked.length + 1);
    expect(await entryIds(page)).toEqual([...picked.map((e) => e.id), 'none']);
    await expect(box(page).getByRole('status')).toContainText(`${picked.length + 1} replies found`);
  });

  test('a changed fragment classifies again without reloading', async ({ page }) => {
    await page.goto(permalink(gmailLine));
    await expect(cards(page).first()).toHaveAttribute('data-entry', 'none');
    await page.evaluate((h) => (location.hash = h), permalink(hm08.reply).replace(at('classify/'), ''));
    await expect(cards(page).first()).toHaveAttribute('data-entry', hm08.id);
  });
});

test.describe('classifier input', () => {
  test('typing classifies as you type and leaves the address bar as it was', async ({ page }) => {
    await page.goto(at('classify/'));
    await ready(page);
    await input(page).pressSequentially(hm08.reply, { delay: 0 });
    await expect(cards(page)).toHaveCount(1);
    await expect(cards(page).first()).toHaveAttribute('data-entry', hm08.id);
    await expect(box(page).getByRole('status')).toHaveText(`1 reply found: ${hm08.title}.`);
    expect(page.url()).toBe(new URL(at('classify/'), page.url()).href);
  });

  test('text without an SMTP reply says so instead of showing cards', async ({ page }) => {
    await page.goto(at('classify/'));
    await ready(page);
    await input(page).fill('Hello, my mail to my friend at iCloud keeps coming back.');
    await expect(box(page).getByRole('status')).toContainText('No SMTP reply');
    await expect(cards(page)).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Results' })).toBeHidden();
  });

  test('pasting classifies at once', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(at('classify/'));
    await ready(page);
    await page.evaluate((t) => navigator.clipboard.writeText(t), postfixLine(hm08));
    await input(page).focus();
    await page.keyboard.press('ControlOrMeta+V');
    await expect(cards(page).first()).toHaveAttribute('data-entry', hm08.id);
    await expect(cards(page).first()).toContainText('mx02.mail.icloud.com [17.57.152.5]');
    await expect(cards(page).first()).toContainText('x1@icloud.com');
  });

  test('dropping a .log file classifies its lines', async ({ page }) => {
    await page.goto(at('classify/'));
    await ready(page);
    await dropFile(page, 'maillog.log', 'text/plain', [postfixLine(hm08), gmailLine].join('\n'));
    await expect(cards(page)).toHaveCount(2);
    expect(await entryIds(page)).toEqual([hm08.id, 'none']);
    await expect(input(page)).toHaveValue(new RegExp(`${hm08.tag}`));
  });

  test('dropping a whole bounce .eml loads the MIME decoder on demand and finds the reply', async ({
    page,
  }) => {
    const requests = recordRequests(page);
    await page.goto(at('classify/'));
    await ready(page);
    // The message module's chunk, which carries the MIME decoder with it.
    const decoder = () => requests.filter((u) => /\/message-[\w-]+\.js$/.test(new URL(u).pathname));
    expect(decoder()).toEqual([]);
    const eml = [
      'From: MAILER-DAEMON@mail.example.com (Mail Delivery System)',
      'To: x@example.com',
      'Subject: Undelivered Mail Returned to Sender',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B1"',
      '',
      '--B1',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'This is the mail system at host mail.example.com.',
      '',
      "I'm sorry to have to inform you that your message could not be delivered=",
      ' to one or more recipients.',
      '',
      '--B1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mail.example.com',
      '',
      'Final-Recipient: rfc822; x@icloud.com',
      'Action: failed',
      'Status: 5.7.1',
      'Remote-MTA: dns; mx02.mail.icloud.com',
      `Diagnostic-Code: smtp; ${hm08.reply}`,
      '',
      '--B1--',
      '',
    ].join('\r\n');
    await dropFile(page, 'bounce.eml', 'message/rfc822', eml);
    await expect(cards(page)).toHaveCount(1);
    await expect(cards(page).first()).toHaveAttribute('data-entry', hm08.id);
    await expect(cards(page).first()).toContainText('x@icloud.com');
    expect(decoder()).toHaveLength(1);
    // postal-mime's own message for a parser used twice: the decoder is in that chunk.
    expect(await (await page.request.get(decoder()[0]!)).text()).toContain('Can not reuse parser');
    const origin = new URL(page.url()).origin;
    expect(requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
  });

  // Where the fixtures come from: tests/unit/auto-reply.test.ts. The CLI's --json names the same kind.
  for (const [file, kind, marker] of [
    ['apple-vacation.eml', 'apple-vacation', 'X-Apple-Action: VACATION'],
    ['rfc3834-exim.eml', 'auto-replied', 'Auto-Submitted: auto-replied'],
  ] as const) {
    const fixture = path.join(root, 'tests/unit/fixtures/auto-reply', file);
    const text = readFileSync(fixture, 'utf8');
    for (const how of ['dropped', 'pasted'] as const)
      test(`${file} ${how} is named an automatic reply, not a bounce, as the CLI names it`, async ({
        page,
      }) => {
        const cliOut = spawnSync(
          process.execPath,
          [path.join(root, 'scripts/classify.ts'), '--json', fixture],
          {
            cwd: root,
            encoding: 'utf8',
          },
        );
        expect(JSON.parse(cliOut.stdout).autoReply.kind).toBe(kind);
        await page.goto(at('classify/'));
        await ready(page);
        if (how === 'dropped') await dropFile(page, file, 'message/rfc822', text);
        else await input(page).fill(text);
        await expect(cards(page)).toHaveCount(1);
        const card = cards(page).first();
        await expect(card).toHaveAttribute('data-entry', 'auto-reply');
        await expect(card).toHaveAttribute('data-auto-reply', kind);
        await expect(card).toContainText('not a bounce');
        await expect(card).toContainText(marker);
        await expect(card).toContainText('Keep the address');
        if (how === 'pasted') expect(await axeBothSchemes(page)).toEqual({ light: [], dark: [] });
      });
  }

  test('the file picker reads a file too', async ({ page }) => {
    await page.goto(at('classify/'));
    await ready(page);
    await page.locator('[data-classifier-file]').setInputFiles({
      name: 'reply.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(hm08.reply),
    });
    await expect(cards(page).first()).toHaveAttribute('data-entry', hm08.id);
  });

  test('the file picker reads a file saved as UTF-16 (Windows PowerShell 5.1) as its text', async ({
    page,
  }) => {
    await page.goto(at('classify/'));
    await ready(page);
    await page.locator('[data-classifier-file]').setInputFiles({
      name: 'reply.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(`\ufeff${hm08.reply}`, 'utf16le'),
    });
    await expect(input(page)).toHaveValue(hm08.reply);
    await expect(cards(page).first()).toHaveAttribute('data-entry', hm08.id);
  });

  test('a Gmail reply is not reported as an iCloud entry, and the card says why', async ({ page }) => {
    await page.goto(permalink(gmailLine));
    const card = cards(page).first();
    await expect(card).toHaveAttribute('data-entry', 'none');
    await expect(card.locator('dt:text-is("From iCloud?") + dd')).toHaveText('No, from Google');
    await expect(card).toContainText('Mailbox disabled, not accepting messages');
    await expect(card).toContainText('Requested action not taken: mailbox unavailable');
    await expect(cards(page)).toHaveCount(1);
  });

  test('a link to the result can be copied', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(at('classify/'));
    await ready(page);
    const copy = page.getByRole('button', { name: 'Copy link with the full text' });
    await expect(copy).toBeDisabled();
    await input(page).fill(hm08.reply);
    await copy.click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(new URL(permalink(hm08.reply), page.url()).href);
  });

  test('the link without personal data has none of it and opens to the same entry', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const cs01 = entries.find((e) => e.tag === 'CS01' && e.code === 554)!;
    const secrets = ['maria.keller@icloud.com', '85.214.132.117', '4fbc0af0-417e-4180-91d8-66754d53a162'];
    const line =
      `Dec  1 09:14:03 mail-out-3.northwind-mail.de postfix/smtp[20817]: 4Tq2Zx1k9Rz: to=<${secrets[0]}>, ` +
      `relay=mx02.mail.icloud.com[17.57.155.34]:25, delay=1.4, dsn=5.7.1, status=bounced (host ` +
      `mx02.mail.icloud.com[17.57.155.34] said: ${cs01.reply} Txn ID ${secrets[2]} (in reply to end of DATA ` +
      `command)) client=${secrets[1]}`;
    await page.goto(at('classify/'));
    await ready(page);
    await input(page).fill(line);
    await expect(cards(page).first()).toHaveAttribute('data-entry', cs01.id);
    const replaced = page.locator('[data-classifier-redactions] li');
    for (const secret of secrets) await expect(replaced.filter({ hasText: secret })).toHaveCount(1);
    await page.getByRole('button', { name: 'Copy link without personal data' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('#q=');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(copied).origin).toBe(new URL(page.url()).origin);
    for (const secret of [...secrets, 'northwind', 'mail-out-3'])
      expect(decodeURIComponent(copied)).not.toContain(secret);
    await page.goto(copied);
    await expect(cards(page).first()).toHaveAttribute('data-entry', cs01.id);
    await expect(input(page)).toHaveValue(/user@icloud\.com/);
    expect(new URL(page.url()).hash).toBe('');
  });

  test('when the rules cannot be loaded, the box says so', async ({ page }) => {
    await page.route('**/rules.json', (route) => route.fulfill({ status: 503, body: '' }));
    await page.goto(permalink(hm08.reply));
    await expect(box(page)).toHaveAttribute('data-state', 'error');
    await expect(box(page).getByRole('status')).toContainText('could not load its rules');
    await expect(
      box(page).getByRole('status').getByRole('link', { name: 'table of all codes' }),
    ).toBeVisible();
  });
});

test.describe('classifier safety', () => {
  async function classifySeveralWays(page: Page) {
    await input(page).pressSequentially(hm08.reply.slice(0, 40), { delay: 0 });
    await input(page).fill([postfixLine(hm08), gmailLine].join('\n'));
    await expect(cards(page)).toHaveCount(2);
    await page.evaluate((t) => navigator.clipboard.writeText(t), gmailLine);
    await input(page).fill('');
    await input(page).focus();
    await page.keyboard.press('ControlOrMeta+V');
    await expect(cards(page).first()).toHaveAttribute('data-entry', 'none');
    await dropFile(page, 'maillog.log', 'text/plain', postfixLine(hm08));
    await expect(cards(page).first()).toHaveAttribute('data-entry', hm08.id);
  }

  test('only same-origin requests on load, and none at all while classifying', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const all = recordRequests(page);
    await page.goto(at(''));
    await ready(page);
    const origin = new URL(page.url()).origin;
    expect(all.filter((u) => new URL(u).origin !== origin)).toEqual([]);
    expect(all.filter((u) => u.endsWith('/rules.json'))).toHaveLength(1);
    const during = recordRequests(page);
    await classifySeveralWays(page);
    expect(during).toEqual([]);
  });

  test('on /classify/ no request is made while classifying, and the address bar never holds the text', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(at('classify/'));
    await ready(page);
    const during = recordRequests(page);
    await classifySeveralWays(page);
    expect(new URL(page.url()).hash).toBe('');
    expect(during).toEqual([]);
  });

  test('pasted markup is shown as text and never runs', async ({ page }) => {
    const markup =
      '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><svg onload="window.__pwned=3">';
    const text = `${hm08.reply} ${markup}\n550 5.2.1 ${markup}`;
    await page.goto(permalink(text));
    await expect(cards(page)).toHaveCount(2);
    await input(page).fill(`${gmailLine} ${markup}`);
    await expect(cards(page)).toHaveCount(1);
    await input(page).fill(text);
    await expect(cards(page)).toHaveCount(2);
    await expect(cards(page).first().locator('pre')).toContainText('<img src=x onerror=');
    await expect(
      page.locator(
        '[data-classifier] img, [data-classifier] svg, [data-classifier] [data-classifier-results] script',
      ),
    ).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  test('pages without the box load no classifier code', async ({ page }) => {
    const requests = recordRequests(page);
    await page.goto(at(`codes/${hm08.id}/`));
    await page.waitForLoadState('networkidle');
    expect(requests.filter((u) => u.endsWith('/rules.json'))).toEqual([]);
    expect(await page.locator('[data-classifier]').count()).toBe(0);
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((r) => (r as PerformanceResourceTiming).initiatorType === 'script')
        .map((r) => r.name),
    );
    const inline = await page
      .locator('script:not([src])')
      .evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    for (const body of [
      ...inline,
      ...(await Promise.all(scripts.map(async (src) => (await page.request.get(src)).text()))),
    ]) {
      expect(body).not.toContain('data-classifier');
    }
  });
});

test.describe('classifier accessibility', () => {
  test('keyboard only: reach the box, type, reach the first result and open it', async ({ page }) => {
    await page.goto(at('classify/'));
    await ready(page);
    const focusedIs = (sel: string) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, sel);
    for (let i = 0; i < 30 && !(await focusedIs('[data-classifier-input]')); i++)
      await page.keyboard.press('Tab');
    expect(await focusedIs('[data-classifier-input]')).toBe(true);
    await page.keyboard.type(hm08.reply);
    await expect(cards(page).first()).toHaveAttribute('data-entry', hm08.id);
    const firstLink = '[data-classifier-results] > li:first-child a';
    for (let i = 0; i < 10 && !(await focusedIs(firstLink)); i++) await page.keyboard.press('Tab');
    expect(await focusedIs(firstLink)).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/codes/${hm08.id}/$`));
  });

  test('results are announced politely as a short summary', async ({ page }) => {
    await page.goto(permalink([postfixLine(hm08), gmailLine].join('\n')));
    const status = page.locator('[data-classifier-status]');
    await expect(status).toHaveAttribute('aria-live', 'polite');
    await expect(status).toHaveText(`2 replies found: ${hm08.title}; no iCloud entry (550 5.2.1).`);
  });

  for (const path of [at('classify/'), at('')]) {
    test(`axe finds no violations on ${path} with results shown (light and dark)`, async ({ page }) => {
      await page.goto(path);
      await ready(page);
      await input(page).fill(
        [postfixLine(hm08), gmailLine, ...tagged.slice(0, 4).map((e) => e.reply)].join('\n'),
      );
      await expect(cards(page).first()).toBeVisible();
      await expect(page.locator('[data-classifier-status]')).not.toBeEmpty();
      expect(await axeBothSchemes(page)).toEqual({ light: [], dark: [] });
    });
  }

  test('without JavaScript the page explains why and points to the codes and search', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(at('classify/'));
    const hint = page.locator('[data-classifier-nojs]');
    await expect(hint).toContainText('needs JavaScript');
    await expect(hint.getByRole('link', { name: 'table of all codes' })).toHaveAttribute(
      'href',
      `${at('')}#all-codes`,
    );
    await expect(hint.getByRole('link', { name: 'search' })).toHaveAttribute('href', at('search/'));
    await expect(page.locator('textarea')).toBeHidden();
    await context.close();
  });
});

/** A pasted log of about `mb` MB: tagged entries' replies in Postfix lines, every third a Gmail reply. */
function pastedLog(mb: number): string[] {
  const lines: string[] = [];
  for (let i = 0, size = 0; size < mb * 1024 * 1024; i++) {
    const line = i % 3 === 2 ? gmailLine : postfixLine(tagged[i % tagged.length]!, i);
    lines.push(line);
    size += line.length + 1;
  }
  return lines;
}

/** Puts the text in the box as a paste does (the clipboard would not hold megabytes reliably). */
const pasteText = (page: Page, text: string) =>
  input(page).evaluate((el: HTMLTextAreaElement, text) => {
    el.value = text;
    el.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
  }, text);

const results = (page: Page) => page.locator('[data-classifier-results-section]');

/** Resolves once the page has no task left to run: slices still to come would be tasks. */
const idle = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestIdleCallback(() => r())));

test.describe('classifier cost', () => {
  // How long these take is measured by `npm run bench` (the time to cards and the longest task);
  // here only what the user sees is checked.
  test('1 MB of pasted log shows the first 100 cards and the whole count', async ({ page }) => {
    await page.goto(at('classify/'));
    await ready(page);
    const lines = pastedLog(1);
    await pasteText(page, lines.join('\n'));
    await expect(cards(page)).toHaveCount(100);
    await expect(page.locator('[data-classifier-overview]')).toContainText(
      `first 100 of ${thousands(lines.length)} replies`,
    );
    await expect(page.locator('[data-tally="none"]')).toContainText(
      `${thousands(Math.floor(lines.length / 3))} ×`,
    );
  });

  test('3 MB of pasted log ends with all 100 cards drawn, in order, and a tally that counts every reply as the command does', async ({
    page,
  }) => {
    test.slow();
    await page.goto(at('classify/'));
    await ready(page);
    const lines = pastedLog(3);
    const text = lines.join('\n');
    await pasteText(page, text);
    await expect(results(page)).toHaveAttribute('data-drawn', 'complete', { timeout: 30_000 });
    await expect(cards(page)).toHaveCount(100);
    expect(await entryIds(page)).toEqual(
      lines.slice(0, 100).map((_, i) => (i % 3 === 2 ? 'none' : tagged[i % tagged.length]!.id)),
    );
    await expect(page.locator('[data-classifier-overview]')).toContainText(
      `first 100 of ${thousands(lines.length)} replies`,
    );
    const summary = spawnSync(
      process.execPath,
      [path.join(root, 'scripts/classify.ts'), '--summary', '--json', '-'],
      {
        cwd: root,
        input: text,
        encoding: 'utf8',
        // The summary lists thousands of addresses.
        maxBuffer: 1 << 28,
      },
    );
    const { replies, entries: counted } = JSON.parse(summary.stdout) as {
      replies: number;
      entries: Record<string, number>;
    };
    expect(replies).toBe(lines.length);
    const credited = Object.values(counted).reduce((a, b) => a + b, 0);
    const tally = await page
      .locator('[data-tally]')
      .evaluateAll((els) =>
        els.map(
          (e) => [e.getAttribute('data-tally')!, parseInt(e.textContent!.replace(/,/g, ''), 10)] as const,
        ),
      );
    expect(Object.fromEntries(tally)).toEqual({ ...counted, none: replies - credited });
    // Most frequent first.
    const counts = tally.map(([, n]) => n);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  test('a paste of 200,000 characters or more is read in full but held out of the box, to edit or clear at will', async ({
    page,
    context,
  }) => {
    await page.goto(at('classify/'));
    await ready(page);
    const lines = pastedLog(1);
    const text = lines.join('\n');
    await input(page).focus();
    await pasteText(page, text);
    const held = box(page).getByRole('group', { name: /^The pasted text/ });
    await expect(held).toHaveText(
      new RegExp(
        `^The pasted text, ${thousands(lines.length)} lines \\(${thousands(text.length)} characters\\), is read in full below`,
      ),
    );
    // The panel takes the box's place, and the keyboard focus the box had.
    await expect(input(page)).toBeHidden();
    await expect(held).toBeFocused();
    await expect(cards(page)).toHaveCount(100);
    await expect(page.locator('[data-classifier-overview]')).toContainText(
      `first 100 of ${thousands(lines.length)} replies`,
    );
    // Shown in the box: the whole text, there to edit; typing in it keeps it there.
    await held.getByRole('button', { name: 'Show the text in the box' }).click();
    await expect(held).toBeHidden();
    await expect(input(page)).toBeFocused();
    expect(await input(page).inputValue()).toBe(text);
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText(`\n${hm08.reply}`);
    await expect(box(page).getByRole('status')).toContainText(`${thousands(lines.length + 1)} replies found`);
    await expect(input(page)).toBeVisible();
    // Once the box is short again, a long paste is held again; then cleared: an empty box, focused,
    // and no results.
    await input(page).fill(hm08.reply);
    await pasteText(page, text);
    await expect(held).toBeVisible();
    await held.getByRole('button', { name: 'Clear' }).click();
    await expect(input(page)).toBeFocused();
    await expect(input(page)).toHaveValue('');
    await expect(cards(page)).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Results' })).toBeHidden();
    // A paste while the panel has the focus replaces the held text, and a short one goes in the box.
    await pasteText(page, text);
    await expect(held).toBeFocused();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.evaluate((t) => navigator.clipboard.writeText(t), hm08.reply);
    await page.keyboard.press('ControlOrMeta+V');
    await expect(held).toBeHidden();
    await expect(input(page)).toBeFocused();
    await expect(input(page)).toHaveValue(hm08.reply);
    await expect(cards(page)).toHaveCount(1);
    await expect(cards(page).first()).toHaveAttribute('data-entry', hm08.id);
  });

  test('a long file opened is held under its name, and a short one then takes the box back', async ({
    page,
  }) => {
    await page.goto(at('classify/'));
    await ready(page);
    const lines = pastedLog(0.5);
    await page.locator('[data-classifier-file]').setInputFiles({
      name: 'maillog.log',
      mimeType: 'text/plain',
      buffer: Buffer.from(lines.join('\n')),
    });
    const held = box(page).getByRole('group', { name: /^maillog\.log/ });
    await expect(held).toContainText(`maillog.log, ${thousands(lines.length)} lines`);
    await expect(cards(page).first()).toHaveAttribute('data-entry', tagged[0]!.id);
    await page.locator('[data-classifier-file]').setInputFiles({
      name: 'reply.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(hm08.reply),
    });
    await expect(held).toBeHidden();
    await expect(input(page)).toHaveValue(hm08.reply);
    await expect(cards(page)).toHaveCount(1);
    await expect(cards(page).first()).toHaveAttribute('data-entry', hm08.id);
  });

  test('axe finds no violations while a long paste is held (light and dark)', async ({ page }) => {
    await page.goto(at('classify/'));
    await ready(page);
    await pasteText(page, pastedLog(0.3).join('\n'));
    await expect(box(page).locator('[data-classifier-held]')).toBeVisible();
    await expect(cards(page).first()).toBeVisible();
    expect(await axeBothSchemes(page)).toEqual({ light: [], dark: [] });
  });

  test('a new text typed while the cards of a big paste are still being drawn shows only its own card', async ({
    page,
  }) => {
    await page.goto(at('classify/'));
    await ready(page);
    // The new text goes in as soon as the first cards are in, while the rest wait their turn.
    const drawnThen = await input(page).evaluate(
      (el: HTMLTextAreaElement, { log, reply }) =>
        new Promise<string | undefined>((resolve) => {
          const section = document.querySelector<HTMLElement>('[data-classifier-results-section]')!;
          new MutationObserver((_, observer) => {
            observer.disconnect();
            const drawn = section.dataset.drawn;
            el.value = reply;
            el.dispatchEvent(new InputEvent('input', { inputType: 'insertText', bubbles: true }));
            resolve(drawn);
          }).observe(document.querySelector('[data-classifier-results]')!, { childList: true });
          el.value = log;
          el.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
        }),
      { log: pastedLog(1).join('\n'), reply: hm08.reply },
    );
    expect(drawnThen).toBe('partial');
    await expect(box(page).getByRole('status')).toHaveText(`1 reply found: ${hm08.title}.`);
    await expect(results(page)).toHaveAttribute('data-drawn', 'complete');
    await idle(page);
    expect(await entryIds(page)).toEqual([hm08.id]);
    await expect(page.locator('[data-classifier-overview]')).toBeEmpty();
  });

  test('an answer that draws the same cards leaves them, and the keyboard focus in them, alone while the rest are drawn', async ({
    page,
  }) => {
    await page.goto(at('classify/'));
    await ready(page);
    // Just short of what the box holds out of sight, with over 100 replies.
    const log = pastedLog(0.18).join('\n');
    expect(log.length).toBeLessThan(HOLD_CHARS);
    await pasteText(page, log);
    const link = cards(page).first().getByRole('link').first();
    await link.focus();
    await cards(page)
      .first()
      .evaluate((card) => card.setAttribute('data-test-first', ''));
    // A trailing line break changes the text but none of its replies.
    await input(page).evaluate((el: HTMLTextAreaElement) => {
      el.value += '\n';
      el.dispatchEvent(new InputEvent('input', { inputType: 'insertLineBreak', bubbles: true }));
    });
    await expect(results(page)).toHaveAttribute('data-drawn', 'complete');
    await expect(cards(page)).toHaveCount(100);
    await expect(box(page).getByRole('status')).toContainText(
      `${thousands(log.split('\n').length)} replies found`,
    );
    await idle(page);
    await expect(cards(page).first()).toHaveAttribute('data-test-first', '');
    await expect(link).toBeFocused();
  });

  test('the classifier page loads at most 30 KB of gzipped JavaScript', async ({ page }) => {
    const scripts: string[] = [];
    page.on('response', async (r) => {
      if (r.request().resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(at('classify/'));
    await ready(page);
    await page.waitForLoadState('networkidle');
    let total = 0;
    for (const src of scripts) {
      const bytes = gzipSync(await (await page.request.get(src)).body()).length;
      console.log(`${new URL(src).pathname}: ${bytes} B gzipped`);
      total += bytes;
    }
    const inline = await page
      .locator('script:not([src])')
      .evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    for (const code of inline) total += gzipSync(code).length;
    const rules = gzipSync(await (await page.request.get(at('rules.json'))).body()).length;
    console.log(
      `JS on load: ${total} B gzipped (${scripts.length} files, ${inline.length} inline); rules.json ${rules} B gzipped`,
    );
    expect(total).toBeLessThanOrEqual(30 * 1024);
  });
});
