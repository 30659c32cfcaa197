/**
 * One typical search in Chromium from a cold page (a fresh profile: a first visit),
 * as a reader does it, and how many bytes the browser fetched for it, counted by
 * Playwright over the page and Pagefind's worker (Resource Timing would miss the
 * worker's fetches).
 *
 * "atlas": the site's own search page. It opens (its HTML, CSS and script, then
 * Pagefind's script, WebAssembly and metadata, loaded as the page opens), the query
 * is put in the box and submitted at once, and the clock runs until the first page
 * of results is on screen, then until the facet counts are (from the facet table,
 * which the page fetches only once results are shown). "atlas-typed": the same, but
 * the words enter the box as an input method commits them and Enter follows a
 * reader's pause later (typedPauseMs); the clock starts at Enter.
 * "stock": Pagefind alone on a blank page, as a bare site would use it, until the
 * data of the first 10 results is loaded.
 */
import type { AddressInfo } from 'node:net';
import { normalize } from 'node:path';
import type { Request } from 'playwright-core';
import { launchChromium } from '../browser/chromium.ts';
import { browserImport, openSearchPage, serve } from './search-browser.ts';

export interface SearchFigures {
  query: string;
  /** Until the search is ready for a query: for "atlas" the page opened with Pagefind loaded, for "stock" Pagefind's init. */
  initMs: number;
  /** From the query to its first page of results (atlas: on screen; stock: their data loaded). */
  firstResultsMs: number;
  /** firstResultsMs of every run, in the order run, when the search was repeated (the figures are the median run's). */
  firstResultsRunsMs?: number[];
  /** The typed flow: how long after the words appeared Enter was pressed. */
  typedPauseMs?: number;
  hits: number;
  /** Every byte (headers and body) of every response the first results needed, from the page opening. */
  fetchedBytes: number;
  requests: number;
  /** atlas only: from the query until the facet counts are shown too, and every byte fetched by then. */
  countedMs?: number;
  countedBytes?: number;
  countedRequests?: number;
}

/** How many results a first screen of a stock search shows. */
export const firstPage = 10;

interface Finished {
  request: Request;
  /** Epoch ms at which the request was sent. */
  startedAt: number;
}

/** What the page fetches only once results are on screen; its start can fall a few ms either side of that moment. */
const afterResults = (url: string): boolean => url.endsWith('/pagefind/facets.json.gz');

async function bytesOf(finished: readonly Finished[], before = Infinity): Promise<{ bytes: number; requests: number }> {
  let bytes = 0;
  let requests = 0;
  for (const { request, startedAt } of finished) {
    if (request.url().includes('/__search/')) continue;
    if (before !== Infinity && (startedAt > before || afterResults(request.url()))) continue;
    const response = await request.response();
    if (response === null || response.status() === 404) continue;
    const sizes = await request.sizes();
    // Chromium reports no body size for a worker's own script (Pagefind's pagefind-worker.js): read the body instead.
    const body = sizes.responseBodySize > 0 ? sizes.responseBodySize : ((await response.body().catch(() => null))?.length ?? 0);
    if (process.env['BENCH_SEARCH_VERBOSE'] && before !== Infinity) console.error(`  ${body}\t${request.url()}`);
    bytes += body + sizes.responseHeadersSize;
    requests += 1;
  }
  return { bytes, requests };
}

/**
 * How long after the words appear in the box the reader of the "typed" flow presses
 * Enter: a quick reader's pause after an input method commits a word (the page starts
 * loading what the words need once typing pauses; see search-client.ts).
 */
export const typedPauseMs = 250;

/** `typed`: the words enter the box as an input method commits them, and Enter follows typedPauseMs later; else they are submitted at once. */
async function measurePage(siteDir: string, query: string, base: string, typed = false): Promise<SearchFigures> {
  const chromium = await launchChromium();
  const server = await serve(normalize(siteDir), base);
  const finished: Finished[] = [];
  chromium.context.on('requestfinished', (request) => finished.push({ request, startedAt: request.timing().startTime }));
  try {
    const page = await chromium.context.newPage();
    const opened = Date.now();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}${base}search/`);
    await page.waitForSelector('[data-search][data-search-state="ready"]', { timeout: 60_000 });
    const initMs = Date.now() - opened;
    const times = (await page.evaluate(async ({ text, pause }) => {
      const root = document.querySelector<HTMLElement>('[data-search]')!;
      const input = root.querySelector<HTMLInputElement>('[data-search-input]')!;
      const reached = (state: string): Promise<number> =>
        new Promise((resolve) => {
          const check = (): boolean => {
            if (root.dataset['searchState'] !== state) return false;
            resolve(performance.timeOrigin + performance.now());
            return true;
          };
          const observer = new MutationObserver(() => check() && observer.disconnect());
          observer.observe(root, { attributes: true, attributeFilter: ['data-search-state'] });
        });
      const results = reached('results');
      const counted = reached('counted');
      input.value = text;
      if (pause !== null) {
        input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
      const asked = performance.timeOrigin + performance.now();
      root.querySelector<HTMLFormElement>('[data-search-form]')!.requestSubmit();
      const [shown, done] = await Promise.all([results, counted]);
      return { asked, shown, done, hits: root.querySelectorAll('[data-search-results] li').length, status: root.querySelector('[data-search-status]')?.textContent ?? '' };
    }, { text: query, pause: typed ? typedPauseMs : null })) as { asked: number; shown: number; done: number; hits: number; status: string };
    const first = await bytesOf(finished, times.shown);
    const all = await bytesOf(finished);
    const found = /(\d+)/u.exec(times.status);
    return {
      query,
      initMs,
      firstResultsMs: times.shown - times.asked,
      ...(typed ? { typedPauseMs } : {}),
      hits: found ? Number(found[1]) : times.hits,
      fetchedBytes: first.bytes,
      requests: first.requests,
      countedMs: times.done - times.asked,
      countedBytes: all.bytes,
      countedRequests: all.requests,
    };
  } finally {
    await chromium.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

async function measureStock(siteDir: string, query: string, base: string): Promise<SearchFigures> {
  const chromium = await launchChromium();
  const finished: Finished[] = [];
  chromium.context.on('requestfinished', (request) => finished.push({ request, startedAt: request.timing().startTime }));
  try {
    const started = Date.now();
    const searchPage = await openSearchPage(siteDir, base, chromium.context);
    try {
      const initMs = Date.now() - started;
      const body = `
        const started = performance.now();
        const hits = (await globalThis.pagefind.search(${JSON.stringify(query)})).results;
        await Promise.all(hits.slice(0, ${firstPage}).map((hit) => hit.data()));
        return { firstResultsMs: performance.now() - started, hits: hits.length };`;
      const figures = (await searchPage.page.evaluate(browserImport(`${base}pagefind/pagefind.js`, body))) as { firstResultsMs: number; hits: number };
      const { bytes, requests } = await bytesOf(finished);
      return { query, initMs, ...figures, fetchedBytes: bytes, requests };
    } finally {
      await searchPage.close();
    }
  } finally {
    await chromium.close();
  }
}

/**
 * The search, cold each time (a fresh browser and profile), `runs` times; the run
 * with the median time to first results is returned, with every run's time beside
 * it. One sample on a shared 2-core machine swings by half (167–322 ms for the same
 * index and code), so one run says little about the aim.
 *
 * @param mode "atlas" uses the site's search page, the query submitted at once;
 *   "atlas-typed" the same page, the query typed and Enter pressed typedPauseMs later;
 *   "stock" asks Pagefind alone, as a bare site would
 */
export async function measureSearch(siteDir: string, query: string, mode: 'atlas' | 'atlas-typed' | 'stock', base = '/', runs = 3): Promise<SearchFigures> {
  const samples: SearchFigures[] = [];
  for (let run = 0; run < runs; run += 1) {
    samples.push(await (mode === 'stock' ? measureStock(siteDir, query, base) : measurePage(siteDir, query, base, mode === 'atlas-typed')));
  }
  const median = [...samples].sort((a, b) => a.firstResultsMs - b.firstResultsMs)[Math.floor((samples.length - 1) / 2)]!;
  return { ...median, firstResultsRunsMs: samples.map((sample) => sample.firstResultsMs) };
}
