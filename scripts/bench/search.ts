/**
 * One typical search in Chromium, from a cold page: how long until the first
 * results can be shown, and how many bytes the browser fetched for it (Pagefind's
 * script, WebAssembly, entry and metadata, the index chunks of the query and the
 * fragments of the first page of results), counted by Playwright over the page
 * and Pagefind's worker (Resource Timing would miss the worker's fetches).
 * Reuses the search suite's session (scripts/search/browser.ts): a static server,
 * a blank zh-CN page at the base path, and the query module the site ships.
 */
import type { Request } from 'playwright-core';
import { launchChromium } from '../browser/chromium.ts';
import { browserImport, openSearchSession, queryModulePath } from '../search/browser.ts';

export interface SearchFigures {
  query: string;
  /** Loading pagefind.js and init() (the script, WebAssembly and entry file), and merging any shards. */
  initMs: number;
  /** From search() to a ranked list of hits. */
  searchMs: number;
  /** From search() to the data of the first page of hits, ready to render. */
  firstResultsMs: number;
  hits: number;
  /** Index shards merged into the primary index (pagefind/shards.json), 0 for one index. */
  shards: number;
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
  // The project's one Chromium launcher, a fresh profile each time: a cold cache, as a first visit.
  const chromium = await launchChromium();
  const finished: Request[] = [];
  chromium.context.on('requestfinished', (request) => finished.push(request));
  try {
    const started = Date.now();
    const session = await openSearchSession(siteDir, base, chromium.context);
    try {
      const initMs = Date.now() - started;
      const body = `
        const pagefind = globalThis.pagefind;
        const query = ${JSON.stringify(query)};
        const shardList = await fetch(${JSON.stringify(`${base}pagefind/shards.json`)});
        const shards = shardList.ok ? await shardList.json() : [];
        const merging = performance.now();
        for (const shard of shards) await pagefind.mergeIndex(shard);
        const mergeMs = performance.now() - merging;
        const started = performance.now();
        let hits;
        if (${JSON.stringify(mode)} === 'atlas') hits = (await module.search(pagefind, query)).hits;
        else hits = (await pagefind.search(query)).results;
        const searched = performance.now();
        await Promise.all(hits.slice(0, ${firstPage}).map((hit) => hit.data()));
        const shown = performance.now();
        return { searchMs: searched - started, firstResultsMs: shown - started, hits: hits.length, mergeMs, shards: shards.length };`;
      const figures = (await session.page.evaluate(browserImport(`${base}${queryModulePath}`, body))) as Pick<SearchFigures, 'searchMs' | 'firstResultsMs' | 'hits'> & { mergeMs: number; shards: number };
      // The blank page and query module are the harness's; a 404 (no shards.json) is no fetch of the site's.
      const counted: Request[] = [];
      for (const request of finished) {
        if (request.url().includes('/__search/') || (await request.response())?.status() === 404) continue;
        counted.push(request);
      }
      let fetchedBytes = 0;
      for (const request of counted) {
        const sizes = await request.sizes();
        fetchedBytes += sizes.responseBodySize + sizes.responseHeadersSize;
      }
      if (process.env["BENCH_SEARCH_VERBOSE"]) for (const request of counted) console.error(`  ${(await request.sizes()).responseBodySize}\t${request.url()}`);
      const { mergeMs, shards, ...rest } = figures;
      return { query, initMs: initMs + mergeMs, ...rest, shards, fetchedBytes, requests: counted.length };
    } finally {
      await session.close();
    }
  } finally {
    await chromium.close();
  }
}
