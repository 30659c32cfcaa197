/**
 * /downloads/sources/NAME.txt: where the first builds offered a plan's source.
 * The ledger records each such URL as moved to the plan's own source URL
 * ({plan.url}source.txt); a static host cannot send a file's reader on, so the
 * same bytes are served here too, for citations made before the move.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Plan } from '../../../model/plan.ts';
import { sourceDownloadPath } from '../../../model/source-download.ts';
import { atlas } from '../../../site/atlas.ts';
import { sourceResponse } from '../../../site/downloads.ts';
import { pageKeys } from '../../../site/page-keys.ts';
import { fileRedirects } from '../../../site/redirects.ts';
import { pagesToRender } from '../../../model/unchanged-pages.ts';

const folder = '/downloads/sources/';

export const getStaticPaths = (async () => {
  const { plans } = await atlas();
  const bySource = new Map(plans.map((plan) => [sourceDownloadPath(plan), plan]));
  const pages = [...fileRedirects(bySource.keys())]
    .filter(([from]) => from.startsWith(folder))
    .map(([from, to]) => {
      const plan = bySource.get(to)!;
      return { params: { file: from.slice(folder.length) }, props: { plan }, file: from.slice(1), key: pageKeys.source(plan) };
    });
  return pagesToRender('former-source-downloads', pages);
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => sourceResponse((props as { plan: Plan }).plan);
