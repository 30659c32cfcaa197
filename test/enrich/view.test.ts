import { describe, expect, it } from 'vitest';
import type { PlanEntry, TopicEntry } from '../../src/model/enrichment.ts';
import { excerpt, groupByPlan, heatColumns, heatmap, maxPlanColumns, relatedReason, termYearChart, topicCount } from '../../src/components/enrich/view.ts';

const plan = (id: string, year: number, items: number): PlanEntry => ({ id, url: `/${id}/`, title: id, region: id, regionPath: [id], year, years: [year], kind: '工作要点', items, topics: {} });
const topic = (slug: string, plans: Record<string, number>): TopicEntry => ({ id: slug, slug, order: 0, name: slug, kind: 'theme', definition: '', items: [], plans });

describe('heatmap', () => {
  const byPlan = (plans: PlanEntry[]) => heatColumns(plans, () => ({ name: '', code: '' })).columns;

  it('colours by the share of a plan\'s items, so a short plan is not drowned by a long one', () => {
    const map = heatmap([topic('a', { long: 10, short: 2 })], byPlan([plan('long', 2024, 100), plan('short', 2023, 4)]));
    const [long, short] = map.cells;
    expect(long!.share).toBe(0.1);
    expect(short!.share).toBe(0.5);
    expect(map.maxShare).toBe(0.5);
    expect(short!.fill).not.toBe(long!.fill);
    expect(short!.x).toBeGreaterThan(long!.x);
  });

  it('draws an empty cell in the paper tint', () => {
    expect(heatmap([topic('a', {})], byPlan([plan('p', 2024, 5)])).cells[0]!.fill).toBe('#f6f8fa');
  });
});

describe('heatColumns', () => {
  const provinces: Record<string, { name: string; code: string }> = { shandong: { name: '山东省', code: '370000' }, beijing: { name: '北京市', code: '110000' } };
  const inProvince = (province: string, index: number, items: number): PlanEntry => ({ ...plan(`${province}/p${index}/2024`, 2024, items), regionPath: [province, `p${index}`] });

  it('gives each plan a column while there are few, labelled with its region and year and linked to it', () => {
    const plans = Array.from({ length: maxPlanColumns }, (_, index) => plan(`p${index}`, 2020 + (index % 5), 3));
    const { by, columns } = heatColumns(plans, () => ({ name: 'x', code: '0' }));
    expect(by).toBe('plan');
    expect(columns.map((column) => column.url)).toEqual(plans.map((entry) => entry.url));
    expect(columns[1]!.label).toBe('p12021');
  });

  it('past that, one column per province in GB/T 2260 order: its items summed, the share over all its plans', () => {
    const plans = [
      ...Array.from({ length: maxPlanColumns }, (_, index) => inProvince('shandong', index, 10)),
      inProvince('beijing', 0, 4),
    ];
    const { by, columns } = heatColumns(plans, (slug) => provinces[slug]!);
    expect(by).toBe('province');
    expect(columns.map((column) => [column.label, column.url, column.items])).toEqual([
      ['北京市', '/beijing/', 4],
      ['山东省', '/shandong/', 10 * maxPlanColumns],
    ]);
    const counted = topic('a', { 'shandong/p0/2024': 5, 'shandong/p7/2024': 3, 'beijing/p0/2024': 2 });
    expect(columns.map((column) => topicCount(counted, column))).toEqual([2, 8]);
    const map = heatmap([counted], columns);
    expect(map.cells.map((cell) => cell.share)).toEqual([0.5, 8 / (10 * maxPlanColumns)]);
    // The page stays as wide however many plans a province has.
    expect(map.cells).toHaveLength(2);
  });
});

describe('termYearChart', () => {
  const chart = termYearChart([
    { year: 2021, items: 2, plans: 1, corpusItems: 50, corpusPlans: 2 },
    { year: 2023, items: 2, plans: 1, corpusItems: 20, corpusPlans: 1 },
    { year: 2024, items: 0, plans: 0, corpusItems: 30, corpusPlans: 3 },
  ]);

  it('gives every year from the first to the last, a year without plans as a gap, not a zero', () => {
    expect(chart.columns.map((column) => column.year)).toEqual([2021, 2022, 2023, 2024]);
    expect(chart.columns.map((column) => column.share)).toEqual([0.5, null, 1, 0]);
    expect(chart.columns[1]).toMatchObject({ corpusPlans: 0, height: 0 });
  });

  it('draws each bar as the share of that year’s plans on an axis from 0 to 100 %', () => {
    const [half, , whole, none] = chart.columns;
    expect(chart.ticks.map((tick) => tick.value)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    const zeroLine = chart.ticks[0]!.y;
    const fullLine = chart.ticks.at(-1)!.y;
    expect(whole!.y).toBe(fullLine);
    expect(whole!.height).toBe(zeroLine - fullLine);
    expect(half!.height).toBe(Math.round((zeroLine - fullLine) / 2));
    expect(none!.height).toBe(0);
    expect(half!.x).toBeLessThan(whole!.x);
  });
});

describe('excerpt', () => {
  it('cuts around the first occurrence with ellipses', () => {
    expect(excerpt('一二三四五县管校聘六七八九十', '县管校聘', 2)).toEqual({ before: '…四五', match: '县管校聘', after: '六七…' });
    expect(excerpt('县管校聘', '县管校聘')).toEqual({ before: '', match: '县管校聘', after: '' });
    expect(excerpt('无', '县中')).toBeNull();
  });
});

describe('relatedReason', () => {
  it('names shared topics and terms, else shared keywords', () => {
    const names = new Map([['teachers', '教师队伍']]);
    expect(relatedReason({ url: '/x/', score: 1, topics: ['teachers'], terms: ['县管校聘'], keywords: ['轮岗'] }, names)).toBe('共同主题：教师队伍；共同术语：县管校聘');
    expect(relatedReason({ url: '/x/', score: 1, topics: [], terms: [], keywords: ['轮岗', '交流'] }, names)).toBe('共同关键词：轮岗、交流');
  });
});

describe('groupByPlan', () => {
  it('groups in the order of the plans given, items in the order of the urls', () => {
    const item = (url: string, planId: string) => ({ id: url, url, plan: planId, key: '1', heading: '', name: '', topics: [], documents: [], terms: [], keywords: [], related: [], commitments: [], reports: false });
    const items = new Map([item('/b/1/', 'b'), item('/a/2/', 'a'), item('/a/1/', 'a')].map((entry) => [entry.url, entry]));
    const groups = groupByPlan(['/a/2/', '/b/1/', '/a/1/', '/gone/'], items, [plan('b', 2024, 1), plan('a', 2021, 2)]);
    expect(groups.map((group) => [group.plan.id, group.items.map((entry) => entry.url)])).toEqual([
      ['b', ['/b/1/']],
      ['a', ['/a/2/', '/a/1/']],
    ]);
  });
});
