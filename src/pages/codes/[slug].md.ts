// /codes/<entry id>.md: the whole entry as Markdown (facts, the explanation as written, variants,
// sources), for tools and LLM agents that read text better than HTML.
import type { APIRoute, GetStaticPaths } from 'astro';
import { entryRoutes, type CodeEntry } from '../../data/codes';
import { absoluteUrl } from '../../lib/absolute-url';
import { entryMarkdown } from '../../lib/entry-twins';
import { entryPath } from '../../lib/urls';

export const getStaticPaths = entryRoutes satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: CodeEntry }> = ({ props: { entry }, site }) => {
  const url = absoluteUrl(site!, import.meta.env.BASE_URL, entryPath(entry.id));
  return new Response(entryMarkdown(entry.id, url, entry.data, entry.body ?? ''), {
    headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
  });
};
