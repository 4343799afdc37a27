// Layout on a phone and on a desktop: at 390×844 nothing inside <main> reaches past the screen edge;
// on entry pages at 1280×800 the one-line action is on the first screen, body paragraphs keep a
// reading width and nothing shifts after load. Pages come from the collection and the guides.
import { expect, test, type Page } from '@playwright/test';
import { axeBothSchemes } from '../support/axe';
import { at } from '../support/base-path';
import { loadEntries } from '../support/entries';

const entries = loadEntries();
const hm08 = entries.find((e) => e.data.tag === 'HM08')!;
const longest = [...entries].sort((a, b) => b.data.reply.length - a.data.reply.length)[0]!;

/** Elements in <main> whose box crosses the viewport's left or right edge, unless a scrolling or
 *  clipping ancestor inside <main> keeps them in (that ancestor is then checked itself), and boxes
 *  whose content scrolls sideways (a wide table in a scroll wrapper hides its columns just the same). */
const overflowing = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const main = document.querySelector('main')!;
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== main; p = p.parentElement)
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      return false;
    };
    const found: string[] = [];
    for (const el of main.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || clipped(el)) continue;
      if (['auto', 'scroll'].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1)
        found.push(`${el.tagName.toLowerCase()}.${el.className} scrolls sideways (${el.scrollWidth} px)`);
      if (r.left < -0.5 || r.right > width + 0.5)
        found.push(
          `${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.left)}–${Math.round(r.right)}`,
        );
    }
    if (document.documentElement.scrollWidth > width)
      found.push(`page scrolls to ${document.documentElement.scrollWidth}`);
    return found;
  });

/** Visible links and buttons matching `selector` smaller than `min` CSS px either way, as
 *  "text w×h". Buttons waiting for their script (data-js-pending) keep their room, so they count. */
const smallTargets = (page: Page, selector: string, min: number) =>
  page.locator(selector).evaluateAll(
    (els, min) =>
      els.flatMap((el) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) return [];
        return r.width < min - 0.5 || r.height < min - 0.5
          ? [`${(el.textContent ?? '').trim().slice(0, 30)} ${Math.round(r.width)}×${Math.round(r.height)}`]
          : [];
      }),
    min,
  );

const NAV_TARGETS = '.site-header a, .site-header button, .crumbs a';
const LIST_TARGETS = 'main li a, main td a, main th a';

test.describe('at 390×844', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  const pages = [
    '',
    `codes/${hm08.id}/`,
    `codes/${longest.id}/`,
    `codes/${hm08.data.code}/`,
    'codes/550/',
    'tags/',
    'sending-to-icloud/',
    'private-relay/',
    'classify/',
    'analyze/',
    'search/',
    'codes/dsn-4-2-2-over-quota/',
  ];
  for (const path of pages) {
    test(`nothing on /${path} reaches past the screen edge`, async ({ page }) => {
      await page.goto(at(path));
      await page.waitForLoadState('networkidle');
      expect(await overflowing(page)).toEqual([]);
    });
  }

  test('nor on /search/ with results, nor on /classify/ with a card', async ({ page }) => {
    await page.goto(`${at('search/')}#q=${encodeURIComponent('mailbox full')}`);
    await expect(page.locator('[data-search-results] a.search-result-link').first()).toBeVisible();
    expect(await overflowing(page)).toEqual([]);
    await page.goto(`${at('classify/')}#q=${encodeURIComponent(longest.data.reply)}`);
    await expect(page.locator('[data-classifier-results] > li').first()).toBeVisible();
    expect(await overflowing(page)).toEqual([]);
  });

  // Touch targets are checked where they are smallest (axe's target-size rule, WCAG 2.5.8).
  for (const path of ['', `codes/${hm08.id}/`, 'codes/550/', 'tags/', 'sending-to-icloud/'])
    test(`axe at phone width: /${path} (light and dark)`, async ({ page }) => {
      await page.goto(at(path));
      expect(await axeBothSchemes(page)).toEqual({ light: [], dark: [] });
    });

  for (const path of ['', 'codes/550/', `codes/${hm08.id}/`, 'tags/'])
    test(`links and buttons in the header, breadcrumbs and lists of /${path} are at least 24 × 24 px`, async ({
      page,
    }) => {
      await page.goto(at(path));
      expect(await smallTargets(page, `${NAV_TARGETS}, ${LIST_TARGETS}`, 24)).toEqual([]);
    });

  test('the main actions are at least 44 px: copy buttons, the classifier’s buttons, /analyze/’s file buttons', async ({
    page,
  }) => {
    await page.goto(at(`codes/${hm08.id}/`));
    expect(await smallTargets(page, '.copy-button, .section-links > .copy-link, .copy-note', 44)).toEqual([]);
    await page.goto(at('classify/'));
    expect(await smallTargets(page, '.classifier-ui .button', 44)).toEqual([]);
    await page.goto(at('analyze/'));
    expect(await smallTargets(page, 'main .file-button', 44)).toEqual([]);
  });

  test('the review date sits right under the title', async ({ page }) => {
    for (const e of [hm08, longest]) {
      await page.goto(at(`codes/${e.id}/`));
      const h1 = (await page.locator('h1').boundingBox())!;
      const date = (await page.locator('[data-entry-reviewed]').boundingBox())!;
      expect(date.y - (h1.y + h1.height), e.id).toBeLessThanOrEqual(200);
      expect(date.y, e.id).toBeGreaterThanOrEqual(h1.y + h1.height - 1);
    }
  });

  test('the header stays compact and "Guides" on one line', async ({ page }) => {
    await page.goto(at(''));
    const header = await page.locator('.site-header').boundingBox();
    expect(header!.height).toBeLessThanOrEqual(64);
    const guides = page.locator('.site-nav a', { hasText: 'Guides' });
    const lines = await guides.evaluate((a) => a.getClientRects().length);
    expect(lines).toBe(1);
  });

  test('entry lists show code, title, outcome, retry and suppress without scrolling sideways', async ({
    page,
  }) => {
    await page.goto(at(''));
    const row = page.locator(`.entry-table tr[data-entry="${hm08.id}"]`);
    // Scrolled to vertically only: a cell that still sticks out sideways fails below. (Waiting for
    // each cell to come into view, as this test once did, cost 5 s per cell that never would.)
    await row.scrollIntoViewIfNeeded();
    for (const label of ['Code', 'Reply', 'Outcome', 'Retry', 'Suppress']) {
      const cell = row.locator(`td[data-label="${label}"]`);
      const box = await cell.evaluate((td) => {
        const r = (td.firstElementChild ?? td).getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(td);
        const t = range.getBoundingClientRect();
        return { left: Math.min(r.left, t.left), right: Math.max(r.right, t.right) };
      });
      expect(box.left, label).toBeGreaterThanOrEqual(0);
      expect(box.right, label).toBeLessThanOrEqual(390);
    }
  });

  test('a tag token is never split across lines', async ({ page }) => {
    await page.goto(at('tags/'));
    for (const code of await page.locator('main code').all()) {
      const text = (await code.textContent()) ?? '';
      if (!/^\[[A-Z0-9]+\]$/.test(text)) continue;
      expect(await code.evaluate((c) => c.getClientRects().length), text).toBe(1);
    }
  });

  test('the basic-code page does not repeat its code in every row', async ({ page }) => {
    await page.goto(at('codes/550/'));
    const codes = await page.locator('.entry-table td.entry-codes').allTextContents();
    expect(codes.length).toBeGreaterThan(1);
    for (const c of codes) expect(c).not.toMatch(/\b550\b/);
  });
});

test.describe('entry pages at 1280×800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });
  for (const e of [hm08, longest]) {
    test(`/codes/${e.id}/: the action is on the first screen, prose at reading width, no layout shift`, async ({
      page,
    }) => {
      await page.addInitScript(() => {
        (window as unknown as { __cls: number }).__cls = 0;
        new PerformanceObserver((list) => {
          for (const s of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
          })[])
            if (!s.hadRecentInput) (window as unknown as { __cls: number }).__cls += s.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(at(`codes/${e.id}/`));
      await page.waitForLoadState('networkidle');
      // A late font swap is the shift to catch: wait until the fonts are in and two frames are drawn.
      await page.evaluate(async () => {
        await document.fonts.ready;
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      });
      const action = await page.locator('[data-action]').boundingBox();
      expect(action!.y + action!.height).toBeLessThanOrEqual(800);
      const widths = await page
        .locator('.entry-body p')
        .evaluateAll((ps) =>
          ps.map((p) => p.getBoundingClientRect().width / parseFloat(getComputedStyle(p).fontSize)),
        );
      expect(widths.length).toBeGreaterThan(0);
      for (const w of widths) expect(w).toBeLessThanOrEqual(45);
      expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBe(0);
    });
  }
});
