/** /robots.txt: everything may be crawled; the sitemap lives under the base. */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../site/url.ts';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl('/sitemap.xml')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
