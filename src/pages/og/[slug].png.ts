// /og/<entry id>.png: each entry's link-preview image, drawn at build time from its front matter.
import type { APIRoute, GetStaticPaths } from 'astro';
import { root } from 'astro:config/server';
import { entryRoutes, type CodeEntry } from '../../data/codes';
import { entryCard } from '../../og/entry-card';
import { loadFonts } from '../../og/fonts';
import { renderPng } from '../../og/render';

export const getStaticPaths = entryRoutes satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: CodeEntry }> = async ({ props, site }) => {
  const { code, enhanced, tag, title, outcome, retry } = props.entry.data;
  const card = entryCard({ code, enhanced, tag, title, outcome, retry, host: site?.host ?? '' });
  return new Response(await renderPng(card, await loadFonts(root)), {
    headers: { 'Content-Type': 'image/png' },
  });
};
