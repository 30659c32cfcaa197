/**
 * Comparing plans as a reader does, at 1280 and 390 px: from a plan's other years to
 * the compare page, the two plans side by side by topic, and for one region's plans
 * a year apart the items new, continued (with the earlier item and how alike) and
 * dropped. The test build holds 泰安's 2024 plan and a 2025 one (test/browser/fixtures/taian-2025.txt).
 */
import { describe, expect, it } from 'vitest';
import { itemsOf } from '../../src/model/plan.ts';
import { useSite } from './site.ts';

const visit = useSite('root');

describe.each([1280, 390])('compare at %i px', (width) => {
  it('leads from a plan to its comparison with the region’s next year, by topic and item by item', async () => {
    const earlier = visit.plans.find((plan) => plan.url === '/shandong/taian/2024/')!;
    const later = visit.plans.find((plan) => plan.region.code === earlier.region.code && plan.year === 2025)!;
    expect(later).toBeDefined();
    const page = await visit.newPage();
    await page.setViewportSize({ width, height: 844 });
    await page.goto(visit.server.url(earlier.url));
    const link = page.locator('.plan-links li', { hasText: '2025年' }).getByRole('link', { name: '与本计划比较' });
    await Promise.all([page.waitForURL((url) => url.pathname.endsWith('/compare/')), link.click()]);
    const params = new URL(page.url()).searchParams;
    expect([params.get('a'), params.get('b')]).toEqual([earlier.id, later.id]);
    const status = page.locator('[data-compare-status]');
    await expect.poll(() => status.innerText()).toMatch(/^比较：/u);
    expect(await page.locator('#compare-a').inputValue()).toBe(earlier.id);
    expect(await page.locator('#compare-b').inputValue()).toBe(later.id);

    // Side by side by topic: every item of each plan stands under its topics, none lost.
    const headings = await page.locator('.compare-topic h3').allInnerTexts();
    expect(headings.length).toBeGreaterThan(0);
    const listed = await page.locator('.compare-columns').evaluateAll((grids) =>
      grids.map((grid) => [...grid.children].map((cell) => [...cell.querySelectorAll('li a')].map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname))),
    );
    for (const [index, plan] of [earlier, later].entries()) {
      const shown = new Set(listed.flatMap((columns) => columns[index] ?? []));
      expect(shown).toEqual(new Set([...itemsOf(plan.sections)].map((item) => visit.href(item.url))));
    }

    // Year on year: each later item new or continued, the match shown; what the earlier had and the later lacks, dropped.
    const changes = page.locator('.compare-changes');
    const count = async (label: string): Promise<number> => Number(/（(\d+)）/u.exec(await changes.locator('h3', { hasText: label }).innerText())![1]);
    const laterItems = [...itemsOf(later.sections)];
    expect((await count('新增')) + (await count('延续'))).toBe(laterItems.length);
    expect(await count('不再出现')).toBeGreaterThan(0);
    const continued = changes.locator('li', { hasText: '推进幼儿园优质普惠' });
    expect(await continued.locator('.compare-match').innerText()).toMatch(/^延续2024年：8\.推动学前教育优质普惠。?（相似度 0\.\d\d）$/u);
    expect(await continued.locator('.compare-match a').getAttribute('href')).toBe(visit.href('/shandong/taian/2024/8/'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });

  it('sets three plans side by side, each with all its items, and compares item by item only two', async () => {
    const three = visit.plans.slice(0, 3);
    const page = await visit.newPage();
    await page.setViewportSize({ width, height: 844 });
    const query = new URLSearchParams(three.map((plan, index) => [['a', 'b', 'c'][index]!, plan.id]));
    await page.goto(visit.server.url(`/compare/?${query.toString()}`));
    await expect.poll(() => page.locator('[data-compare-status]').innerText()).toMatch(/^比较：.+ 与 .+ 与 .+$/u);
    expect(await page.locator('.compare-heads > div').count()).toBe(3);
    const listed = await page.locator('.compare-columns').evaluateAll((grids) =>
      grids.map((grid) => [...grid.children].map((cell) => cell.querySelectorAll('li a').length)),
    );
    three.forEach((plan, index) => expect(listed.reduce((sum, columns) => sum + (columns[index] ?? 0), 0)).toBeGreaterThanOrEqual([...itemsOf(plan.sections)].length));
    expect(await page.locator('.compare-changes').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });
});

describe.each([1280, 390])('a 总结’s item at %i px', (width) => {
  it('links the item of the plan it reports on, the year before, with how alike they are', async () => {
    const later = visit.plans.find((plan) => plan.region.code === '370900' && plan.year === 2025)!;
    const reported = [...itemsOf(later.sections)].find((item) => item.text.includes('幼儿园普惠发展'))!;
    const planned = [...itemsOf(later.sections)].find((item) => item.text.includes('推进幼儿园优质普惠'))!;
    const page = await visit.newPage();
    await page.setViewportSize({ width, height: 844 });
    await page.goto(visit.server.url(reported.url));
    const line = page.locator('.reports-on');
    expect(await line.innerText()).toMatch(/^所报告的计划条目：泰安市 2024年工作要点 8\.推动学前教育优质普惠。?（按文字相似度对照，相似度 0\.\d\d）$/u);
    await Promise.all([page.waitForURL((url) => url.pathname === visit.href('/shandong/taian/2024/8/')), line.getByRole('link').click()]);
    // An item of the part that plans says nothing of the kind.
    await page.goto(visit.server.url(planned.url));
    expect(await page.locator('.reports-on').count()).toBe(0);
  });
});
