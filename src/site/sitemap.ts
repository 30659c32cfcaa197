/**
 * The sitemap: every page a reader can land on, under the base, in files of at
 * most sitemapUrlsPerFile URLs (/sitemap-1.xml, /sitemap-2.xml…) named by the
 * index at /sitemap.xml, which robots.txt gives. At 1,000 plans the atlas has
 * 22,000 pages; past about 2,300 plans one file would break the protocol's limit.
 */
import { atlas } from './atlas.ts';
import { pagePath, pagesOf, plansPerPage } from '../model/gathering-pages.ts';
import { gatheringPageUrls } from './gathering-paths.ts';
import { sitemapParts } from './feed.ts';
import { provinceYearPath, provinceYears, yearPath } from './year-pages.ts';

/** Site-relative path of sitemap file `part` (from 1). */
export const sitemapPartPath = (part: number): string => `/sitemap-${part}.xml`;

let parts: Promise<string[][]> | undefined;

/** The site-relative paths of every page, cut into the sitemap's files; made once per build. */
export function sitemapPages(): Promise<string[][]> {
  parts ??= (async () => {
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
    return sitemapParts(paths);
  })();
  return parts;
}
