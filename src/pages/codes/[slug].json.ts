// /codes/<entry id>.json: the entry's front matter plus its page URL, for scripts and tools.
import type { APIRoute, GetStaticPaths } from 'astro';
import { entryRoutes, type CodeEntry } from '../../data/codes';
import { absoluteUrl } from '../../lib/absolute-url';
import { entryJson } from '../../lib/entry-twins';
import { entryPath } from '../../lib/urls';

export const getStaticPaths = entryRoutes satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: CodeEntry }> = ({ props: { entry }, site }) => {
  const url = absoluteUrl(site!, import.meta.env.BASE_URL, entryPath(entry.id));
  return new Response(`${JSON.stringify(entryJson(entry.id, url, entry.data), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
