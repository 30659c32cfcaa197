/**
 * A reader's walk through the site in Chromium, on a default build and on one built
 * with BASE_PATH=/atlas/: home → region → plan → item, breadcrumb, previous/next,
 * copying a citation, a ledger URL, the 404 page. Written against the URL scheme of
 * the brief and what a reader sees (roles, names, text), not the markup.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findLedger, itemList, ledgerUrls, regionUrls, walkPlan } from './content.ts';
import { useSite, type SiteVisit } from './site.ts';

/** The accessible link pointing exactly at a site-relative path of this build. */
function linkTo(visit: SiteVisit, page: Page, sitePath: string) {
  return page.getByRole('link').and(page.locator(`[href="${visit.href(sitePath)}"]`));
}

async function follow(visit: SiteVisit, page: Page, sitePath: string): Promise<void> {
  const link = linkTo(visit, page, sitePath).first();
  expect(await link.count(), `a link to ${visit.href(sitePath)} on ${page.url()}`).toBeGreaterThan(0);
  await Promise.all([page.waitForURL((url) => url.pathname === visit.href(sitePath)), link.click()]);
}

/** Text without whitespace: layout may break or space Chinese text anywhere. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

for (const kind of ['root', 'atlas'] as const) {
  describe(`a reader's walk (${kind === 'root' ? 'default base' : 'BASE_PATH=/atlas/'})`, () => {
    const visit = useSite(kind);

    it('goes from home through the region pages to a plan and one of its items', async () => {
      const plan = walkPlan(visit.plans);
      const item = itemList(plan)[0]!;
      const page = await visit.open('/');
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      await expect(page.getByRole('heading', { level: 1 }).count()).resolves.toBe(1);
      for (const url of regionUrls(plan)) await follow(visit, page, url);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain(plan.region.name.replace(/[市县区省]$/, ''));
      await follow(visit, page, plan.url);
      expect(squeeze(await page.getByRole('heading', { level: 1 }).innerText())).toContain(squeeze(plan.title));
      await follow(visit, page, item.url);
      // The item's full text is on its page.
      const firstParagraph = item.text.split('\n')[0]!;
      expect(squeeze(await page.getByRole('main').innerText())).toContain(squeeze(firstParagraph));
    });

    it('lists every section and item of a plan with a permalink, reachable from the outline', async () => {
      const plan = walkPlan(visit.plans);
      const page = await visit.open(plan.url);
      for (const item of itemList(plan)) {
        await expect(page.locator(`[id="${item.anchor}"]`).count(), `#${item.anchor}`).resolves.toBe(1);
        // A visible permalink: a link to the item's own page or to its anchor.
        const permalinks = page
          .getByRole('link')
          .and(page.locator(`[href="${visit.href(item.url)}"], [href="#${item.anchor}"]`));
        await expect(permalinks.count(), `permalink of item ${item.key}`).resolves.toBeGreaterThan(0);
      }
      const section = plan.sections[0]!;
      const outlineLink = page.getByRole('link').and(page.locator(`[href="#${section.anchor}"]`)).first();
      await outlineLink.click();
      await page.waitForURL((url) => url.hash === `#${section.anchor}`);
      await expect(page.locator(`[id="${section.anchor}"]`).isVisible()).resolves.toBe(true);
    });

    it('follows the breadcrumb of an item back to its plan and region', async () => {
      const plan = walkPlan(visit.plans);
      const item = itemList(plan)[1]!;
      const page = await visit.open(item.url);
      const [province, region] = [regionUrls(plan)[0]!, regionUrls(plan).at(-1)!];
      const breadcrumb = page
        .getByRole('navigation')
        .filter({ has: linkTo(visit, page, plan.url) })
        .filter({ has: linkTo(visit, page, province) })
        .filter({ has: linkTo(visit, page, region) });
      await expect(breadcrumb.count(), 'a navigation landmark linking province › region › plan').resolves.toBeGreaterThan(0);
      await Promise.all([
        page.waitForURL((url) => url.pathname === visit.href(plan.url)),
        breadcrumb.first().getByRole('link').and(page.locator(`[href="${visit.href(plan.url)}"]`)).click(),
      ]);
      // Not page.goBack(): a page restored from the back/forward cache fires no load event.
      await page.goto(visit.server.url(item.url));
      await Promise.all([
        page.waitForURL((url) => url.pathname === visit.href(region)),
        breadcrumb.first().getByRole('link').and(page.locator(`[href="${visit.href(region)}"]`)).click(),
      ]);
    });

    it('moves to the next and previous item', async () => {
      const plan = walkPlan(visit.plans);
      const items = itemList(plan);
      const page = await visit.open(items[1]!.url);
      await Promise.all([
        page.waitForURL((url) => url.pathname === visit.href(items[2]!.url)),
        page.getByRole('link', { name: /下一/ }).first().click(),
      ]);
      await Promise.all([
        page.waitForURL((url) => url.pathname === visit.href(items[1]!.url)),
        page.getByRole('link', { name: /上一/ }).first().click(),
      ]);
      await Promise.all([
        page.waitForURL((url) => url.pathname === visit.href(items[0]!.url)),
        page.getByRole('link', { name: /上一/ }).first().click(),
      ]);
    });

    it('copies a GB/T 7714 citation and a plain link of an item', async () => {
      const plan = walkPlan(visit.plans);
      const item = itemList(plan)[0]!;
      await visit.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: visit.server.origin });
      const page = await visit.open(item.url);
      const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
      expect(canonical, 'canonical URL').toMatch(/^https?:\/\//);
      expect(new URL(canonical!).pathname).toBe(visit.href(item.url));
      await expect(page.locator('meta[name="citation_title"]').count()).resolves.toBe(1);
      const buttons = page.getByRole('button', { name: /复制/ });
      expect(await buttons.count(), 'copy buttons (citation and link)').toBeGreaterThanOrEqual(2);
      const copied: string[] = [];
      for (let index = 0; index < (await buttons.count()); index++) {
        await page.evaluate(() => navigator.clipboard.writeText(''));
        await buttons.nth(index).click();
        await page.waitForFunction(async () => (await navigator.clipboard.readText()) !== '');
        copied.push(await page.evaluate(() => navigator.clipboard.readText()));
      }
      expect(copied, 'one button copies the plain link').toContain(canonical);
      const citation = copied.find((text) => text.includes('[EB/OL]'));
      expect(citation, 'one button copies a GB/T 7714 citation of an online document').toBeDefined();
      expect(citation).toContain(canonical);
      expect(squeeze(citation ?? '')).toContain(squeeze(plan.title));
    });

    it('loads the URLs recorded in the ledger', async () => {
      const urls = ledgerUrls(findLedger(visit.site.tree));
      expect(urls.length).toBeGreaterThan(0);
      const plan = walkPlan(visit.plans);
      const item = itemList(plan)[0]!;
      expect(urls).toContain(plan.url);
      expect(urls).toContain(item.url);
      const page = await visit.open(item.url);
      await expect(page.getByRole('main').count()).resolves.toBe(1);
      // A URL the ledger records as moved ends at its new address, without a script doing it.
      const published = new Set(visit.plans.flatMap((p) => [p.url, ...itemList(p).map((i) => i.url)]));
      // A moved page, not a moved file (a file is served again at its old URL: test/browser/published.test.ts).
      const moved = urls.find((url) => url.endsWith('/') && !published.has(url));
      // The /atlas/ test build records a move in its ledger (test/browser/build.ts).
      if (kind === 'atlas' && (process.env['TEST_DIST_ATLAS'] ?? '') === '') expect(moved, 'a moved URL in the ledger').toBeDefined();
      if (moved !== undefined) {
        await page.goto(visit.server.url(moved));
        await page.waitForURL((url) => url.pathname !== visit.href(moved));
        expect(published.has(visit.sitePath(page.url()))).toBe(true);
      }
    });

    it('answers a missing page with a 404 that offers a search box', async () => {
      const page = await visit.newPage();
      visit.guard.allowConsoleError(/status of 404/);
      const response = await page.goto(visit.server.url('/no-such-page/'));
      expect(response?.status()).toBe(404);
      const search = page.getByRole('main').getByRole('searchbox');
      await expect(search.count(), 'a search box in the 404 page itself').resolves.toBeGreaterThan(0);
      await search.first().fill('教师');
      await Promise.all([
        page.waitForURL((url) => url.pathname === visit.href('/search/') && url.searchParams.get('q') === '教师'),
        search.first().press('Enter'),
      ]);
    });

    it('has a skip link to the main content and a site search box in the header on every kind of page', async () => {
      const plan = walkPlan(visit.plans);
      for (const path of ['/', regionUrls(plan).at(-1)!, plan.url, itemList(plan)[0]!.url]) {
        const page = await visit.open(path);
        await expect(page.getByRole('banner').getByRole('searchbox').count(), `header search on ${path}`).resolves.toBeGreaterThan(0);
        await page.keyboard.press('Tab');
        const skip = await page.evaluate(() => {
          const active = document.activeElement;
          const target = active instanceof HTMLAnchorElement ? active.hash.slice(1) : '';
          const element = target === '' ? null : document.getElementById(decodeURIComponent(target));
          return element !== null && (element.tagName === 'MAIN' || element.closest('main') !== null);
        });
        expect(skip, `first Tab on ${path} focuses a link into <main>`).toBe(true);
        await page.close();
      }
    });
  });
}
