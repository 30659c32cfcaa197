/**
 * Where a reader goes from a plan: its topics (with how many of its items each
 * holds), its region's plans of other years, and for its main topics the plans of
 * other regions that give them the most items. Made from the enrich stage's plan
 * entries, so a plan page's key can hold them: they change as other plans come in.
 */
import type { PlanEntry, TopicEntry } from '../model/enrichment.ts';
import { planOrder } from '../model/order.ts';

export interface PlanLink {
  url: string;
  /** 泰安市 2025年工作总结和工作计划 */
  label: string;
  year: number;
}

export interface PlanLinks {
  topics: Array<{ slug: string; name: string; items: number }>;
  otherYears: PlanLink[];
  /** For each of the plan's main topics, other regions' plans with the most items in it. */
  sameTopic: Array<{ slug: string; name: string; plans: Array<PlanLink & { items: number }> }>;
}

const mainTopics = 2;
const plansPerTopic = 3;

const linkOf = (plan: PlanEntry): PlanLink => ({ url: plan.url, label: `${plan.region} ${plan.year}年${plan.kind}`, year: plan.year });

/**
 * The atlas's plans grouped once for every plan's links: by region (in year order) and,
 * for each topic, those that hold it, most items first. Asked of every plan page, the
 * plain filter-and-sort over all plans made getStaticPaths grow with the square of the
 * atlas (about a minute before the first page at 3,000 plans).
 */
interface PlanIndex {
  byId: Map<string, PlanEntry>;
  byRegion: Map<string, PlanEntry[]>;
  byTopic: Map<string, PlanEntry[]>;
}

const indexes = new WeakMap<readonly PlanEntry[], PlanIndex>();
const regionOf = (plan: PlanEntry): string => plan.regionPath.join('/');

function indexOf(plans: readonly PlanEntry[]): PlanIndex {
  const known = indexes.get(plans);
  if (known) return known;
  const index: PlanIndex = { byId: new Map(), byRegion: new Map(), byTopic: new Map() };
  const add = (groups: Map<string, PlanEntry[]>, key: string, plan: PlanEntry): void => {
    const group = groups.get(key);
    if (group) group.push(plan);
    else groups.set(key, [plan]);
  };
  for (const plan of plans) {
    index.byId.set(plan.id, plan);
    add(index.byRegion, regionOf(plan), plan);
    for (const [slug, items] of Object.entries(plan.topics)) if (items > 0) add(index.byTopic, slug, plan);
  }
  for (const list of index.byRegion.values()) list.sort((a, b) => a.year - b.year || (a.id < b.id ? -1 : 1));
  for (const [slug, list] of index.byTopic) list.sort((a, b) => (b.topics[slug] ?? 0) - (a.topics[slug] ?? 0) || planOrder(a, b));
  indexes.set(plans, index);
  return index;
}

export function planLinks(planId: string, plans: readonly PlanEntry[], topics: readonly TopicEntry[]): PlanLinks {
  const index = indexOf(plans);
  const plan = index.byId.get(planId);
  if (!plan) return { topics: [], otherYears: [], sameTopic: [] };
  const topicOrder = new Map(topics.map((topic) => [topic.slug, topic] as const));
  const planTopics = Object.entries(plan.topics)
    .flatMap(([slug, items]) => (topicOrder.has(slug) ? [{ slug, name: topicOrder.get(slug)!.name, items }] : []))
    .sort((a, b) => b.items - a.items || topicOrder.get(a.slug)!.order - topicOrder.get(b.slug)!.order);
  const region = regionOf(plan);
  const otherYears = (index.byRegion.get(region) ?? []).filter((candidate) => candidate.id !== plan.id).map(linkOf);
  const sameTopic = planTopics.slice(0, mainTopics).map((topic) => {
    const found: Array<PlanLink & { items: number }> = [];
    for (const candidate of index.byTopic.get(topic.slug) ?? []) {
      if (found.length === plansPerTopic) break;
      if (regionOf(candidate) !== region) found.push({ ...linkOf(candidate), items: candidate.topics[topic.slug] ?? 0 });
    }
    return { slug: topic.slug, name: topic.name, plans: found };
  });
  return { topics: planTopics, otherYears, sameTopic };
}
