/**
 * Layouts a reader meets: a 360 px phone without sideways scrolling, and a printout
 * (officials print these) with the plan's text but without the site's chrome.
 */
import { describe, expect, it } from 'vitest';
import { itemList, regionUrls, walkPlan } from './content.ts';
import { useSite } from './site.ts';

const visit = useSite('root');

const pages = () => {
  const plan = walkPlan(visit.plans);
  return ['/', regionUrls(plan).at(-1)!, plan.url, itemList(plan)[0]!.url, '/plans/'];
};

describe('layout', () => {
  it('fits a 360 px phone without scrolling sideways', async () => {
    const wide: string[] = [];
    for (const path of pages()) {
      const page = await visit.newPage();
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(visit.server.url(path));
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 360) wide.push(`${path}: ${width}px wide`);
      await page.close();
    }
    expect(wide).toEqual([]);
  });

  it('prints an item with its text but without the header search box or copy buttons', async () => {
    const plan = walkPlan(visit.plans);
    const item = itemList(plan)[0]!;
    const page = await visit.open(item.url);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('banner').getByRole('searchbox').first().isVisible(), 'header search box in print').toBe(false);
    const main = (await page.locator('main').innerText()).replace(/\s+/g, '');
    expect(main).toContain(item.text.split('\n')[0]!.replace(/\s+/g, ''));
    expect(await page.getByRole('button', { name: /复制/ }).first().isVisible(), 'copy buttons in print').toBe(false);
  });

  it('prints the covering notice of a plan, which the screen keeps folded', async () => {
    const plan = visit.plans.find((each) => each.notice.length > 0);
    expect(plan, 'a bundled plan with a covering notice').toBeDefined();
    const page = await visit.open(plan!.url);
    const firstLine = plan!.notice.split('\n').find((line) => line.trim().length > 0)!.trim();
    const notice = page.locator('.notice p').first();
    expect(await notice.textContent()).toBe(firstLine);
    expect(await notice.isVisible(), 'notice on screen, folded').toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await notice.isVisible(), 'notice in print').toBe(true);
    expect((await page.locator('main').innerText()).replace(/\s+/g, '')).toContain(firstLine.replace(/\s+/g, ''));
  });
});
