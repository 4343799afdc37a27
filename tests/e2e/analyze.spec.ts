// /analyze/: the report for whole logs, gzipped logs, bounce folders, mboxes and JSON-lines exports
// has the same counts as `npm run classify -- --summary --json` on the same files; an Apple-style
// wave of "user does not exist" warns and keeps the addresses; bad files each get a line; axe,
// keyboard use and no request leaving the page.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { axeBothSchemes } from '../support/axe';
import { at } from '../support/base-path';

// Reading files in a worker and running the CLI beside it is slow on a loaded machine.
test.describe.configure({ timeout: 90_000 });

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'tests/fixtures/analyze');
const work = mkdtempSync(path.join(tmpdir(), 'analyze-e2e-'));
const log = path.join(fixtures, 'postfix.log');
const gz = path.join(work, 'postfix.log.gz');
writeFileSync(gz, gzipSync(readFileSync(log)));
// As Windows PowerShell 5.1's `>` saves text: UTF-16 with a byte order mark.
const utf16 = path.join(work, 'postfix-utf16.log');
writeFileSync(utf16, Buffer.from(`\ufeff${readFileSync(log, 'utf8')}`, 'utf16le'));

interface Summary {
  lines: number;
  replies: number;
  icloud: number;
  autoReplies: number;
  entries: Record<string, number>;
  suppress: string[];
  keep: string[];
  warnings: { kind: string }[];
}

function cli(files: string[]): Summary {
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'scripts/classify.ts'), '--summary', '--json', ...files],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Summary;
}

const report = (page: Page) => page.locator('[data-report]');

async function open(page: Page) {
  await page.goto(at('analyze/'));
  await expect(page.locator('[data-analyze]')).toHaveAttribute('data-state', 'idle');
}

async function analyze(page: Page, files: string[], folder = false) {
  await open(page);
  await page
    .locator(folder ? '[data-analyze-folder]' : '[data-analyze-files]')
    .setInputFiles(folder ? files[0]! : files);
  await expect(report(page)).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-analyze]')).toHaveAttribute('data-state', 'idle');
  // The report is drawn in slices; the lists and the chart come last.
  await expect(report(page)).toHaveAttribute('data-drawn', 'complete');
}

async function pageEntries(page: Page): Promise<Record<string, number>> {
  const rows = await page
    .locator('[data-report-entry]')
    .evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-report-entry')!, Number(e.getAttribute('data-count'))]),
    );
  return Object.fromEntries(rows) as Record<string, number>;
}

const cases: { name: string; files: string[]; folder?: boolean }[] = [
  { name: 'a plain Postfix log', files: [log] },
  { name: 'the same log gzipped', files: [gz] },
  { name: 'the same log saved as UTF-16', files: [utf16] },
  { name: 'a folder of .eml files', files: [path.join(fixtures, 'bounces')], folder: true },
  { name: 'an mbox', files: [path.join(fixtures, 'bounces.mbox')] },
  { name: 'a JSON-lines export', files: [path.join(fixtures, 'events.jsonl')] },
];

for (const c of cases) {
  test(`${c.name}: the page and the CLI summary count the same`, async ({ page }) => {
    const expected = cli(c.files);
    expect(Object.keys(expected.entries).length).toBeGreaterThan(0);
    await analyze(page, c.files, c.folder);
    expect(await pageEntries(page)).toEqual(expected.entries);
  });
}

test('automatic replies are counted apart, as the CLI counts them, and list no address', async ({ page }) => {
  // Where the fixtures come from: tests/unit/auto-reply.test.ts.
  const unit = path.join(root, 'tests/unit/fixtures');
  const files = [
    path.join(unit, 'auto-reply/apple-vacation.eml'),
    path.join(unit, 'auto-reply/rfc3834-exim.eml'),
    path.join(unit, 'eml/o365-ndr-cs01-qp.eml'),
  ];
  const expected = cli(files);
  expect([expected.autoReplies, expected.replies]).toEqual([2, 1]);
  await analyze(page, files);
  const total = (label: string) =>
    report(page).locator('.report-totals > div').filter({ hasText: label }).locator('dd');
  await expect(total('Automatic replies (not bounces)')).toHaveText(String(expected.autoReplies));
  await expect(total('SMTP replies found')).toHaveText(String(expected.replies));
  expect(await pageEntries(page)).toEqual(expected.entries);
  const listed = await page
    .locator('[data-address]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-address')));
  expect(listed).not.toContain('z@icloud.com');
  expect(listed).not.toContain('y@example.net');
});

test('the plain, the gzipped and the UTF-16 log give the same report', async () => {
  const plain = cli([log]);
  for (const other of [cli([gz]), cli([utf16])]) {
    expect(other.entries).toEqual(plain.entries);
    expect(other.lines).toBe(plain.lines);
  }
});

test('a burst of "user does not exist" to recipients delivered earlier warns and keeps them', async ({
  page,
}) => {
  await analyze(page, [path.join(fixtures, 'incident.log')]);
  const warning = page.locator('[data-report-warning="incident"]');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('Apple');
  await expect(page.locator('[data-report-suppress] [data-address]')).toHaveCount(0);
  const kept = await page
    .locator('[data-report-keep] [data-address]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-address')));
  expect(kept).toHaveLength(12);
  expect(kept.every((a) => a!.startsWith('reader'))).toBe(true);
});

test('an ordinary trickle of unknown users does not warn, and they are suppressed', async ({ page }) => {
  await analyze(page, [path.join(fixtures, 'trickle.log')]);
  await expect(page.locator('[data-report-warning]')).toHaveCount(0);
  await expect(page.locator('[data-report-suppress] [data-address]')).toHaveCount(8);
});

test('bad files each get a clear line and the good ones are still reported', async ({ page }) => {
  const bad = {
    'binary.bin': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)),
    'empty.log': Buffer.alloc(0),
    'zero.log.gz': Buffer.alloc(0),
    'cut.log.gz': gzipSync(readFileSync(log)).subarray(0, 300),
    'notes.txt': Buffer.from('Shopping list\nbread\nmilk\n'),
  };
  const files = Object.entries(bad).map(([name, bytes]) => {
    const file = path.join(work, name);
    writeFileSync(file, bytes);
    return file;
  });
  await analyze(page, [...files, log]);
  const problems = page.locator('[data-report-problem]');
  await expect(problems).toHaveCount(5);
  await expect(page.locator('[data-report-problem="binary.bin"]')).toContainText('binary');
  await expect(page.locator('[data-report-problem="empty.log"]')).toContainText('empty');
  await expect(page.locator('[data-report-problem="zero.log.gz"]')).toContainText('empty');
  await expect(page.locator('[data-report-problem="cut.log.gz"]')).toContainText('cut off or damaged');
  await expect(page.locator('[data-report-problem="notes.txt"]')).toContainText(
    'does not look like a mail log',
  );
  const plain = cli([log]);
  const shown = await pageEntries(page);
  for (const [id, count] of Object.entries(plain.entries)) expect(shown[id]).toBeGreaterThanOrEqual(count);
});

test('no request leaves the page while a report is made, and the files are not sent', async ({
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const requests: { url: string; method: string }[] = [];
  page.on('request', (r) => requests.push({ url: r.url(), method: r.method() }));
  await analyze(page, [log, path.join(fixtures, 'events.jsonl')]);
  const foreign = requests.filter(
    (r) => !['data:', 'blob:'].includes(new URL(r.url).protocol) && new URL(r.url).origin !== origin,
  );
  expect(foreign).toEqual([]);
  expect(requests.filter((r) => r.method !== 'GET')).toEqual([]);
  expect(requests.filter((r) => r.url.includes('icloud.com'))).toEqual([]);
});

test('a dropped file is reported like a chosen one', async ({ page }) => {
  await open(page);
  const text = readFileSync(log, 'utf8');
  await page.locator('[data-analyze-drop]').evaluate((target, text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.log', { type: 'text/plain' }));
    for (const kind of ['dragenter', 'dragover', 'drop'])
      target.dispatchEvent(new DragEvent(kind, { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text);
  await expect(report(page)).toBeVisible({ timeout: 30_000 });
  expect(await pageEntries(page)).toEqual(cli([log]).entries);
});

test('the downloads hold the replies, the addresses and the whole report', async ({ page }) => {
  await analyze(page, [log]);
  const expected = cli([log]);
  const download = async (name: string) => {
    const wait = page.waitForEvent('download');
    await page.locator(`[data-download="${name}"]`).click();
    return readFileSync((await (await wait).path())!, 'utf8');
  };
  const replies = (await download('replies')).trimEnd().split('\r\n');
  expect(replies[0]).toBe(
    'file,line,time,recipient,host,queue_id,sender,status,delay,code,enhanced,entry,confidence,provider,reply',
  );
  expect(replies).toHaveLength(1 + expected.replies);
  const addresses = await download('addresses');
  for (const a of expected.suppress) expect(addresses).toContain(`suppress,${a},`);
  for (const a of expected.keep) expect(addresses).toContain(`keep,${a},`);
  const json = JSON.parse(await download('json')) as Summary;
  expect(json.entries).toEqual(expected.entries);
  expect(json.suppress).toEqual(expected.suppress);
  // The files come after the report: once they are in, the section is no longer busy.
  const section = page.locator('[data-report-downloads]');
  await expect(section).not.toHaveAttribute('aria-busy');
  await expect(page.locator('[data-download-pending]')).toHaveCount(0);
  // Before they came, each name stood where its link is now, as plain text: the section (and all
  // below it) had the same height, at a phone's width too.
  const heights = async () => {
    const at: number[] = [];
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      at.push((await section.boundingBox())!.height);
    }
    return at;
  };
  const linked = await heights();
  await section.evaluate((s) => {
    for (const a of s.querySelectorAll('[data-download]')) {
      const name = document.createElement('span');
      name.setAttribute('data-download-pending', a.getAttribute('data-download')!);
      name.textContent = a.textContent;
      a.replaceWith(name);
    }
  });
  expect(await heights()).toEqual(linked);
});

test('Cancel stops reading and reports what was read so far', async ({ page }) => {
  const big = path.join(work, 'big.log');
  const delivery =
    'Mar  2 09:00:02 mail postfix/smtp[4100]: A1000: to=<anna@example.com>, relay=mx.example.com[192.0.2.1]:25, delay=0.8, delays=0.1/0/0.3/0.4, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 9A1000)\n';
  writeFileSync(big, readFileSync(log, 'utf8') + delivery.repeat(600_000));
  await open(page);
  await page.locator('[data-analyze-files]').setInputFiles(big);
  const cancel = page.getByRole('button', { name: 'Cancel' });
  await expect(cancel).toBeVisible();
  await cancel.click();
  await expect(page.locator('#report-heading')).toHaveText(/cancelled/, { timeout: 30_000 });
  await expect(page.locator('[data-analyze-progress]')).toBeHidden();
});

test('axe: /analyze/ with a report shown (light and dark)', async ({ page }) => {
  await analyze(page, [log, path.join(fixtures, 'incident.log')]);
  await page.locator('[data-report] details summary').first().click();
  expect(await axeBothSchemes(page)).toEqual({ light: [], dark: [] });
});

test('keyboard only: choose files, read the report, follow an entry link', async ({ page }) => {
  await open(page);
  // Playwright intercepts the picker only once its listener is registered in the browser, which it
  // does without waiting: listening from the start keeps a quick Space from reaching the real picker.
  const chooser = page.waitForEvent('filechooser');
  const input = page.locator('[data-analyze-files]');
  for (let i = 0; i < 40 && !(await input.evaluate((e) => e === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(input).toBeFocused();
  await page.keyboard.press('Space');
  await (await chooser).setFiles([log]);
  await expect(report(page)).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('#report-heading')).toBeFocused();
  const first = page.locator('[data-report-entry] a').first();
  for (let i = 0; i < 40 && !(await first.evaluate((e) => e === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  const href = await first.getAttribute('href');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${href!.replace(/[/.]/g, '\\$&')}$`));
});

test('on a small screen the report comes into view with its heading focused', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 480 });
  await open(page);
  await page.locator('[data-analyze-files]').setInputFiles([log]);
  const heading = page.locator('#report-heading');
  await expect(heading).toBeFocused({ timeout: 30_000 });
  await expect(heading).toBeInViewport();
});

test('a report with hundreds of addresses is drawn to its end: the chart and its table, the breakdowns, the domains and every list', async ({
  page,
}) => {
  // 300 recipients each refused once with a temporary reply: all to keep, more than the page lists.
  const reply = '421 4.7.0 st11p00im-smtpin005.me.com Error: too many errors';
  const lines = Array.from({ length: 300 }, (_, i) => {
    const t = `${String(8 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:07`;
    return `Apr 27 ${t} mail postfix/smtp[3001]: Q${i}: to=<keep${i}@icloud.com>, relay=mx01.mail.icloud.com[17.57.152.10]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=4.7.0, status=deferred (host mx01.mail.icloud.com[17.57.152.10] said: ${reply} (in reply to RCPT TO command))`;
  });
  const file = path.join(work, 'many.log');
  writeFileSync(file, lines.join('\n') + '\n');
  const expected = cli([file]);
  expect(expected.keep.length).toBe(300);
  await analyze(page, [file]);
  await expect(page.locator('#report-heading')).toBeFocused();
  await expect(report(page).locator(':scope > h2, :scope > section > h3')).toHaveText([
    'Report',
    'What to do first',
    'Downloads',
    'iCloud replies over time',
    'Breakdowns of the iCloud replies',
    'Recipient domains of the iCloud replies',
    'Addresses',
  ]);
  await expect(page.locator('[data-report-entry]')).toHaveAttribute('data-count', '300');
  // Every interval of the chart has its row in the table below it.
  const intervals = await page.locator('.report-chart .chart-bucket').count();
  expect(intervals).toBeGreaterThan(1);
  await expect(page.locator('.report-chart details tbody tr')).toHaveCount(intervals);
  await expect(page.locator('[data-report-keep] [data-address]')).toHaveCount(200);
  await expect(report(page)).toContainText('The first 200 of 300 addresses to keep are shown');
});

test.describe('a mixed log like an incident morning (tests/fixtures/analyze/mixed.log)', () => {
  const mixed = path.join(fixtures, 'mixed.log');

  test('opens with what to do first: the CS01 wave first, with its share and its steps', async ({ page }) => {
    await analyze(page, [mixed]);
    const items = page.locator('[data-report-todo] li');
    await expect(items.first()).toContainText('[CS01]');
    await expect(items.first()).toContainText(/\d+\.\d% of iCloud attempts/);
    await expect(items.first()).toContainText('New since 2026-04-27 08:30 UTC');
    await expect(items.first().getByRole('link', { name: 'Steps' })).toHaveAttribute(
      'href',
      /codes\/554-5-7-1-cs01\/#what-to-do$/,
    );
    const before = await page
      .locator('[data-report-todo]')
      .evaluate(
        (todo) =>
          !!(
            todo.compareDocumentPosition(document.querySelector('[data-report-totals]')!) &
            Node.DOCUMENT_POSITION_FOLLOWING
          ),
      );
    expect(before).toBe(true);
    await expect(page.locator('[data-report-totals]')).toContainText('110');
    await expect(page.locator('[data-report-totals]')).toContainText('(58.3%)');
  });

  test('the downloads are near the top and the address lists are collapsed, filterable and copyable', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await analyze(page, [mixed]);
    const top = await report(page).evaluate((e) => e.getBoundingClientRect().top);
    const downloads = await page
      .locator('[data-report-downloads]')
      .evaluate((e) => e.getBoundingClientRect().top);
    expect(downloads - top).toBeLessThan(800);

    const lists = page.locator('[data-report] details[data-report-list]');
    expect(
      await lists.evaluateAll((ds) =>
        ds.map((d) => [d.getAttribute('data-report-list'), (d as HTMLDetailsElement).open]),
      ),
    ).toEqual([
      ['suppress', false],
      ['retry', false],
      ['fix-first', false],
    ]);
    const fix = page.locator('details[data-report-list="fix-first"]');
    await fix.locator('summary').click();
    await expect(fix.locator('summary')).toHaveText('Keep: fix the cause first (30)');
    // The reason is said once for the group, not on every row.
    await expect(fix.locator('.address-reason')).toHaveCount(1);
    await fix.getByLabel('Filter').fill('buyer0');
    await expect(fix.locator('[data-address]:visible')).toHaveCount(10);
    await expect(fix.locator('.list-count')).toHaveText('10 shown');
    await fix.getByRole('button', { name: 'Copy all addresses' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.split('\n')).toHaveLength(30);
    expect(copied).toContain('buyer29@icloud.com');
  });

  test('at 390 px nothing in the report reaches past the edge, and the entries are cards', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await analyze(page, [mixed]);
    for (const d of await page.locator('[data-report] details').all()) await d.locator('summary').click();
    const wide = await report(page).evaluate((root) =>
      [...root.querySelectorAll('*')]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .map((e) => e.outerHTML.slice(0, 80)),
    );
    expect(wide).toEqual([]);
    const cell = page.locator('[data-report-entry] td[data-label="Outcome"]').first();
    await expect(cell).toBeVisible();
    expect(await cell.evaluate((e) => getComputedStyle(e).display)).toBe('flow-root');
  });

  test('axe: the report of the mixed log with a list open (light and dark)', async ({ page }) => {
    await analyze(page, [mixed]);
    await page.locator('details[data-report-list="retry"] summary').click();
    expect(await axeBothSchemes(page)).toEqual({ light: [], dark: [] });
  });
});
