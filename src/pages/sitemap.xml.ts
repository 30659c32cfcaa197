/** /sitemap.xml: every page a reader can land on, under the base. */
import type { APIRoute } from 'astro';
import { atlas } from '../site/atlas.ts';
import { pagePath, pagesOf, plansPerPage } from '../model/gathering-pages.ts';
import { gatheringPageUrls } from '../site/gathering-paths.ts';
import { sitemap } from '../site/feed.ts';
import { absoluteUrl } from '../site/url.ts';
import { provinceYearPath, provinceYears, yearPath } from '../site/year-pages.ts';

export const GET: APIRoute = async () => {
  const { plans, items, regionsByUrl, years } = await atlas();
  const paths = [
    '/', '/years/', '/downloads/', '/about/', '/search/', '/topics/', '/docs/', '/terms/', '/commitments/',
    ...pagesOf(plans, plansPerPage()).map((_, index) => pagePath('/plans/', index + 1)),
    ...years.map(yearPath),
    ...provinceYears(plans).map((province) => provinceYearPath(province.year, province.slug)),
    ...regionsByUrl.keys(),
    ...plans.map((plan) => plan.url),
    ...items.map((context) => context.item.url),
    ...(await gatheringPageUrls()),
  ];
  return new Response(sitemap(paths.map((path) => absoluteUrl(path))), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
