/**
 * The search page in Chromium over the test builds (root and /atlas/, whose index is
 * in shards of shared fragment files): a shared search URL, a facet, sorting and the keyboard.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { itemTexts, relevantItems } from '../../scripts/bench/search-metrics.ts';
import { useSite, type SiteVisit } from '../browser/site.ts';

async function openSearch(visit: SiteVisit, query: string): Promise<Page> {
  const page = await visit.open(`/search/${query}`);
  if (query !== '') {
    await page.waitForFunction(() => {
      const status = document.querySelector('[data-search-status]')?.textContent ?? '';
      return status.startsWith('没有') || (status.startsWith('找到') && document.querySelector('[data-search-results] li') !== null);
    });
  }
  return page;
}

const resultTexts = (page: Page) =>
  page.$$eval('[data-search-results] li', (items) => items.map((item) => (item as HTMLElement).innerText));

describe.each(['root', 'atlas'] as const)('search page (%s build)', (kind) => {
  const visit = useSite(kind);

  it('opens a shared search URL and shows every item containing the term (or its synonym), marked, at its stable URL', async () => {
    // 局管校聘 is what 鹰潭 prints for 县管校聘 (scripts/genre/synonyms.yaml).
    const relevant = relevantItems(itemTexts(visit.plans), '县管校聘', new Map([['县管校聘', ['局管校聘']]]));
    const page = await openSearch(visit, '?q=%E5%8E%BF%E7%AE%A1%E6%A0%A1%E8%81%98');
    expect(await page.inputValue('[data-search-input]')).toBe('县管校聘');
    const hrefs = await page.$$eval('[data-search-results] li > a', (links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(new Set(hrefs.slice(0, relevant.size))).toEqual(new Set([...relevant].map((url) => visit.href(url))));
    const marks = await page.$$eval('[data-search-results] li mark', (found) => found.map((mark) => mark.textContent));
    expect(marks.length).toBeGreaterThanOrEqual(relevant.size);
    expect(new Set(marks)).toEqual(new Set(['县管校聘', '局管校聘']));
  });

  it('narrows by a facet from the URL and writes a changed facet back to it', async () => {
    const page = await openSearch(visit, '?q=学前教育&year=2024');
    expect(await page.isChecked('[data-facet="year"] input[value="2024"]')).toBe(true);
    const texts = await resultTexts(page);
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toContain('2024年');
    await page.click('[data-facet="year"] input[value="2024"]');
    await page.waitForFunction(() => !location.search.includes('year='));
    expect(decodeURIComponent(await page.evaluate(() => location.search))).toBe('?q=学前教育');
  });

  it('lists every facet value before a query and counts a query\'s results from the facet table, never from Pagefind\'s filter index', async () => {
    const page = await visit.newPage();
    const filterFetches: string[] = [];
    const tableFetches: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/pagefind/filter/')) filterFetches.push(request.url());
      if (request.url().endsWith('/pagefind/facets.json.gz')) tableFetches.push(request.url());
    });
    await page.goto(visit.server.url('/search/'));
    await page.waitForSelector('[data-search][data-search-state="ready"]');
    const years = await page.$$eval('[data-facet="year"] input', (boxes) => boxes.map((box) => (box as HTMLInputElement).value));
    expect(years).toEqual([...new Set(visit.plans.map((plan) => String(plan.year)))].sort().reverse());
    const provinces = await page.$$eval('[data-facet="province"] input', (boxes) => boxes.map((box) => (box as HTMLInputElement).value));
    expect(new Set(provinces)).toEqual(new Set(visit.plans.map((plan) => plan.region.province)));
    // The topics the enrich stage gave the items, as the index's facet: read here from the file it wrote.
    const topics = await page.$$eval('[data-facet="topic"] input', (boxes) => boxes.map((box) => (box as HTMLInputElement).value));
    const enriched = JSON.parse(readFileSync(join(visit.site.content, 'enrichment', 'items.json'), 'utf8')) as Array<{ topics: Array<{ name: string }> }>;
    const given = new Set(enriched.flatMap((item) => item.topics.map((topic) => topic.name)));
    expect(given.size).toBeGreaterThan(5);
    expect(new Set(topics)).toEqual(given);
    expect(await page.$$eval('[data-facet] label', (labels) => labels.filter((label) => /（\d+）/u.test(label.textContent ?? '')).length)).toBe(0);
    expect(filterFetches).toEqual([]);
    expect(tableFetches).toEqual([]);

    // Nothing found: nothing to count, so no table yet.
    await page.fill('[data-search-input]', '氪氙氡');
    await page.press('[data-search-input]', 'Enter');
    await page.waitForSelector('[data-search][data-search-state="counted"]');
    expect(await page.textContent('[data-search-status]')).toContain('没有找到');
    expect(tableFetches).toEqual([]);

    await page.fill('[data-search-input]', '教师');
    await page.press('[data-search-input]', 'Enter');
    await page.waitForSelector('[data-search][data-search-state="counted"]');
    expect(filterFetches).toEqual([]);
    expect(tableFetches).toHaveLength(1);
    // 教师 is in every bundled plan: each year's count is the hits of that year, which the year facet then shows.
    const counts = await page.$$eval('[data-facet="year"] label', (labels) => labels.map((label) => label.textContent ?? ''));
    for (const year of years) {
      const label = counts.find((text) => text.includes(year));
      const count = Number(/（(\d+)）/u.exec(label ?? '')?.[1]);
      expect(count, year).toBeGreaterThan(0);
      const yearPage = await visit.open(`/search/?q=%E6%95%99%E5%B8%88&year=${year}`);
      await yearPage.waitForSelector('[data-search][data-search-state="counted"]');
      const status = (await yearPage.textContent('[data-search-status]')) ?? '';
      expect(status, year).toContain(`找到 ${count} 条结果`);
      await yearPage.close();
    }

    // The next query on the page counts with the table it has.
    await page.fill('[data-search-input]', '学前教育');
    await page.press('[data-search-input]', 'Enter');
    await page.waitForFunction(() => location.search.includes('%E5%AD%A6') && document.querySelector('[data-search]')?.getAttribute('data-search-state') === 'counted');
    const total = Number(/找到 (\d+) 条结果/u.exec((await page.textContent('[data-search-status]')) ?? '')?.[1]);
    const yearCounts = await page.$$eval('[data-facet="year"] label', (labels) => labels.map((label) => Number(/（(\d+)）/u.exec(label.textContent ?? '')?.[1] ?? NaN)));
    expect(yearCounts.reduce((sum, count) => sum + count, 0)).toBe(total);
    expect(tableFetches).toHaveLength(1);
    expect(filterFetches).toEqual([]);
  });

  it('counts facets when the host has unpacked the facet table already (served with Content-Encoding: gzip)', async () => {
    const page = await visit.newPage();
    const unpacked = gunzipSync(readFileSync(join(visit.site.dist, 'pagefind', 'facets.json.gz')));
    // What the page's fetch sees from such a host: the JSON itself.
    await page.route('**/pagefind/facets.json.gz', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: unpacked }));
    await page.goto(visit.server.url('/search/?q=%E6%95%99%E5%B8%88'));
    await page.waitForSelector('[data-search][data-search-state="counted"]');
    const total = Number(/找到 (\d+) 条结果/u.exec((await page.textContent('[data-search-status]')) ?? '')?.[1]);
    const yearCounts = await page.$$eval('[data-facet="year"] label', (labels) => labels.map((label) => Number(/（(\d+)）/u.exec(label.textContent ?? '')?.[1] ?? NaN)));
    expect(total).toBeGreaterThan(0);
    expect(yearCounts.reduce((sum, count) => sum + count, 0)).toBe(total);
  });

  it('sorts by year when asked', async () => {
    const page = await openSearch(visit, '?q=教师&sort=year-asc');
    const years = (await resultTexts(page)).map((text) => Number(/· (\d{4})年/u.exec(text)?.[1]));
    expect(years.length).toBeGreaterThan(1);
    expect([...years].sort((a, b) => a - b)).toEqual(years);
    // 教师 is in every bundled plan, so the oldest plan's year comes first.
    expect(years[0]).toBe(Math.min(...visit.plans.map((plan) => plan.year)));
  });

  it('searches from the keyboard and moves into the results with ↓', async () => {
    const page = await openSearch(visit, '');
    await page.focus('[data-search-input]');
    await page.keyboard.type('县中');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.search.includes('q='));
    await page.waitForSelector('[data-search-results] li a');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.closest('[data-search-results]') !== null);
    expect(focused).toBe(true);
    expect(visit.sitePath(page.url())).toBe('/search/');
  });
});

// Over the root build, whose index has a fragment file a page, so that the files asked for count the results asked for.
describe('search page, first screen first', () => {
  const visit = useSite('root');

  it('shows results a page at a time, the first screen before the rest, in rank order and without repeats', async () => {
    const page = await visit.newPage();
    // Record the list as it grows: the first screen (10) lands before the rest of the page (20).
    await page.addInitScript(() => {
      const sizes: number[] = [];
      (globalThis as unknown as { listSizes: number[] }).listSizes = sizes;
      new MutationObserver(() => {
        const list = document.querySelector('[data-search-results]');
        if (list !== null && sizes.at(-1) !== list.children.length) sizes.push(list.children.length);
      }).observe(document, { childList: true, subtree: true });
    });
    // Fragments are held unanswered at first: the page asks for the first screen's ten and no more.
    const fragments: string[] = [];
    const held: Route[] = [];
    let holding = true;
    await page.route('**/*.pf_fragment', async (route) => {
      fragments.push(route.request().url());
      if (holding) held.push(route);
      else await route.continue();
    });
    await page.goto(visit.server.url('/search/?q=%E6%95%99%E8%82%B2'));
    await expect.poll(() => fragments.length).toBe(10);
    // A page that asked for all twenty at once would have done so by now.
    await page.waitForTimeout(500);
    expect(fragments).toHaveLength(10);
    holding = false;
    for (const route of held) await route.continue();
    await page.waitForSelector('[data-search][data-search-state="counted"]');
    const total = Number(/找到 (\d+) 条结果/u.exec((await page.textContent('[data-search-status]')) ?? '')?.[1]);
    expect(total).toBeGreaterThan(40);
    expect(await page.evaluate(() => (globalThis as unknown as { listSizes: number[] }).listSizes.filter((size) => size > 0))).toEqual([10, 20]);
    expect(new Set(fragments).size).toBe(20);
    await page.click('[data-search-more]');
    await page.waitForFunction(() => document.querySelectorAll('[data-search-results] li').length === 40);
    const hrefs = await page.$$eval('[data-search-results] li > a', (links) => links.map((link) => link.getAttribute('href')));
    expect(new Set(hrefs).size).toBe(40);
    // The next page continues where the first ended: a fresh visit's first 20 are the same links.
    const again = await openSearch(visit, '?q=%E6%95%99%E8%82%B2');
    await again.waitForSelector('[data-search][data-search-state="counted"]');
    expect(await again.$$eval('[data-search-results] li > a', (links) => links.map((link) => link.getAttribute('href')))).toEqual(hrefs.slice(0, 20));
  });
});

describe('search page over an index in shards', () => {
  const whole = useSite('root');
  const sharded = useSite('atlas');

  const outcome = async (visit: SiteVisit, search: string): Promise<{ total: number; years: number[]; links: string[]; shardFetches: number; workerFetches: number }> => {
    const page = await visit.newPage();
    let shardFetches = 0;
    let workerFetches = 0;
    page.on('request', (request) => {
      if (/\/pagefind\/shard-\d+\/index\//.test(request.url())) shardFetches += 1;
      if (request.url().endsWith('/pagefind-worker.js')) workerFetches += 1;
    });
    await page.goto(visit.server.url(`/search/${search}`));
    await page.waitForSelector('[data-search][data-search-state="counted"]');
    const total = Number(/找到 (\d+) 条结果/u.exec((await page.textContent('[data-search-status]')) ?? '')?.[1] ?? 0);
    const years = (await resultTexts(page)).map((text) => Number(/· (\d{4})年/u.exec(text)?.[1]));
    const links = await page.$$eval('[data-search-results] li > a', (found) => found.map((link) => (link as HTMLAnchorElement).href));
    await page.close();
    return { total, years, links: links.map((link) => visit.sitePath(link)), shardFetches, workerFetches };
  };

  it('loads the index chunks of what is typed before Enter, in every shard, so the search fetches none', async () => {
    const page = await sharded.newPage();
    const chunks: string[] = [];
    page.on('request', (request) => {
      if (/\/pagefind\/(?:shard-\d+\/)?index\//.test(request.url())) chunks.push(request.url());
    });
    await page.goto(sharded.server.url('/search/'));
    await page.waitForSelector('[data-search][data-search-state="ready"]');
    expect(chunks).toEqual([]);
    await page.focus('[data-search-input]');
    // As an input method commits a word: the whole text at once.
    await page.keyboard.insertText('学前教育');
    await page.waitForSelector('[data-search][data-search-preloaded="学前教育"]');
    const preloaded = chunks.length;
    expect(preloaded).toBeGreaterThan(0);
    expect(chunks.some((url) => /\/shard-\d+\/index\//.test(url))).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-search][data-search-state="counted"]');
    expect(await page.$$eval('[data-search-results] li', (items) => items.length)).toBeGreaterThan(0);
    expect(chunks).toHaveLength(preloaded);
    await page.close();
  });

  it('finds, filters and orders by year exactly as one index does, asking every shard', async () => {
    const manifest = JSON.parse(readFileSync(join(sharded.site.dist, 'pagefind', 'shards.json'), 'utf8')) as { shards: string[] };
    expect(manifest.shards.length).toBeGreaterThanOrEqual(2);
    expect(JSON.parse(readFileSync(join(whole.site.dist, 'pagefind', 'shards.json'), 'utf8'))).toEqual({ shards: [] });
    // The sharded build also shares its fragment files among about four pages (SEARCH_FRAGMENT_PAGES): a third as many files.
    const fragmentFiles = (dist: string): number =>
      readdirSync(join(dist, 'pagefind'), { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.pf_fragment')).length;
    expect(fragmentFiles(sharded.site.dist)).toBeLessThan(fragmentFiles(whole.site.dist) / 3);
    const year = String(Math.max(...whole.plans.map((plan) => plan.year)));
    for (const search of ['?q=教师', '?q=县管校聘', '?q=学前教育&sort=year-asc', '?q=教师&sort=year-desc', `?q=教育&year=${year}`]) {
      const [one, shards] = [await outcome(whole, search), await outcome(sharded, search)];
      expect(one.total, search).toBeGreaterThan(0);
      expect(shards.total, search).toBe(one.total);
      if (search.includes('sort=')) expect(shards.years, search).toEqual(one.years);
      // Every hit, at the same (site-relative) URL, when they fit on one page.
      if (one.total <= one.links.length) expect(new Set(shards.links), search).toEqual(new Set(one.links));
      expect(shards.shardFetches, search).toBeGreaterThan(0);
      // Pagefind runs on the page itself: its worker script would repeat pagefind.js (43 KB more per visit).
      expect(one.workerFetches + shards.workerFetches, search).toBe(0);
    }
    // Ten searches in two sites: on a busy 2-core machine this takes longer than one test's default 30 s.
  }, 120_000);
});
