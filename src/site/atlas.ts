/**
 * The plans collection and its derived views, computed once per build.
 */
import { getCollection } from 'astro:content';
import type { Plan } from '../model/plan.ts';
import { buildRegionTree, itemsInPlan, sortPlans, type ItemInPlan, type RegionNode } from './atlas-model.ts';

export interface Atlas {
  /** Newest first. */
  plans: Plan[];
  regions: RegionNode[];
  regionsByUrl: Map<string, RegionNode>;
  items: ItemInPlan[];
  /** The same items by URL, for pages that gather items from across the atlas. */
  itemsByUrl: Map<string, ItemInPlan>;
  years: number[];
}

let loaded: Promise<Atlas> | undefined;

async function load(): Promise<Atlas> {
  const entries = await getCollection('plans');
  const plans = sortPlans(entries.map((entry) => entry.data));
  const { roots, byUrl } = buildRegionTree(plans);
  const items = plans.flatMap(itemsInPlan);
  return {
    plans,
    regions: roots,
    regionsByUrl: byUrl,
    items,
    itemsByUrl: new Map(items.map((context) => [context.item.url, context])),
    years: [...new Set(plans.map((plan) => plan.year))].sort((a, b) => b - a),
  };
}

export function atlas(): Promise<Atlas> {
  loaded ??= load();
  return loaded;
}
