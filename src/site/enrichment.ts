/**
 * Topics and related items of an item, written by the cross-link stage (issue 4)
 * when it exists. The item page renders these only when there is something to show.
 * The cross-link stage owns the data; replace `loadEnrichment` when it lands.
 */
import { existsSync, readFileSync } from 'node:fs';

export interface TopicLink { slug: string; name: string }
export interface RelatedItem { url: string; title: string; plan: string; reason?: string }
export interface ItemEnrichment { topics: TopicLink[]; related: RelatedItem[] }

/** Expected at content/enrich/items.json: { "<item url>": { topics: [...], related: [...] } }. */
export const enrichmentPath = 'content/enrich/items.json';

let cache: Map<string, ItemEnrichment> | undefined;

function loadEnrichment(): Map<string, ItemEnrichment> {
  if (!existsSync(enrichmentPath)) return new Map();
  const raw = JSON.parse(readFileSync(enrichmentPath, 'utf8')) as Record<string, Partial<ItemEnrichment>>;
  return new Map(Object.entries(raw).map(([url, value]) => [url, { topics: value.topics ?? [], related: value.related ?? [] }]));
}

export function enrichmentOf(itemUrl: string): ItemEnrichment {
  cache ??= loadEnrichment();
  return cache.get(itemUrl) ?? { topics: [], related: [] };
}
