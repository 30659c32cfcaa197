/**
 * Links over the built site, on a default build and one with BASE_PATH=/atlas/:
 * zero broken internal links and anchors (scripts/check/links.ts), a page for every
 * plan and item, and every URL of the committed ledger still resolving.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkLinks, formatProblems } from '../../scripts/check/links.ts';
import { loadPlans } from '../../src/model/plan-files.ts';
import { itemsOf } from '../../src/model/plan.ts';
import { builtSite, type BuiltSite } from '../browser/build.ts';
import { findLedger, ledgerUrls } from '../browser/content.ts';

/** The built file a host serves for a site-relative folder URL. */
/** The file a URL is served from: a page's index.html, or a file (a source download) itself. */
const pageFile = (site: BuiltSite, url: string) => (url.endsWith('/') ? join(site.dist, url.slice(1), 'index.html') : join(site.dist, url.slice(1)));

for (const kind of ['root', 'atlas'] as const) {
  describe(`links in dist (${kind === 'root' ? 'default base' : 'BASE_PATH=/atlas/'})`, () => {
    let site: BuiltSite;
    beforeAll(async () => {
      site = await builtSite(kind);
    });

    it('has no broken internal link or anchor', () => {
      const report = checkLinks(site.dist, site.siteUrl === undefined ? { base: site.base } : { base: site.base, siteUrl: site.siteUrl });
      expect(formatProblems(report.problems)).toBe('');
      // Something was checked: at least the links from the home page to every plan's page.
      expect(report.pages).toBeGreaterThan(loadPlans(site.content).length);
      expect(report.links).toBeGreaterThan(report.pages);
    });

    it('has a page for every plan and every item at its stable URL', () => {
      const missing: string[] = [];
      for (const plan of loadPlans(site.content)) {
        for (const url of [plan.url, ...[...itemsOf(plan.sections)].map((item) => item.url)]) {
          if (!existsSync(pageFile(site, url))) missing.push(url);
        }
      }
      expect(missing).toEqual([]);
    });

    it('still resolves every URL of the ledger', () => {
      const urls = ledgerUrls(findLedger(site.tree));
      expect(urls.length).toBeGreaterThan(0);
      expect(urls.filter((url) => !existsSync(pageFile(site, url)))).toEqual([]);
    });
  });
}
