// /og/site.png: the preview image for every page that is not an entry.
import type { APIRoute } from 'astro';
import { root } from 'astro:config/server';
import { getEntries } from '../../data/codes';
import { getEntryTags } from '../../data/tags';
import { siteCard } from '../../og/site-card';
import { loadFonts } from '../../og/fonts';
import { renderPng } from '../../og/render';

export const GET: APIRoute = async ({ site }) => {
  const tags = (await getEntryTags()).map((t) => t.tag).sort();
  const card = siteCard({ replies: (await getEntries()).length, tags, host: site?.host ?? '' });
  return new Response(await renderPng(card, await loadFonts(root)), {
    headers: { 'Content-Type': 'image/png' },
  });
};
