// The accessibility bar every page is held to: axe's WCAG 2.0–2.2 A and AA rules.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** The rules among those whose outcome depends on colours. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** The page's violations as it is now, one line each: the rule and the elements that break it. */
export async function axeViolations(page: Page, rules?: string[]): Promise<string[]> {
  const axe = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  const { violations } = await (rules ? axe.withRules(rules) : axe).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** What the dark scheme's media rules set other than custom properties (colour variables). */
const darkNonVariables = (page: Page) =>
  page.evaluate(() =>
    [...document.styleSheets]
      .flatMap((sheet) => [...sheet.cssRules])
      .filter(
        (r): r is CSSMediaRule =>
          r instanceof CSSMediaRule && /prefers-color-scheme:\s*dark/.test(r.conditionText),
      )
      .flatMap((m) => [...m.cssRules])
      .flatMap((r) =>
        r instanceof CSSStyleRule ? [...r.style].filter((p) => !p.startsWith('--')) : [r.cssText],
      ),
  );

/** Every rule in the light scheme, then the colour rules in the dark one, from one page load. The dark
 *  theme only redefines colour variables in a media query (checked here, so a theme that does more
 *  fails until this runs every rule again), so switching the emulated scheme restyles the page in place
 *  as a fresh load would, and only the colour rules can answer differently. */
export async function axeBothSchemes(page: Page): Promise<Record<'light' | 'dark', string[]>> {
  const textColour = () => page.evaluate(() => getComputedStyle(document.body).color);
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await axeViolations(page);
  const lightText = await textColour();
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await axeViolations(page, COLOUR_RULES);
  if ((await textColour()) === lightText)
    throw new Error(`the page kept its light text colour (${lightText}) in the dark scheme`);
  const beyondColours = await darkNonVariables(page);
  if (beyondColours.length)
    throw new Error(`the dark scheme sets more than colour variables: ${beyondColours.join(', ')}`);
  return { light, dark };
}
