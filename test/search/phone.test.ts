/**
 * The search page on a phone (390 px) as a reader uses it: one search box, the
 * results first, the facets folded behind one button that counts the filters
 * chosen, only values some result has, and a city facet. At 1280 px the facets
 * stand beside the results, with no button.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite } from '../browser/site.ts';

const visit = useSite('root');

async function searchAt(width: number, query: string): Promise<Page> {
  const page = await visit.newPage();
  await page.setViewportSize({ width, height: 844 });
  await page.goto(visit.server.url(`/search/${query}`));
  await page.waitForSelector('[data-search][data-search-state="counted"]');
  return page;
}

describe('search on a phone', () => {
  it('has one search box, and shows results before the facets, which fold behind one button', async () => {
    const page = await searchAt(390, '?q=%E6%95%99%E5%B8%88');
    expect(await page.getByRole('searchbox').count()).toBe(1);
    const toggle = page.getByRole('button', { name: /^筛选/u });
    expect(await toggle.isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('[data-search-facets]').isVisible()).toBe(false);
    const firstResult = await page.locator('[data-search-results] li').first().boundingBox();
    expect(firstResult!.y).toBeLessThan(844);
    await toggle.click();
    expect(await page.locator('[data-search-facets]').isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('counts the filters chosen on the button, and lists only values some result has', async () => {
    const year = String(Math.max(...visit.plans.map((plan) => plan.year)));
    const page = await searchAt(390, `?q=%E5%AD%A6%E5%89%8D%E6%95%99%E8%82%B2&year=${year}`);
    const toggle = page.getByRole('button', { name: /^筛选/u });
    expect(await toggle.innerText()).toBe('筛选（已选 1 项）');
    await toggle.click();
    const labels = await page.$$eval('[data-search-facets] label', (found) => found.map((label) => ({ text: label.textContent ?? '', checked: label.querySelector('input')!.checked })));
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) if (!label.checked) expect(label.text, 'a value no result has').not.toMatch(/（0）$/u);
    // A count never wraps away from its value.
    expect(await page.$eval('[data-search-facets] label', (label) => getComputedStyle(label).whiteSpace)).toBe('nowrap');
  });

  it('filters by city, a prefecture the plans name', async () => {
    const plan = visit.plans.find((candidate) => candidate.region.prefecture !== null && candidate.region.prefecture !== candidate.region.province)!;
    const page = await searchAt(1280, `?q=%E6%95%99%E5%B8%88&prefecture=${encodeURIComponent(plan.region.prefecture!)}`);
    expect(await page.getByRole('button', { name: /^筛选/u }).isVisible()).toBe(false);
    expect(await page.isChecked(`[data-facet="prefecture"] input[value="${plan.region.prefecture}"]`)).toBe(true);
    const metas = await page.$$eval('[data-search-results] li .search-meta', (found) => found.map((meta) => meta.textContent ?? ''));
    expect(metas.length).toBeGreaterThan(0);
    for (const meta of metas) expect(meta).toContain(plan.region.prefecture);
  });
});
