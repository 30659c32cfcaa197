/** /downloads/items.json: every item of every plan, the same fields as the CSV. */
import type { APIRoute } from 'astro';
import { atlas } from '../../site/atlas.ts';
import { itemsJson } from '../../site/downloads.ts';
import { absoluteUrl } from '../../site/url.ts';

export const GET: APIRoute = async () => {
  const { items } = await atlas();
  return new Response(itemsJson(items, (path) => absoluteUrl(path)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
