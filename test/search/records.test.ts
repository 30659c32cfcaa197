import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/model/plan.ts';
import { normalizeBase as basePath } from '../../src/model/deploy.ts';
import { countFacets, facetLookup, filterHits } from '../../src/model/search/facets.ts';
import { facetKeys, facetTable, facetValues, planRecords, withBase } from '../../src/model/search/records.ts';

const item = (key: string, text: string) => ({
  key,
  url: `/shandong/zaozhuang/taierzhuang/2021/${key.replace(/\./g, '-')}/`,
  anchor: `item-${key.replace(/\./g, '-')}`,
  label: `${key}.`,
  number: 1,
  title: text.split('。')[0] ?? null,
  heading: `${key}.${text.split('。')[0]}。`,
  text,
  line: 1,
});

const plan: Plan = {
  id: 'shandong/zaozhuang/taierzhuang/2021',
  url: '/shandong/zaozhuang/taierzhuang/2021/',
  title: '台儿庄区教育和体育局2021年工作要点',
  titleInferred: false,
  printedTitle: null,
  kind: '工作要点',
  kindSlug: 'yaodian',
  year: 2021,
  years: [2021],
  region: {
    name: '台儿庄区', code: '370405', province: '山东省', provinceCode: '370000', prefecture: '枣庄市', prefectureCode: '370400',
    level: 'county', path: ['shandong', 'zaozhuang', 'taierzhuang'], source: 'title', evidence: '台儿庄区',
  },
  issuers: [], docNumber: null, issuedOn: null, publishedOn: null, publisher: null, sourceUrl: null,
  sourceFile: 'taierzhuang-2021.txt', sourceSha256: '0'.repeat(64), notice: '', preamble: '全区教育工作的总体要求。',
  sections: [{
    key: '2', anchor: 'section-2', label: '二、', number: 2, title: '深化改革', heading: '二、深化改革', text: '', line: 1, sections: [],
    items: [item('2.14', '深化县管校聘改革。推进教师交流。'), item('2.15', '落实“双减”。')],
  }],
  inferred: [], removed: [], closing: '',
};

describe('search records', () => {
  it('makes one record per item at its stable URL under the base, and one for the plan', () => {
    const records = planRecords(plan, '/atlas/');
    expect(records.map((r) => r.url)).toEqual([
      '/atlas/shandong/zaozhuang/taierzhuang/2021/',
      '/atlas/shandong/zaozhuang/taierzhuang/2021/2-14/',
      '/atlas/shandong/zaozhuang/taierzhuang/2021/2-15/',
    ]);
    expect(records.map((r) => r.meta['type'])).toEqual(['plan', 'item', 'item']);
    const first = records[1]!;
    expect(first.meta).toMatchObject({ title: '深化县管校聘改革', plan: plan.title, region: '山东省 枣庄市 台儿庄区', year: '2021', text: plan.sections[0]!.items[0]!.text });
    expect(first.filters).toEqual({ year: ['2021'], province: ['山东省'], prefecture: ['枣庄市'], level: ['县级'], kind: ['工作要点'] });
    expect(first.sort).toEqual({ year: '2021' });
    expect(first.content).not.toMatch(/\p{Script=Han}/u);
  });

  it('names an item without a lead phrase by its place and the start of its text, not its bare label', () => {
    const untitled = { ...item('1.2', '二是着力推进学前教育普及普惠发展，新建幼儿园3所。'), label: '二是', title: null, heading: '二是' };
    const records = planRecords({ ...plan, sections: [{ ...plan.sections[0]!, key: '1', items: [untitled] }] }, '/');
    expect(records[1]!.meta).toMatchObject({ title: '第一部分第2条 二是着力推进学前教育普及普惠发展…', label: '' });
    expect(records[1]!.meta['title']).not.toMatch(/^二是二是/u);
  });

  it('adds the topics of an item as a filter when the enrichment step has run', () => {
    const topics = new Map([['/shandong/zaozhuang/taierzhuang/2021/2-14/', ['教师队伍']]]);
    const records = planRecords(plan, '/', topics);
    expect(records[1]!.filters['topic']).toEqual(['教师队伍']);
    expect(records[2]!.filters['topic']).toBeUndefined();
  });

  it('lists every facet value the records carry, for the search page to show before any query', () => {
    const other: Plan = { ...plan, id: 'x/2023', url: '/x/2023/', year: 2023, kind: '工作计划', region: { ...plan.region, province: '江西省', level: 'prefecture' } };
    const topics = new Map([['/shandong/zaozhuang/taierzhuang/2021/2-14/', ['教师队伍', '课程改革']], ['/shandong/zaozhuang/taierzhuang/2021/2-15/', ['双减']]]);
    const values = facetValues([plan, other], topics);
    const records = [plan, other].flatMap((each) => planRecords(each, '/', topics));
    for (const key of facetKeys) {
      const carried = new Set(records.flatMap((record) => record.filters[key] ?? []));
      expect(new Set(values[key]), key).toEqual(carried);
      expect(values[key]).toHaveLength(carried.size);
    }
    expect(values.level).toEqual(expect.arrayContaining(['县级', '地市级']));
  });

  it('counts the facets of any set of hits as the records\' own filters would, through the facet table', () => {
    const other: Plan = { ...plan, id: 'x/2023', url: '/x/2023/', year: 2023, kind: '工作计划', region: { ...plan.region, province: '江西省', level: 'prefecture' } };
    const otherPlan: Plan = { ...other, sections: other.sections.map((section) => ({ ...section, items: section.items.map((entry) => ({ ...entry, url: entry.url.replace('/shandong/zaozhuang/taierzhuang/2021/', '/x/2023/') })) })) };
    const topics = new Map([['/shandong/zaozhuang/taierzhuang/2021/2-14/', ['教师队伍', '课程改革']], ['/x/2023/2-15/', ['双减']]]);
    // Commitment kinds on an item with topics, on one without, and none elsewhere.
    const commitments = new Map([['/shandong/zaozhuang/taierzhuang/2021/2-14/', ['目标值', '时限']], ['/x/2023/2-14/', ['完成情况']]]);
    const records = [plan, otherPlan].flatMap((each) => planRecords(each, '/atlas/', topics, commitments));
    expect(records.filter((record) => record.filters['commitment'] !== undefined)).toHaveLength(2);
    // Pagefind's ids are opaque; any one per record will do, as long as the table maps it back.
    const ids = new Map(records.map((record, index) => [record.url, `und_${(1000 + index * 7).toString(16)}`]));
    const lookup = facetLookup(JSON.parse(JSON.stringify(facetTable([plan, otherPlan], '/atlas/', ids, topics, commitments))));
    expect(filterHits(lookup, records.map((record) => ({ id: ids.get(record.url)! })), { commitment: ['时限'] })).toEqual([{ id: ids.get('/atlas/shandong/zaozhuang/taierzhuang/2021/2-14/')! }]);
    for (const chosen of [records, records.slice(1, 3), records.slice(3), []]) {
      const expected: Record<string, Record<string, number>> = {};
      for (const key of facetKeys) {
        expected[key] = {};
        for (const record of records) for (const value of record.filters[key] ?? []) expected[key]![value] = 0;
        for (const record of chosen) for (const value of record.filters[key] ?? []) expected[key]![value]! += 1;
      }
      expect(countFacets(lookup, chosen.map((record) => ids.get(record.url)!))).toEqual(expected);
    }
    expect(countFacets(lookup, ['und_unknown'])['year']).toEqual({ '2021': 0, '2023': 0 });
  });

  it('normalizes the base path the way the site does', () => {
    expect(basePath(undefined)).toBe('/');
    expect(basePath('atlas')).toBe('/atlas/');
    expect(basePath('/atlas/')).toBe('/atlas/');
    expect(withBase('/', '/a/')).toBe('/a/');
  });
});
