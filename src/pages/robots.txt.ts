// /robots.txt: everything may be crawled; the sitemap address follows SITE and BASE.
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../lib/absolute-url';

export const GET: APIRoute = ({ site }) =>
  new Response(
    `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(site!, import.meta.env.BASE_URL, 'sitemap-index.xml')}\n`,
    {
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    },
  );
