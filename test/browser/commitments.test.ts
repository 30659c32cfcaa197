/**
 * Commitments as a reader meets them, in Chromium over the test build, at 1280 and
 * 390 px: marked in an item's text and listed under it, a plan's table, the
 * gathering page /commitments/ with its filters, a list's own page, the downloads
 * and the search facet. Expected values come from what the enrich stage wrote
 * (content/enrichment/), never from the pages themselves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CommitmentGroup, ItemEnrichment } from '../../src/model/enrichment.ts';
import { useSite } from './site.ts';

const visit = useSite('root');
const widths = [1280, 390] as const;

const enriched = (): ItemEnrichment[] => JSON.parse(readFileSync(join(visit.site.content, 'enrichment', 'items.json'), 'utf8')) as ItemEnrichment[];
const groups = (): CommitmentGroup[] => JSON.parse(readFileSync(join(visit.site.content, 'enrichment', 'commitments.json'), 'utf8')) as CommitmentGroup[];

async function openAt(path: string, width: number): Promise<Page> {
  const page = await visit.newPage();
  await page.setViewportSize({ width, height: 900 });
  const response = await page.goto(visit.server.url(path));
  expect(response?.status(), path).toBe(200);
  return page;
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe.each(widths)('commitments at %i px', (width) => {
  it('marks each commitment of an item in its text and lists it under the text', async () => {
    const item = enriched().find((entry) => entry.commitments.length >= 3 && entry.commitments.some((commitment) => commitment.kind === 'money' && !commitment.reported))!;
    expect(item, 'a bundled item with a sum of money among three or more commitments').toBeDefined();
    const page = await openAt(item.url, width);
    const marked = await page.$$eval('.item-text mark.commitment', (marks) => marks.map((mark) => mark.textContent ?? '').join(''));
    expect(marked).toBe(item.commitments.map((commitment) => commitment.text).join(''));
    const list = page.getByRole('region', { name: '本条的量化目标与时限' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(item.commitments.length);
    const money = item.commitments.find((commitment) => commitment.kind === 'money')!;
    expect(await list.innerText()).toContain(`${money.quantity} ${money.unit}`);
    // Each kind links to the list that gathers its like.
    const first = list.getByRole('link').first();
    expect(await first.getAttribute('href')).toBe(visit.href(`/commitments/${item.commitments[0]!.group}/`));
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  });

  it('gives a plan a table with a row for each of its items’ commitments', async () => {
    const items = enriched();
    const plan = visit.plans.find((candidate) => items.filter((item) => item.plan === candidate.id).flatMap((item) => item.commitments).length >= 5)!;
    const expected = items.filter((item) => item.plan === plan.id).flatMap((item) => item.commitments.map((commitment) => ({ item, commitment })));
    const page = await openAt(plan.url, width);
    const table = page.getByRole('region', { name: '本计划的量化目标表' });
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(expected.length);
    expect(await rows.first().locator('a').getAttribute('href')).toBe(visit.href(expected[0]!.item.url));
    if (width === 390) {
      // On a phone a row is a card: its cells stacked, each named by its column.
      expect(await rows.first().locator('td').first().evaluate((cell) => getComputedStyle(cell).display)).toBe('grid');
    }
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  });

  it('gathers every list on /commitments/ and filters them by province, kept in the address', async () => {
    const all = groups();
    const page = await openAt('/commitments/', width);
    const rows = page.locator('#commitment-groups tbody tr');
    expect(await rows.count()).toBe(all.length);
    const plans = new Map(visit.plans.map((plan) => [plan.id, plan.region.path[0]!]));
    const province = plans.get(all.find((group) => group.kind === 'target')!.entries[0]!.plan)!;
    const expected = all.filter((group) => group.entries.some((entry) => plans.get(entry.plan) === province)).length;
    expect(expected).toBeLessThan(all.length);
    await page.getByLabel('省份').selectOption(province);
    await expect.poll(() => page.locator('#commitment-groups tbody tr:not([hidden])').count()).toBe(expected);
    expect(await page.locator('[data-row-count]').innerText()).toBe(`显示 ${expected} / ${all.length} 行`);
    expect(new URL(page.url()).searchParams.get('province')).toBe(province);
    await page.reload();
    await expect.poll(() => page.locator('#commitment-groups tbody tr:not([hidden])').count()).toBe(expected);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  });

  it('opens a list with each commitment’s region, year, figure and words, linked to its item', async () => {
    const group = groups().find((candidate) => candidate.kind === 'count' && candidate.plans >= 2)!;
    const page = await openAt('/commitments/', width);
    await page.locator('#commitment-groups tbody tr').filter({ has: page.locator(`a[href="${visit.href(`/commitments/${group.slug}/`)}"]`) }).getByRole('link').click();
    await page.waitForURL(`**/commitments/${group.slug}/`);
    const rows = page.locator('#commitment-rows tbody tr');
    expect(await rows.count()).toBe(group.entries.length);
    const items = new Map(enriched().map((item) => [item.url, item]));
    const firstEntry = group.entries[0]!;
    const commitment = items.get(firstEntry.url)!.commitments[firstEntry.index]!;
    expect(await rows.first().innerText()).toContain(commitment.text);
    expect(await rows.first().locator(`a[href="${visit.href(firstEntry.url)}"]`).count()).toBe(1);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  });
});

describe('commitments as data', () => {
  it('downloads every commitment as CSV with a byte-order mark and as JSON, the same rows', async () => {
    const total = enriched().reduce((sum, item) => sum + item.commitments.length, 0);
    const response = await fetch(visit.server.url('/downloads/commitments.csv'));
    const bytes = Buffer.from(await response.arrayBuffer());
    // The byte-order mark Excel needs to read UTF-8 (fetch's text() would drop it).
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('item_url,plan_id,year,region,region_code,province,key,kind,reported,indicator,quantity,max,unit,bound,office,text,start,end,planned_in');
    expect(lines).toHaveLength(total + 1);
    const json = await fetch(visit.server.url('/downloads/commitments.json')).then((response) => response.json() as Promise<Array<{ text: string; kind: string }>>);
    expect(json).toHaveLength(total);
    expect(json.map((row) => row.text)).toEqual(enriched().flatMap((item) => item.commitments.map((commitment) => commitment.text)));
  });

  it('filters search results to items with a deadline', async () => {
    const withDeadline = new Set(enriched().filter((item) => item.commitments.some((commitment) => commitment.kind === 'deadline' && !commitment.reported)).map((item) => visit.href(item.url)));
    expect(withDeadline.size).toBeGreaterThan(0);
    const page = await visit.open(`/search/?q=${encodeURIComponent('建设')}&commitment=${encodeURIComponent('时限')}`);
    // The status names the count before the results are appended; the page says when it has shown and counted them.
    await page.waitForSelector('[data-search][data-search-state="counted"]');
    expect(await page.textContent('[data-search-status]')).toMatch(/^找到/);
    expect(await page.isChecked('[data-facet="commitment"] input[value="时限"]')).toBe(true);
    const hrefs = await page.$$eval('[data-search-results] li > a', (links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(withDeadline.has(href), href).toBe(true);
  });
});

describe.each(widths)('a summary and the plan before it, at %i px (the /atlas/ build)', (width) => {
  const atlas = useSite('atlas');
  const itemsOf = (): ItemEnrichment[] => JSON.parse(readFileSync(join(atlas.site.content, 'enrichment', 'items.json'), 'utf8')) as ItemEnrichment[];

  async function open(path: string): Promise<Page> {
    const page = await atlas.newPage();
    await page.setViewportSize({ width, height: 900 });
    expect((await page.goto(atlas.server.url(path)))?.status(), path).toBe(200);
    return page;
  }

  it('shows a result a summary reports with the commitment of the year before that it answers', async () => {
    const summary = itemsOf().find((item) => item.commitments.some((commitment) => commitment.reported && commitment.plannedIn.length > 0))!;
    expect(summary, 'the test summary plan reports on its region’s plan of the year before').toBeDefined();
    const result = summary.commitments.find((commitment) => commitment.plannedIn.length > 0)!;
    const page = await open(summary.url);
    const list = page.getByRole('region', { name: '本条报告的完成情况' });
    const link = list.locator(`a[href="${atlas.href(result.plannedIn[0]!.url)}"]`).first();
    expect(await link.innerText()).toContain(result.plannedIn[0]!.text);
    await link.click();
    await page.waitForURL(`**${result.plannedIn[0]!.url}`);
    expect(await page.locator('.item-text mark.commitment').allInnerTexts()).toContain(result.plannedIn[0]!.text);
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
  });

  it('charts one measure committed in two years, each year with its count, and the figures in a table', async () => {
    const groups = JSON.parse(readFileSync(join(atlas.site.content, 'enrichment', 'commitments.json'), 'utf8')) as CommitmentGroup[];
    const items = new Map(itemsOf().map((item) => [item.url, item]));
    const committed = (group: CommitmentGroup) => group.entries.filter((entry) => !items.get(entry.url)!.commitments[entry.index]!.reported);
    const group = groups.find((candidate) => candidate.kind === 'target' && candidate.indicator !== null && new Set(committed(candidate).map((entry) => entry.year)).size >= 2)!;
    expect(group, 'a measure committed in two years').toBeDefined();
    const page = await open(`/commitments/${group.slug}/`);
    const chart = page.getByRole('img', { name: new RegExp(`^${group.indicator}`, 'u') });
    await expect.poll(() => chart.locator('circle').count()).toBe(committed(group).length);
    const years = committed(group).map((entry) => String(entry.year));
    const labels = await chart.locator('text').allTextContents();
    for (const year of years) expect(labels).toContain(year);
    expect(labels.filter((label) => /^\d+ 处$/u.test(label)).length).toBe(Math.max(...committed(group).map((entry) => entry.year)) - Math.min(...committed(group).map((entry) => entry.year)) + 1);
    // The chart's figures, in a table a screen reader can read.
    await page.getByText('图表数据').click();
    expect(await page.locator('.chart-table tbody tr').count()).toBe(committed(group).length);
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
  });
});

async function overflowOf(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}
