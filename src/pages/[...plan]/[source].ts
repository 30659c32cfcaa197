/** {plan.url}source.txt (…/source.docx, …/source.html.txt): each plan's source as published, beside the plan. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Plan } from '../../model/plan.ts';
import { sourceDownloadPath } from '../../model/source-download.ts';
import { atlas } from '../../site/atlas.ts';
import { sourceResponse } from '../../site/downloads.ts';
import { pageKeys } from '../../site/page-keys.ts';
import { pagesToRender } from '../../model/unchanged-pages.ts';

export const getStaticPaths = (async () => {
  const { plans } = await atlas();
  const pages = plans.map((plan) => {
    const file = sourceDownloadPath(plan).replace(/^\//u, '');
    const source = file.split('/').at(-1)!;
    return { params: { plan: file.slice(0, -source.length - 1), source }, props: { plan }, file, key: pageKeys.source(plan) };
  });
  // A rebuild writes again only the sources whose bytes changed (src/model/unchanged-pages.ts).
  return pagesToRender('source-downloads', pages);
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => sourceResponse((props as { plan: Plan }).plan);
