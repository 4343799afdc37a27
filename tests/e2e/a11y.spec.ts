// Zero axe violations (WCAG 2.0–2.2 A/AA) on every built page, in light and in dark.
import { expect, test } from '@playwright/test';
import { axeBothSchemes } from '../support/axe';
import { builtPages } from '../support/site-pages';

const pages = [...builtPages(), '/404.html'];

for (const path of pages) {
  test(`axe: ${path} (light and dark)`, async ({ page }) => {
    await page.goto(path);
    expect(await axeBothSchemes(page)).toEqual({ light: [], dark: [] });
  });
}
