/** /downloads/commitments.json: every commitment of every item (docs/commitments.md), one object each, the same fields as the CSV. */
import type { APIRoute } from 'astro';
import { atlas } from '../../site/atlas.ts';
import { commitmentRows, commitmentsJson } from '../../site/downloads.ts';
import { enrichedItems } from '../../site/item-enrichment.ts';
import { absoluteUrl } from '../../site/url.ts';

export const GET: APIRoute = async () => {
  const { items } = await atlas();
  const enriched = enrichedItems();
  const rows = commitmentRows(items, (url) => enriched.get(url)?.commitments ?? [], (path) => absoluteUrl(path));
  return new Response(commitmentsJson(rows), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
