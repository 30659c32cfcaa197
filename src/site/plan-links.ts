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

export function planLinks(planId: string, plans: readonly PlanEntry[], topics: readonly TopicEntry[]): PlanLinks {
  const plan = plans.find((candidate) => candidate.id === planId);
  if (!plan) return { topics: [], otherYears: [], sameTopic: [] };
  const topicOrder = new Map(topics.map((topic) => [topic.slug, topic] as const));
  const planTopics = Object.entries(plan.topics)
    .flatMap(([slug, items]) => (topicOrder.has(slug) ? [{ slug, name: topicOrder.get(slug)!.name, items }] : []))
    .sort((a, b) => b.items - a.items || topicOrder.get(a.slug)!.order - topicOrder.get(b.slug)!.order);
  const region = plan.regionPath.join('/');
  const otherYears = plans
    .filter((candidate) => candidate.id !== plan.id && candidate.regionPath.join('/') === region)
    .sort((a, b) => a.year - b.year || (a.id < b.id ? -1 : 1))
    .map(linkOf);
  const sameTopic = planTopics.slice(0, mainTopics).map((topic) => ({
    slug: topic.slug,
    name: topic.name,
    plans: plans
      .filter((candidate) => candidate.regionPath.join('/') !== region && (candidate.topics[topic.slug] ?? 0) > 0)
      .sort((a, b) => (b.topics[topic.slug] ?? 0) - (a.topics[topic.slug] ?? 0) || planOrder(a, b))
      .slice(0, plansPerTopic)
      .map((candidate) => ({ ...linkOf(candidate), items: candidate.topics[topic.slug] ?? 0 })),
  }));
  return { topics: planTopics, otherYears, sameTopic };
}
