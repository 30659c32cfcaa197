/**
 * /compare/plans.json: what the compare page offers to choose from, fetched by its
 * script: every plan (id, title, region, year, kind), newest first, and the topics in
 * the taxonomy's order. A plan's items and their topics come from its own
 * plan.json and topics.json once chosen.
 */
import type { APIRoute } from 'astro';
import { atlas } from '../../site/atlas.ts';
import { enrichmentData } from '../../components/enrich/data.ts';

export const GET: APIRoute = async () => {
  const { plans } = await atlas();
  const { topics } = await enrichmentData();
  const body = {
    plans: plans.map((plan) => ({ id: plan.id, url: plan.url, title: plan.title, region: plan.region.name, regionCode: plan.region.code, year: plan.year, kind: plan.kind })),
    topics: topics.map((topic) => ({ slug: topic.slug, name: topic.name })),
  };
  return new Response(`${JSON.stringify(body)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
