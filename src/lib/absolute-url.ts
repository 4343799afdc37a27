// Absolute URLs for things that leave the site (link previews, copied links, twins, robots.txt):
// the deployment's origin (`site`) plus the base path plus the page path.
import { withBase } from './urls.ts';

export const absoluteUrl = (site: URL | string, base: string, path = '') =>
  new URL(withBase(base, path), site).href;
