/** /downloads/items.csv: every item of every plan, one row each, with a BOM for Excel. */
import type { APIRoute } from 'astro';
import { atlas } from '../../site/atlas.ts';
import { itemsCsv } from '../../site/downloads.ts';
import { absoluteUrl } from '../../site/url.ts';

export const GET: APIRoute = async () => {
  const { items } = await atlas();
  return new Response(itemsCsv(items, (path) => absoluteUrl(path)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
