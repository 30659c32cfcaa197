/** /downloads/commitments.csv: every commitment of every item (docs/commitments.md), one row each, with a BOM for Excel. */
import type { APIRoute } from 'astro';
import { atlas } from '../../site/atlas.ts';
import { commitmentRows, commitmentsCsv } from '../../site/downloads.ts';
import { enrichedItems } from '../../site/item-enrichment.ts';
import { absoluteUrl } from '../../site/url.ts';

export const GET: APIRoute = async () => {
  const { items } = await atlas();
  const enriched = enrichedItems();
  const rows = commitmentRows(items, (url) => enriched.get(url)?.commitments ?? [], (path) => absoluteUrl(path));
  return new Response(commitmentsCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
