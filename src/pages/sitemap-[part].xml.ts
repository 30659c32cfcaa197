/** /sitemap-{n}.xml: one file of the sitemap, at most sitemapUrlsPerFile URLs, sorted. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { sitemap } from '../site/feed.ts';
import { sitemapPages } from '../site/sitemap.ts';
import { absoluteUrl } from '../site/url.ts';

export const getStaticPaths = (async () => (await sitemapPages()).map((paths, index) => ({ params: { part: String(index + 1) }, props: { paths } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(sitemap((props as { paths: string[] }).paths.map((path) => absoluteUrl(path))), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
