/** {plan.url}plan.json: the complete plan model, as ingested. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Plan } from '../../model/plan.ts';
import { atlas } from '../../site/atlas.ts';
import { planJson } from '../../site/downloads.ts';
import { absoluteUrl } from '../../site/url.ts';

export const getStaticPaths = (async () => {
  const { plans } = await atlas();
  return plans.map((plan) => ({ params: { plan: plan.url.replace(/^\/|\/$/gu, '') }, props: { plan } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(planJson((props as { plan: Plan }).plan, (path) => absoluteUrl(path)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
