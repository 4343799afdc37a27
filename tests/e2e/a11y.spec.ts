// Zero axe violations (WCAG 2.0–2.2 A/AA) on every built page, in light and in dark.
import { expect, test } from '@playwright/test';
import { axeViolations } from '../support/axe';
import { builtPages } from '../support/site-pages';

const pages = [...builtPages(), '/404.html'];

for (const scheme of ['light', 'dark'] as const) {
  for (const path of pages) {
    test(`axe: ${path} (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
}
