/** {plan.url}topics.json: the topics of each of the plan's items, by item key, for the compare page. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Plan } from '../../model/plan.ts';
import { itemsOf } from '../../model/plan.ts';
import { atlas } from '../../site/atlas.ts';
import { enrichedItems } from '../../site/item-enrichment.ts';
import { pageKeys } from '../../site/page-keys.ts';
import { pagesToRender } from '../../model/unchanged-pages.ts';

const topicsOf = (plan: Plan): Record<string, string[]> => {
  const enriched = enrichedItems();
  return Object.fromEntries([...itemsOf(plan.sections)].map((item) => [item.key, (enriched.get(item.url)?.topics ?? []).map((topic) => topic.slug)]));
};

export const getStaticPaths = (async () => {
  const { plans } = await atlas();
  const pages = plans.map((plan) => {
    const path = plan.url.replace(/^\/|\/$/gu, '');
    const topics = topicsOf(plan);
    return { params: { plan: path }, props: { topics }, file: `${path}/topics.json`, key: pageKeys.planTopics(topics) };
  });
  return pagesToRender('plan-topics', pages);
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(`${JSON.stringify((props as { topics: Record<string, string[]> }).topics)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
