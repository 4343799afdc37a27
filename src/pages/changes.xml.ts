// /changes.xml: the Atom feed of what changed in the entries, one item per history item.
import type { APIRoute } from 'astro';
import { getEntries } from '../data/codes';
import { absoluteUrl } from '../lib/absolute-url';
import { atomFeed } from '../lib/atom';
import { allChanges, changesFeed } from '../lib/changes';
import { SITE_NAME } from '../lib/site';

export const GET: APIRoute = async ({ site }) => {
  const absolute = (path: string) => absoluteUrl(site!, import.meta.env.BASE_URL, path);
  const feed = changesFeed(allChanges(await getEntries()), absolute, SITE_NAME);
  return new Response(atomFeed(feed), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
