/**
 * Topics and related items of an item, written by the cross-link stage (npm run enrich)
 * when it exists. The item page renders these only when there is something to show.
 * The cross-link stage owns the data (scripts/enrich/, content/enrichment/).
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { itemEnrichmentSchema, type Commitment, type ItemEnrichment as EnrichedItem, type PlanEntry } from '../model/enrichment.ts';
import { itemsOf, type Plan } from '../model/plan.ts';
import { relatedReason } from '../components/enrich/view.ts';

export interface TopicLink { slug: string; name: string }
export interface RelatedItem { url: string; title: string; plan: string; reason?: string }
export interface ItemEnrichment { topics: TopicLink[]; related: RelatedItem[] }

/** Written by the enrich stage (scripts/enrich/): items.json and plans.json, arrays of entries with an id. */
export const enrichmentPath = 'content/enrichment/items.json';
const enrichedPlansPath = 'content/enrichment/plans.json';

let enriched: Map<string, EnrichedItem> | undefined;

/**
 * Every enriched item by URL, read once per build. Not a content collection: at
 * 1,000 plans it was 23 MB of Astro's data store, serialised and loaded back.
 */
export function enrichedItems(): Map<string, EnrichedItem> {
  enriched ??= existsSync(enrichmentPath)
    ? new Map(z.array(itemEnrichmentSchema).parse(JSON.parse(readFileSync(enrichmentPath, 'utf8'))).map((item) => [item.url, item]))
    : new Map();
  return enriched;
}

let cache: Map<string, ItemEnrichment> | undefined;

function loadEnrichment(): Map<string, ItemEnrichment> {
  if (!existsSync(enrichmentPath) || !existsSync(enrichedPlansPath)) return new Map();
  const items = [...enrichedItems().values()];
  const plans = new Map((JSON.parse(readFileSync(enrichedPlansPath, 'utf8')) as PlanEntry[]).map((plan) => [plan.id, plan]));
  const byUrl = new Map(items.map((item) => [item.url, item]));
  const topicNames = new Map(items.flatMap((item) => item.topics.map((topic) => [topic.slug, topic.name] as const)));
  return new Map(
    items.map((item) => [
      item.url,
      {
        topics: item.topics.map((topic) => ({ slug: topic.slug, name: topic.name })),
        related: item.related.flatMap((entry) => {
          const other = byUrl.get(entry.url);
          const plan = other && plans.get(other.plan);
          return other && plan ? [{ url: entry.url, title: other.name, plan: `${plan.region} ${plan.year}年${plan.kind}`, reason: relatedReason(entry, topicNames) }] : [];
        }),
      },
    ]),
  );
}

export function enrichmentOf(itemUrl: string): ItemEnrichment {
  cache ??= loadEnrichment();
  return cache.get(itemUrl) ?? { topics: [], related: [] };
}

/** A plan's items' commitments, in document order: what its page's table shows. */
export function planCommitments(plan: Plan): Commitment[][] {
  const items = enrichedItems();
  return [...itemsOf(plan.sections)].map((item) => items.get(item.url)?.commitments ?? []);
}
