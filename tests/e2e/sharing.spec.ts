// Pages worth linking: link-preview tags and images, copy-link buttons, tag short links, the JSON and
// Markdown twins, the sitemap and robots.txt. Every expectation is derived from content/codes/*.mdx.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { at } from '../support/base-path';
import { loadEntries } from '../support/entries';
import { pngSize } from '../support/png';
import { plainMarkdown } from '../../src/lib/entry-twins';

const entries = loadEntries();

async function previewTags(page: Page) {
  const head = page.locator('head');
  const meta = (selector: string) => head.locator(selector).getAttribute('content');
  return {
    canonical: await head.locator('link[rel="canonical"]').getAttribute('href'),
    ogUrl: await meta('meta[property="og:url"]'),
    ogTitle: await meta('meta[property="og:title"]'),
    ogDescription: await meta('meta[property="og:description"]'),
    ogImage: await meta('meta[property="og:image"]'),
    twitterCard: await meta('meta[name="twitter:card"]'),
  };
}

/** The deployment's public origin, as the home page's canonical URL names it. */
async function siteRoot(request: APIRequestContext): Promise<string> {
  const html = await (await request.get(at())).text();
  const href = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
  expect(href, 'home page canonical').toBeTruthy();
  return href!;
}

async function expectPreviewPng(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()['content-type']).toContain('image/png');
  expect(pngSize(await response.body())).toEqual({ width: 1200, height: 630 });
}

test.describe('link previews', () => {
  for (const { id, data } of entries) {
    test(`/codes/${id}/ has absolute preview tags and its own 1200×630 image`, async ({ page, request }) => {
      await page.goto(at(`codes/${id}/`));
      const tags = await previewTags(page);
      const canonical = new URL(tags.canonical!);
      expect(canonical.pathname).toBe(at(`codes/${id}/`));
      expect(canonical.protocol).toMatch(/^https?:$/);
      expect(tags.ogUrl).toBe(canonical.href);
      expect(tags.ogTitle).toContain(data.title);
      expect(tags.ogDescription).toBe(data.summary);
      expect(tags.twitterCard).toBe('summary_large_image');
      const image = new URL(tags.ogImage!);
      expect(image.origin).toBe(canonical.origin);
      expect(image.pathname).toBe(at(`og/${id}.png`));
      await expectPreviewPng(request, image.pathname);
    });
  }

  test('other pages share the site-wide image', async ({ page, request }) => {
    for (const path of ['', `codes/${entries[0]!.data.code}/`, 'tags/']) {
      await page.goto(at(path));
      const tags = await previewTags(page);
      expect(new URL(tags.canonical!).pathname).toBe(at(path));
      expect(tags.ogUrl).toBe(tags.canonical);
      expect(tags.ogTitle).toBeTruthy();
      expect(tags.ogDescription).toBeTruthy();
      expect(tags.twitterCard).toBe('summary_large_image');
      expect(new URL(tags.ogImage!).pathname).toBe(at('og/site.png'));
    }
    await expectPreviewPng(request, at('og/site.png'));
  });
});

test.describe('copy-link buttons', () => {
  const { id, body } = entries.find((e) => e.data.tag) ?? entries[0]!;
  const bodySections = [...body.matchAll(/^## (.+)$/gm)].map((m) => m[1]!);

  // Copied links use the page's own origin: the build's SITE may be a placeholder.
  const ownUrl = async (page: Page) =>
    new URL(new URL((await page.locator('link[rel="canonical"]').getAttribute('href'))!).pathname, page.url())
      .href;

  test('copy the page link and each section link', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(at(`codes/${id}/`));
    const canonical = await ownUrl(page);
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    const copied = async (name: string) => {
      await page.evaluate(() => navigator.clipboard.writeText('-'));
      await page.getByRole('button', { name, exact: true }).click();
      await expect.poll(clipboard).not.toBe('-');
      return clipboard();
    };

    expect(await copied('Copy link to this page')).toBe(canonical);
    for (const text of [...bodySections, 'Sources']) {
      const url = new URL(await copied(`Copy link to the section “${text}”`));
      expect(url.href.startsWith(`${canonical}#`)).toBe(true);
      // The anchor names a heading with that text on the page.
      await expect(page.locator(`h2[id="${url.hash.slice(1)}"]`)).toHaveText(text);
    }
  });

  test('are hidden without JavaScript, leaving plain section links', async ({ browser }) => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(at(`codes/${id}/`));
    await expect(page.locator('.section-links a').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Copy link to this page' })).toHaveCount(0);
    await noJs.close();
  });

  test('work from the keyboard', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(at(`codes/${id}/`));
    const canonical = await ownUrl(page);
    await page.getByRole('button', { name: 'Copy link to this page' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.section-links > button.copy-link')).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(canonical);
  });
});

test.describe('tag short links', () => {
  const byTag = Map.groupBy(
    entries.filter((e) => e.data.tag),
    (e) => e.data.tag!,
  );
  test('some entries carry a tag', () => expect(byTag.size).toBeGreaterThan(0));

  for (const [tag, tagged] of byTag) {
    const path = at(`${tag.toLowerCase()}/`);
    if (tagged.length === 1) {
      test(`${path} leads to the entry`, async ({ page, request }) => {
        const { id } = tagged[0]!;
        const html = await (await request.get(path)).text();
        expect(html).toMatch(/<meta http-equiv="refresh" content="0;url=[^"]+">/);
        expect(html).toContain(`<a href="${at(`codes/${id}/`)}">`);
        expect(new URL(/<link rel="canonical" href="([^"]+)"/.exec(html)![1]!).pathname).toBe(
          at(`codes/${id}/`),
        );
        await page.goto(path);
        await page.waitForURL(`**${at(`codes/${id}/`)}`);
        await expect(page.locator('article.entry')).toHaveAttribute('data-entry', id);
      });
    } else {
      test(`${path} offers the choice between its ${tagged.length} entries`, async ({ page }) => {
        await page.goto(path);
        await expect(page.locator('h1')).toContainText(`[${tag}]`);
        for (const { id } of tagged)
          await expect(page.locator(`main a[href="${at(`codes/${id}/`)}"]`)).toHaveCount(1);
        await expect(page.locator(`main a[href="${at(`tags/#${tag.toLowerCase()}`)}"]`)).toHaveCount(1);
      });
    }
  }
});

test.describe('machine-readable twins', () => {
  for (const { id, frontMatter, data, body } of entries) {
    test(`/codes/${id}.json and .md match the entry and are linked from its page`, async ({
      page,
      request,
    }) => {
      await page.goto(at(`codes/${id}/`));
      const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
      await expect(page.locator('a[data-twin="json"]')).toHaveAttribute('href', at(`codes/${id}.json`));
      await expect(page.locator('a[data-twin="md"]')).toHaveAttribute('href', at(`codes/${id}.md`));

      const json = await (await request.get(at(`codes/${id}.json`))).json();
      expect(json.id).toBe(id);
      expect(json.url).toBe(canonical);
      // As written, plus the schema's defaults inside objects (labels.esps: []).
      for (const [key, value] of Object.entries(frontMatter)) {
        if (value && typeof value === 'object' && !Array.isArray(value))
          expect(json[key], key).toMatchObject(value as Record<string, unknown>);
        else expect(json[key], key).toEqual(value);
      }

      const md = await (await request.get(at(`codes/${id}.md`))).text();
      expect(md.startsWith(`# ${data.title}\n`)).toBe(true);
      expect(md).toContain(data.reply);
      expect(md).toContain(plainMarkdown(body, canonical!));
      expect(md).not.toMatch(/^import\s/m);
      for (const ex of data.examples) expect(md).toContain(ex.text);
      for (const s of data.sources) expect(md).toContain(`(${s.url})`);
      expect(md).toContain(canonical!);
    });
  }
});

test.describe('sitemap and robots.txt', () => {
  test('the sitemap lists every page by its absolute URL, and no short link', async ({ request }) => {
    const root = await siteRoot(request);
    const index = await (await request.get(at('sitemap-index.xml'))).text();
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(sitemaps.length).toBeGreaterThan(0);
    const locs: string[] = [];
    for (const sitemap of sitemaps) {
      expect(sitemap.startsWith(root)).toBe(true);
      const xml = await (await request.get(new URL(sitemap).pathname)).text();
      locs.push(...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!));
    }
    for (const loc of locs) expect(loc.startsWith(root), loc).toBe(true);
    const expected = [
      root,
      ...entries.map((e) => `${root}codes/${e.id}/`),
      ...new Set(entries.flatMap((e) => (e.data.code ? [`${root}codes/${e.data.code}/`] : []))),
    ];
    expect(locs).toEqual(expect.arrayContaining(expected));
    const tags = new Set(entries.flatMap((e) => (e.data.tag ? [e.data.tag] : [])));
    for (const tag of tags) {
      const single = entries.filter((e) => e.data.tag === tag).length === 1;
      if (single) expect(locs).not.toContain(`${root}${tag.toLowerCase()}/`);
    }
  });

  test('robots.txt points at the sitemap', async ({ request }) => {
    const root = await siteRoot(request);
    const robots = await (await request.get(at('robots.txt'))).text();
    expect(robots).toContain('User-agent: *');
    expect(robots).toContain(`Sitemap: ${root}sitemap-index.xml`);
  });
});
