/**
 * One typical search in Chromium, from a cold page: how long until the first
 * results can be shown, and how many bytes the browser fetched for it, counted by
 * Playwright over the page (and, for stock Pagefind, its worker).
 *
 * - atlas: what the site's search page does. Opening the index (manifest and
 *   record table, when the page loads) is `initMs`; then the query module finds the
 *   hits (fetching the posting files of the query's tokens) and the first 10
 *   results' fragments are loaded. Bytes include the query and index modules,
 *   served unminified from scripts/search/ (the site bundles them smaller).
 * - stock: stock Pagefind on the bare site (script, WebAssembly, entry and
 *   metadata at init; index chunks and fragments for the query).
 * Reuses the search suite's session (scripts/search/browser.ts).
 */
import type { Request } from 'playwright-core';
import { launchChromium } from '../browser/chromium.ts';
import { browserImport, openSearchSession, queryModulePath } from '../search/browser.ts';

export interface SearchFigures {
  query: string;
  /** Opening the index: the site's manifest and record table, or Pagefind's script, WebAssembly and entry. */
  initMs: number;
  /** From search() to a ranked list of hits. */
  searchMs: number;
  /** From search() to the data of the first page of hits, ready to render. */
  firstResultsMs: number;
  hits: number;
  /** Every byte (headers and body) of every response since the page opened, the blank page aside. */
  fetchedBytes: number;
  requests: number;
}

/** How many results a first screen of the search page shows. */
export const firstPage = 10;

/**
 * @param mode "atlas" runs the site's query module over its index; "stock" asks
 *   Pagefind alone, as a bare site would
 */
export async function measureSearch(siteDir: string, query: string, mode: 'atlas' | 'stock', base = '/'): Promise<SearchFigures> {
  // The project's one Chromium launcher, a fresh profile each time: a cold cache, as a first visit.
  const chromium = await launchChromium();
  const finished: Request[] = [];
  chromium.context.on('requestfinished', (request) => finished.push(request));
  try {
    const started = Date.now();
    const session = await openSearchSession(siteDir, base, chromium.context, mode === 'atlas' ? 'atlas' : 'pagefind');
    try {
      const initMs = Date.now() - started;
      const body = `
        const query = ${JSON.stringify(query)};
        const started = performance.now();
        let hits;
        if (${JSON.stringify(mode)} === 'atlas') hits = (await module.search(globalThis.atlasIndex, query)).hits;
        else hits = (await globalThis.pagefind.search(query)).results;
        const searched = performance.now();
        await Promise.all(hits.slice(0, ${firstPage}).map((hit) => hit.data()));
        const shown = performance.now();
        return { searchMs: searched - started, firstResultsMs: shown - started, hits: hits.length };`;
      const figures = (await session.page.evaluate(browserImport(`${base}${queryModulePath}`, body))) as Pick<SearchFigures, 'searchMs' | 'firstResultsMs' | 'hits'>;
      // The blank page is the harness's; a 404 is no fetch of the site's.
      const counted: Request[] = [];
      for (const request of finished) {
        if (request.url().endsWith('/__search/') || (await request.response())?.status() === 404) continue;
        counted.push(request);
      }
      let fetchedBytes = 0;
      for (const request of counted) {
        const sizes = await request.sizes();
        fetchedBytes += sizes.responseBodySize + sizes.responseHeadersSize;
      }
      if (process.env['BENCH_SEARCH_VERBOSE']) for (const request of counted) console.error(`  ${(await request.sizes()).responseBodySize}\t${request.url()}`);
      return { query, initMs, ...figures, fetchedBytes, requests: counted.length };
    } finally {
      await session.close();
    }
  } finally {
    await chromium.close();
  }
}
