/**
 * One typical search in Chromium, from a cold page: how long until the first
 * results can be shown, and how many bytes the browser fetched for it (Pagefind's
 * script, WebAssembly, entry and metadata, the index chunks of the query and the
 * fragments of the first page of results), counted by Playwright over the page
 * and Pagefind's worker (Resource Timing would miss the worker's fetches).
 * Reuses the search suite's session (scripts/search/browser.ts): a static server,
 * a blank zh-CN page at the base path, and the query module the site ships.
 */
import { chromium, type Browser, type Request } from 'playwright-core';
import { browserImport, chromiumPath, openSearchSession, queryModulePath } from '../search/browser.ts';

export interface SearchFigures {
  query: string;
  /** Loading pagefind.js and init(): the script, WebAssembly and entry file. */
  initMs: number;
  /** From search() to a ranked list of hits. */
  searchMs: number;
  /** From search() to the data of the first page of hits, ready to render. */
  firstResultsMs: number;
  hits: number;
  /** Every byte (headers and body) of every response since the page opened, the blank page and query module aside. */
  fetchedBytes: number;
  requests: number;
}

/** How many results a first screen of the search page shows. */
export const firstPage = 10;

/**
 * @param mode "atlas" runs the site's query module; "stock" asks Pagefind alone,
 *   as a bare site would
 */
export async function measureSearch(siteDir: string, query: string, mode: 'atlas' | 'stock', base = '/'): Promise<SearchFigures> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--disable-gpu', '--disable-background-networking'] });
  const finished: Request[] = [];
  // The session opens its own page; hand it one whose context counts every response from the start.
  const counting = {
    newPage: async () => {
      const context = await browser.newContext();
      context.on('requestfinished', (request) => finished.push(request));
      return context.newPage();
    },
  } as unknown as Browser;
  try {
    const started = Date.now();
    const session = await openSearchSession(siteDir, base, counting);
    try {
      const initMs = Date.now() - started;
      const body = `
        const pagefind = globalThis.pagefind;
        const query = ${JSON.stringify(query)};
        const started = performance.now();
        let hits;
        if (${JSON.stringify(mode)} === 'atlas') hits = (await module.search(pagefind, query)).hits;
        else hits = (await pagefind.search(query)).results;
        const searched = performance.now();
        await Promise.all(hits.slice(0, ${firstPage}).map((hit) => hit.data()));
        const shown = performance.now();
        return { searchMs: searched - started, firstResultsMs: shown - started, hits: hits.length };`;
      const figures = (await session.page.evaluate(browserImport(`${base}${queryModulePath}`, body))) as Pick<SearchFigures, 'searchMs' | 'firstResultsMs' | 'hits'>;
      const counted = finished.filter((request) => !request.url().includes('/__search/'));
      let fetchedBytes = 0;
      for (const request of counted) {
        const sizes = await request.sizes();
        fetchedBytes += sizes.responseBodySize + sizes.responseHeadersSize;
      }
      if (process.env["BENCH_SEARCH_VERBOSE"]) for (const request of counted) console.error(`  ${(await request.sizes()).responseBodySize}\t${request.url()}`);
      return { query, initMs, ...figures, fetchedBytes, requests: counted.length };
    } finally {
      await session.close();
    }
  } finally {
    await browser.close();
  }
}
