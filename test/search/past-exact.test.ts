/**
 * Search past the exact words, as a reader uses it at 1280 and 390 px: a typo is
 * offered the atlas's nearest words, pinyin or its initials the words they read as,
 * a synonym finds the items printing the other word of its group (and the page
 * says so), and a suggestion is one tap from its results.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { itemsOf } from '../../src/model/plan.ts';
import { useSite } from '../browser/site.ts';

const visit = useSite('root');

async function searchAt(width: number, query: string): Promise<Page> {
  const page = await visit.newPage();
  await page.setViewportSize({ width, height: 844 });
  await page.goto(visit.server.url(`/search/?q=${encodeURIComponent(query)}`));
  await page.waitForSelector('[data-search][data-search-state="counted"]');
  return page;
}

const itemsPrinting = (word: string): string[] =>
  visit.plans.flatMap((plan) => [...itemsOf(plan.sections)]).filter((item) => item.text.includes(word)).map((item) => item.url);

describe.each([1280, 390])('search past the exact words at %i px', (width) => {
  it('offers the nearest word the atlas prints to a typo, and its results one tap away', async () => {
    const page = await searchAt(width, '学前教肓');
    const offered = page.locator('[data-search-suggestions]');
    expect(await offered.isVisible()).toBe(true);
    expect(await offered.innerText()).toMatch(/^您是不是要找：学前教育/u);
    await offered.getByRole('link', { name: '学前教育' }).click();
    await page.waitForURL((url) => new URL(url).searchParams.get('q') === '学前教育');
    await page.waitForSelector('[data-search][data-search-state="counted"]');
    expect(await page.locator('[data-search-suggestions]').isVisible()).toBe(false);
    expect(await page.locator('[data-search-status]').innerText()).toMatch(/^找到 \d+ 条结果/u);
  });

  it('reads pinyin and its initials as the words they stand for', async () => {
    for (const typed of ['xqjy', 'xueqianjiaoyu']) {
      const page = await searchAt(width, typed);
      const offered = page.locator('[data-search-suggestions]');
      expect(await offered.innerText()).toContain(`按拼音“${typed}”：`);
      expect(await offered.getByRole('link').first().innerText()).toBe('学前教育');
      await page.close();
    }
  });

  it('finds by a synonym the items printing the other word of its group, and says so', async () => {
    // No bundled plan prints 县域普通高中; 县中 is what they print (scripts/genre/synonyms.yaml groups them).
    expect(itemsPrinting('县域普通高中')).toEqual([]);
    const page = await searchAt(width, '县域普通高中');
    expect(await page.locator('[data-search-status]').innerText()).toContain('含同义词：县域普通高中＝县中');
    const found = await page.$$eval('[data-search-results] li > a', (links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    for (const url of itemsPrinting('加大县中')) expect(found).toContain(url);
    expect(await page.locator('[data-search-results] mark', { hasText: '县中' }).count()).toBeGreaterThan(0);
  });
});
