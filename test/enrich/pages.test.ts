/**
 * The cross-link pages in Chromium, as a reader meets them: the topics overview
 * (heatmap and its table), a topic page, a cited title in an item's text leading
 * to its document page, a policy term leading to its term page, and a related
 * item leading to another plan.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TopicEntry } from '../../src/model/enrichment.ts';
import { testPlansPerPage } from '../browser/build.ts';
import { sitemapText, useSite, type SiteVisit } from '../browser/site.ts';

const squeeze = (text: string) => text.replace(/\s+/g, '');

async function click(visit: SiteVisit, page: Page, link: ReturnType<Page['getByRole']>): Promise<string> {
  expect(await link.count(), `link on ${page.url()}`).toBeGreaterThan(0);
  const target = (await link.first().getAttribute('href'))!;
  await Promise.all([page.waitForURL((url) => url.pathname === target), link.first().click()]);
  return visit.sitePath(page.url());
}

describe('cross-link pages', () => {
  const visit = useSite('root');

  it('the topics overview draws a heatmap without JavaScript and gives its numbers as a table', async () => {
    const page = await visit.open('/topics/');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('主题');
    const heatmap = page.getByRole('group', { name: /主题 × 计划/ });
    await expect(heatmap.count()).resolves.toBe(1);
    expect(await heatmap.evaluate((node) => node.tagName.toLowerCase())).toBe('svg');
    const table = page.getByRole('table', { name: '各计划中每个主题的条目数' });
    const header = await table.locator('thead th').allInnerTexts();
    expect(header[0]).toBe('主题');
    expect(header.at(-1)).toBe('合计');
    expect(header.length).toBeGreaterThanOrEqual(3);
    const teachers = table.getByRole('row', { name: /^教师队伍/ });
    const counts = (await teachers.locator('td').allInnerTexts()).map(Number);
    expect(counts.at(-1)).toBe(counts.slice(0, -1).reduce((sum, count) => sum + count, 0));
    expect(counts.at(-1)).toBeGreaterThan(5);
    expect(await click(visit, page, teachers.getByRole('link', { name: '教师队伍' }))).toBe('/topics/teachers/');
  });

  it('a topic page lists its items grouped by plan, newest plan first', async () => {
    const page = await visit.open('/topics/teachers/');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('教师队伍');
    // Each plan heading ends with "region · year年 · n 条": the plan year is the last year printed.
    const years = (await page.getByRole('heading', { level: 2 }).allInnerTexts()).map((text) => Number([...text.matchAll(/(\d{4})年/g)].at(-1)?.[1]));
    expect(years.length).toBeGreaterThanOrEqual(4);
    expect([...years].sort((a, b) => b - a)).toEqual(years);
    await expect(page.locator(`a[href="${visit.href('/shandong/taian/2024/15/')}"]`).count()).resolves.toBe(1);
  });

  it('a title cited in an item links to the document page listing every item that cites it', async () => {
    const page = await visit.open('/jiangxi/yingtan/2021/4/');
    const main = page.getByRole('main');
    const before = squeeze(await main.locator('.item-text').innerText());
    expect(before).toContain('《中小学德育工作指南》');
    const path = await click(visit, page, main.getByRole('link', { name: '《中小学德育工作指南》' }));
    expect(path).toMatch(/^\/docs\/zxxdygzzn-[0-9a-f]{6}\/$/);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('《中小学德育工作指南》');
    for (const item of ['/jiangxi/yingtan/2021/4/', '/liaoning/dalian/2018/7/']) {
      await expect(page.locator(`main a[href="${visit.href(item)}"]`).count(), item).resolves.toBe(1);
    }
  });

  it.each([1280, 390])('a policy term links to its page, with the use per year as a chart and every occurrence (%i px)', async (width) => {
    const page = await visit.open('/shandong/taian/2024/15/');
    await page.setViewportSize({ width, height: 844 });
    await click(visit, page, page.getByRole('main').locator('.item-text').getByRole('link', { name: '县管校聘', exact: true }));
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('县管校聘');
    const chart = page.getByRole('img', { name: /县管校聘.*各年/ });
    await expect(chart.count()).resolves.toBe(1);
    // Every year from the first plan's to the last, the years without plans said as such, counts under each.
    const years = visit.plans.map((plan) => plan.year);
    const labels = await chart.locator('text.tick').allTextContents();
    const span = Math.max(...years) - Math.min(...years) + 1;
    expect(labels.filter((label) => !label.endsWith('%'))).toHaveLength(span);
    const counts = await chart.locator('text.count').allTextContents();
    const taianYear = 2024;
    const plansThatYear = visit.plans.filter((plan) => plan.year === taianYear).length;
    expect(counts[taianYear - Math.min(...years)]).toMatch(new RegExp(`^\\d+/${plansThatYear}`, 'u'));
    expect(counts.filter((count) => count.startsWith('无'))).toHaveLength(span - new Set(years).size);
    // The same figures as a table.
    await page.getByText('图表数据').click();
    const rows = page.locator('.chart-table tbody tr');
    expect(await rows.count()).toBe(span);
    expect(await rows.filter({ hasText: String(taianYear) }).locator('td').first().innerText()).toBe(String(plansThatYear));
    const occurrences = page.locator('main mark');
    expect(await occurrences.count()).toBeGreaterThanOrEqual(4);
    expect(new Set(await occurrences.allInnerTexts())).toEqual(new Set(['县管校聘']));
  });

  it('an item lists related items of other plans with the reason, and the link opens one', async () => {
    const page = await visit.open('/shandong/taian/2024/15/');
    const related = page.getByRole('region', { name: /相关条目/ });
    const links = related.getByRole('link');
    expect(await links.count()).toBeGreaterThan(0);
    expect(await links.count()).toBeLessThanOrEqual(5);
    expect(await related.innerText()).toMatch(/共同主题|共同术语|共同关键词/);
    const path = await click(visit, page, links);
    expect(path.startsWith('/shandong/taian/2024/')).toBe(false);
    expect(path).toMatch(/^\/[a-z]+\/.+\/\d{4}\/(?:[a-z-]+\/)?[\d-]+\/$/);
  });
});

describe('lists in pages (the /atlas/ build lists one plan a page)', () => {
  const visit = useSite('atlas');

  it('lists every plan once across the pages of /plans/, newest first, each page leading to the next', async () => {
    const pages = Math.ceil(visit.plans.length / testPlansPerPage);
    expect(pages).toBeGreaterThan(1);
    let page = await visit.open('/plans/');
    const rows: { year: number; url: string }[] = [];
    for (let number = 1; number <= pages; number += 1) {
      expect(visit.sitePath(page.url())).toBe(number === 1 ? '/plans/' : `/plans/${number}/`);
      const pager = page.getByRole('navigation', { name: '分页' }).first();
      expect(await pager.innerText()).toContain(`第 ${number} 页，共 ${pages} 页`);
      const found = await page.$$eval('table.data-table tbody tr', (trs) =>
        trs.map((tr) => ({ year: Number(tr.querySelector('td')?.textContent), url: (tr.querySelector('td:nth-child(3) a') as HTMLAnchorElement).href })),
      );
      expect(found.length).toBeLessThanOrEqual(testPlansPerPage);
      rows.push(...found.map((row) => ({ year: row.year, url: visit.sitePath(row.url) })));
      if (number < pages) expect(await click(visit, page, pager.getByRole('link', { name: '下一页' }))).toBe(`/plans/${number + 1}/`);
    }
    expect(rows.map((row) => row.url).sort()).toEqual(visit.plans.map((plan) => plan.url).sort());
    expect(rows.map((row) => row.year)).toEqual([...rows.map((row) => row.year)].sort((a, b) => b - a));
  });

  it('shows a page of plans at a time, each page leading to the next, and every item of the topic once across them', async () => {
    const topics = JSON.parse(readFileSync(join(visit.site.content, 'enrichment', 'topics.json'), 'utf8')) as TopicEntry[];
    const topic = topics.reduce((most, each) => (Object.keys(each.plans).length > Object.keys(most.plans).length ? each : most));
    const plans = Object.keys(topic.plans).length;
    expect(plans).toBeGreaterThan(testPlansPerPage);
    const pages = Math.ceil(plans / testPlansPerPage);
    const first = `/topics/${topic.slug}/`;
    let page = await visit.open(first);
    const seen: string[] = [];
    for (let number = 1; number <= pages; number += 1) {
      expect(visit.sitePath(page.url())).toBe(number === 1 ? first : `${first}${number}/`);
      const pager = page.getByRole('navigation', { name: '分页' }).first();
      expect(await pager.innerText()).toContain(`第 ${number} 页，共 ${pages} 页`);
      expect(await page.locator('.item-group').count()).toBeLessThanOrEqual(testPlansPerPage);
      const links = await page.$$eval('.item-group li a', (found) => found.map((link) => (link as HTMLAnchorElement).href));
      seen.push(...links.map((link) => visit.sitePath(link)));
      const next = pager.getByRole('link', { name: '下一页' });
      if (number === pages) {
        expect(await next.count()).toBe(0);
        break;
      }
      expect(await click(visit, page, next)).toBe(`${first}${number + 1}/`);
    }
    expect(seen.sort()).toEqual([...topic.items].sort());
    // The pages after the first are in the sitemap too.
    const sitemap = await sitemapText(visit);
    expect(sitemap).toContain(`${visit.href(first)}${pages}/</loc>`);
  });
});
