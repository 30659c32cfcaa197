/**
 * The pages by year in Chromium: /years/ lists each year with its count and its
 * provinces; a year's page lists its plans by province in the default build, and
 * only its provinces in the /atlas/ build, where a page holds one plan
 * (GATHERING_PAGE_PLANS=1) as a national year outgrows a page; either way each
 * province's plans of the year are at /years/{year}/{province}/. A province's page
 * and the home page keep to a page's worth in the same way.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/model/plan.ts';
import { testPlansPerPage } from './build.ts';
import { sitemapText, useSite, type SiteVisit } from './site.ts';

const years = (plans: readonly Plan[]): number[] => [...new Set(plans.map((plan) => plan.year))].sort((a, b) => b - a);
const ofYear = (plans: readonly Plan[], year: number): Plan[] => plans.filter((plan) => plan.year === year);

/** Site-relative paths of the links in `selector`, in page order. */
async function linkPaths(visit: SiteVisit, page: Page, selector: string): Promise<string[]> {
  const hrefs = await page.$$eval(selector, (links) => links.map((link) => (link as HTMLAnchorElement).href));
  return hrefs.map((href) => visit.sitePath(href));
}

/** Follows each province link of the year's page and collects the plans those pages list. */
async function plansByProvincePages(visit: SiteVisit, page: Page, year: number): Promise<Map<string, string[]>> {
  const provincePaths = (await linkPaths(visit, page, 'main a')).filter((path) => new RegExp(`^/years/${year}/[a-z]+/$`).test(path));
  const found = new Map<string, string[]>();
  for (const path of [...new Set(provincePaths)]) {
    const provincePage = await visit.open(path);
    expect(await provincePage.getByRole('heading', { level: 1 }).innerText()).toContain(`${year}年`);
    const crumbs = await linkPaths(visit, provincePage, '.breadcrumb a');
    expect(crumbs).toContain(`/years/${year}/`);
    found.set(path, await linkPaths(visit, provincePage, '.plan-list a'));
    await provincePage.close();
  }
  return found;
}

for (const kind of ['root', 'atlas'] as const) {
  describe(`pages by year (${kind === 'root' ? 'default base' : 'BASE_PATH=/atlas/, one plan a page'})`, () => {
    const visit = useSite(kind);

    it('/years/ gives every year with its number of plans and links to its provinces, not the plans themselves', async () => {
      const page = await visit.open('/years/');
      const rows = page.getByRole('table', { name: '各年份的计划数与省级地区' }).locator('tbody tr');
      expect(await rows.count()).toBe(years(visit.plans).length);
      for (const [index, year] of years(visit.plans).entries()) {
        const row = rows.nth(index);
        expect(await row.locator('th').innerText()).toBe(`${year}年`);
        expect(await row.locator('td').first().innerText()).toBe(`${ofYear(visit.plans, year).length} 份`);
        const provinces = await row.locator('td a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
        const slugs = new Set(ofYear(visit.plans, year).map((plan) => plan.region.path[0]));
        expect(provinces.map((href) => visit.sitePath(href)).sort()).toEqual([...slugs].map((slug) => `/years/${year}/${slug}/`).sort());
      }
      const planLinks = new Set(visit.plans.map((plan) => plan.url));
      expect((await linkPaths(visit, page, 'main a')).filter((path) => planLinks.has(path))).toEqual([]);
    });

    it("each year's page leads to every plan of the year exactly once, through its provinces' pages", async () => {
      const perPage = kind === 'atlas' ? testPlansPerPage : 100;
      let listedOnce = 0;
      let indexedOnly = 0;
      for (const year of years(visit.plans)) {
        const expected = ofYear(visit.plans, year).map((plan) => plan.url).sort();
        const page = await visit.open(`/years/${year}/`);
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`${year}年的计划`);
        const listed = await linkPaths(visit, page, '.plan-list a');
        if (expected.length <= perPage) {
          expect([...listed].sort()).toEqual(expected);
          listedOnce += 1;
        } else {
          expect(listed).toEqual([]);
          const table = page.getByRole('table', { name: `${year}年各省级地区的计划数` });
          expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
          indexedOnly += 1;
        }
        const byProvince = await plansByProvincePages(visit, page, year);
        expect([...byProvince.values()].flat().sort()).toEqual(expected);
        for (const [path, plans] of byProvince) {
          for (const url of plans) expect(visit.plans.find((plan) => plan.url === url)!.region.path[0], url).toBe(path.split('/')[3]);
        }
        await page.close();
      }
      // The default build shows every year whole; the /atlas/ build has a year of two plans shown by province.
      if (kind === 'root') expect(listedOnce).toBe(years(visit.plans).length);
      else expect(indexedOnly).toBeGreaterThan(0);
    });

    it("a province's page shows its plans by year, or past a page of plans its years, each leading to that year's province page", async () => {
      const perPage = kind === 'atlas' ? testPlansPerPage : 100;
      const slugs = [...new Set(visit.plans.map((plan) => plan.region.path[0]!))];
      let byYearOnly = 0;
      for (const slug of slugs) {
        const ofProvince = visit.plans.filter((plan) => plan.region.path[0] === slug);
        const page = await visit.open(`/${slug}/`);
        const timeline = page.getByRole('region', { name: '历年计划' });
        const links = (await timeline.locator('a').evaluateAll((found) => found.map((link) => (link as HTMLAnchorElement).href))).map((href) => visit.sitePath(href));
        const planLinks = links.filter((path) => ofProvince.some((plan) => plan.url === path));
        const yearLinks = links.filter((path) => path.startsWith('/years/'));
        if (ofProvince.length <= perPage) {
          expect(planLinks.sort()).toEqual(ofProvince.map((plan) => plan.url).sort());
          // A year leads to the province's plans of that year, not the whole atlas's.
          expect(yearLinks.sort()).toEqual(years(ofProvince).map((year) => `/years/${year}/${slug}/`).sort());
        } else {
          byYearOnly += 1;
          expect(planLinks).toEqual([]);
          expect(yearLinks).toEqual(years(ofProvince).map((year) => `/years/${year}/${slug}/`));
          for (const year of years(ofProvince)) expect(await timeline.innerText()).toContain(`${year}年（${ofYear(ofProvince, year).length} 份）`);
        }
        await page.close();
      }
      if (kind === 'atlas') expect(byYearOnly).toBeGreaterThan(0);
    });

    it("the home page lists provinces and prefectures; a county is a step further, on its prefecture's page", async () => {
      const page = await visit.open('/');
      const regions = page.getByRole('region', { name: '按地区' });
      const links = new Set((await regions.locator('a').evaluateAll((found) => found.map((link) => (link as HTMLAnchorElement).href))).map((href) => visit.sitePath(href)));
      const counties = visit.plans.filter((plan) => plan.region.path.length === 3);
      expect(counties.length).toBeGreaterThan(0);
      for (const plan of visit.plans) {
        const [province, prefecture] = plan.region.path;
        expect(links.has(`/${province}/`), province).toBe(true);
        if (prefecture !== undefined) expect(links.has(`/${province}/${prefecture}/`), prefecture).toBe(true);
      }
      for (const county of counties) {
        const url = `/${county.region.path.join('/')}/`;
        expect(links.has(url), url).toBe(false);
        const prefecturePage = await visit.open(`/${county.region.path.slice(0, 2).join('/')}/`);
        expect(await prefecturePage.locator(`a[href="${visit.href(url)}"]`).count(), url).toBeGreaterThan(0);
        await prefecturePage.close();
      }
    });

    it('lists the province pages of each year in the sitemap', async () => {
      const sitemap = await sitemapText(visit);
      for (const plan of visit.plans) expect(sitemap).toContain(`${visit.href(`/years/${plan.year}/${plan.region.path[0]}/`)}</loc>`);
    });
  });
}
