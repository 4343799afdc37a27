// The accessibility bar every page is held to: axe's WCAG 2.0–2.2 A and AA rules.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The page's violations as it is now, one line each: the rule and the elements that break it. */
export async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The violations in the light and then the dark scheme, from one page load. The themes are CSS
 *  media queries only (no script reads the scheme), so switching the emulated scheme restyles the
 *  page in place as a fresh load in that scheme would. */
export async function axeBothSchemes(page: Page): Promise<Record<'light' | 'dark', string[]>> {
  const textColour = () => page.evaluate(() => getComputedStyle(document.body).color);
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await axeViolations(page);
  const lightText = await textColour();
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await axeViolations(page);
  // Guards the premise above: were the scheme read once at load, both runs would check one theme.
  if ((await textColour()) === lightText)
    throw new Error(`the page kept its light text colour (${lightText}) in the dark scheme`);
  return { light, dark };
}
