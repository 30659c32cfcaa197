/** {plan.url}plan.json: the complete plan model, as ingested. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Plan } from '../../model/plan.ts';
import { atlas } from '../../site/atlas.ts';
import { planJson } from '../../model/downloads.ts';
import { pageKeys } from '../../site/page-keys.ts';
import { pagesToRender } from '../../model/unchanged-pages.ts';
import { absoluteUrl } from '../../site/url.ts';

export const getStaticPaths = (async () => {
  const { plans } = await atlas();
  const pages = plans.map((plan) => {
    const path = plan.url.replace(/^\/|\/$/gu, '');
    return { params: { plan: path }, props: { plan }, file: `${path}/plan.json`, key: pageKeys.planJson(plan) };
  });
  // A rebuild writes again only the plans whose model changed (src/model/unchanged-pages.ts).
  return pagesToRender('plan-json', pages);
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(planJson((props as { plan: Plan }).plan, (path) => absoluteUrl(path)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
