/** /sitemap.xml: the sitemap index, naming each file of the sitemap (src/site/sitemap.ts). */
import type { APIRoute } from 'astro';
import { sitemapIndex } from '../site/feed.ts';
import { sitemapPages, sitemapPartPath } from '../site/sitemap.ts';
import { absoluteUrl } from '../site/url.ts';

export const GET: APIRoute = async () => {
  const parts = await sitemapPages();
  return new Response(sitemapIndex(parts.map((_, index) => absoluteUrl(sitemapPartPath(index + 1)))), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
