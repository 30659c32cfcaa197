/** /feed.xml: Atom feed of the newest plans (feedPlans), newest first. */
import type { APIRoute } from 'astro';
import { atlas } from '../site/atlas.ts';
import { atomFeed } from '../site/feed.ts';
import { siteName } from '../site/site-strings.ts';
import { absoluteUrl } from '../site/url.ts';

export const GET: APIRoute = async () => {
  const { plans } = await atlas();
  const body = atomFeed(plans, { title: siteName, home: absoluteUrl('/'), self: absoluteUrl('/feed.xml'), absolute: (path) => absoluteUrl(path) });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
