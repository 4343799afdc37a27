// Redirect-only pages (the tag short links) stay out of the sitemap; real pages stay in.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { notARedirect } from '../../src/integrations/sitemap-filter';

const out = mkdtempSync(join(tmpdir(), 'sitemap-filter-'));
const page = (path: string, html: string) => {
  mkdirSync(join(out, path), { recursive: true });
  writeFileSync(join(out, path, 'index.html'), html);
};
page(
  'hm08',
  '<!DOCTYPE html><html><head><meta http-equiv="refresh" content="0;url=/x/codes/554-5-7-1-hm08/"></head></html>',
);
page('codes/554', '<!DOCTYPE html><html><head><title>554</title></head><body><h1>554</h1></body></html>');
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('notARedirect', () => {
  const keep = notARedirect(out, 'https://example.github.io', '/x/');
  it('drops a page that only redirects', () => expect(keep('https://example.github.io/x/hm08/')).toBe(false));
  it('keeps a real page, and a page it cannot find on disk', () => {
    expect(keep('https://example.github.io/x/codes/554/')).toBe(true);
    expect(keep('https://example.github.io/x/')).toBe(true);
  });
});
