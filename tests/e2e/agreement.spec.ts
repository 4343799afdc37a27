// The third audit's classifier fixtures (issue 17): stock Spamhaus wording without iCloud context,
// the same sentence from another provider's host and from an iCloud verification, and a reply from
// the second relay domain. The box, the command and /analyze/ must give each the same answer.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { at } from '../support/base-path';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'tests/unit/fixtures');

// Expected entry per reply (`none`: no iCloud entry), as the fixtures' own tests state them.
const CASES = [
  ['reply/spamhaus-sbl-bare.txt', ['none']],
  ['postfix-bounce/spamhaus-sbl-other-host.txt', ['none']],
  ['reply/verifier-sbl-icloud.txt', ['550-5-7-1-spamhaus-sbl']],
  ['postfix-log/private-icloud-user-not-found.txt', ['550-5-1-1-relay-user-not-found']],
] as const;

function command(args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/classify.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  return r.stdout;
}

for (const [file, expected] of CASES) {
  const fixture = path.join(fixtures, file);

  test(`${file}: the box, the command and /analyze/ agree`, async ({ page }) => {
    const out = JSON.parse(command(['--json', fixture])) as { results: { entry?: { id: string } }[] };
    const byCommand = out.results.map((r) => r.entry?.id ?? 'none');
    expect(byCommand).toEqual(expected);

    await page.goto(at('classify/'));
    await expect(page.locator('[data-classifier]')).toHaveAttribute('data-state', 'ready');
    await page
      .getByLabel('Paste a bounce message, a log line or an SMTP reply')
      .fill(readFileSync(fixture, 'utf8'));
    const cards = page.locator('[data-classifier-results] > li');
    await expect(cards).toHaveCount(expected.length);
    expect(await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-entry')))).toEqual(expected);

    const summary = JSON.parse(command(['--summary', '--json', fixture])) as {
      entries: Record<string, number>;
    };
    const credited = Object.fromEntries(expected.filter((id) => id !== 'none').map((id) => [id, 1]));
    expect(summary.entries).toEqual(credited);
    await page.goto(at('analyze/'));
    await expect(page.locator('[data-analyze]')).toHaveAttribute('data-state', 'idle');
    await page.locator('[data-analyze-files]').setInputFiles(fixture);
    await expect(page.locator('[data-report]')).toBeVisible({ timeout: 30_000 });
    const rows = page.locator('[data-report-entry]');
    const shown = await rows.evaluateAll((els) =>
      Object.fromEntries(
        els.map((e) => [e.getAttribute('data-report-entry'), Number(e.getAttribute('data-count'))]),
      ),
    );
    expect(shown).toEqual(credited);
  });
}
