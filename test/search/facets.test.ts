/**
 * The search page filters, counts and orders its hits from the facet table; these
 * check each against the records' own filters (what Pagefind would have been given).
 */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/model/plan.ts';
import { countFacets, facetLookup, filterHits, orderByYear, type FacetFilters } from '../../src/model/search/facets.ts';
import { facetKeys, facetTable, planRecords, type SearchRecord } from '../../src/model/search/records.ts';

function planOf(slug: string, year: number, province: string, level: 'county' | 'prefecture', kind: string, texts: string[]): Plan {
  const url = `/${slug}/${year}/`;
  return {
    id: `${slug}/${year}`, url, title: `${year}年工作要点`, titleInferred: false, printedTitle: null, kind, kindSlug: 'yaodian', year, years: [year],
    region: { name: slug, code: '370405', province, provinceCode: '370000', prefecture: null, prefectureCode: null, level, path: [slug], source: 'title', evidence: slug },
    issuers: [], docNumber: null, issuedOn: null, publishedOn: null, publisher: null, sourceUrl: null,
    sourceFile: `${slug}.txt`, sourceSha256: '0'.repeat(64), notice: '', preamble: '总体要求。',
    sections: [{
      key: '1', anchor: 'section-1', label: '一、', number: 1, title: '重点', heading: '一、重点', text: '', line: 1, sections: [],
      items: texts.map((text, index) => ({
        key: `1.${index + 1}`, url: `${url}1-${index + 1}/`, anchor: `item-1-${index + 1}`, label: `${index + 1}.`, number: index + 1,
        title: null, heading: `${index + 1}.${text}`, text, line: 2 + index,
      })),
    }],
    inferred: [], removed: [], closing: '',
  };
}

const plans = [
  planOf('a', 2021, '山东省', 'county', '工作要点', ['学前教育。', '教师队伍。']),
  planOf('b', 2023, '江西省', 'prefecture', '工作计划', ['学前教育。', '双减。', '课程。']),
  planOf('c', 2024, '山东省', 'prefecture', '工作要点', ['教师。']),
  planOf('d', 2023, '山东省', 'county', '工作要点', ['学前。']),
];
const topics = new Map([
  ['/a/2021/1-1/', ['学前教育']],
  ['/a/2021/1-2/', ['教师队伍', '学前教育']],
  ['/b/2023/1-1/', ['学前教育']],
  ['/b/2023/1-2/', ['双减']],
  ['/d/2023/1-1/', ['学前教育']],
]);
const records = plans.flatMap((plan) => planRecords(plan, '/', topics));
const ids = new Map(records.map((record, index) => [record.url, `und_${(4096 + index * 13).toString(16)}`]));
const lookup = facetLookup(JSON.parse(JSON.stringify(facetTable(plans, '/', ids, topics))));
const hitOf = (record: SearchRecord, matched = 1) => ({ id: ids.get(record.url)!, matched, url: record.url });

/** What a filter means, from a record's own filters: any chosen value within a facet, every facet filtered. */
function passesByRecord(record: SearchRecord, filters: FacetFilters, except?: string): boolean {
  return Object.entries(filters).every(([key, chosen]) => key === except || (chosen ?? []).length === 0 || (chosen ?? []).some((value) => record.filters[key]?.includes(value)));
}

const filterCases: FacetFilters[] = [
  {},
  { year: ['2023'] },
  { year: ['2023', '2021'] },
  { province: ['山东省'], level: ['县级'] },
  { topic: ['学前教育'], year: ['2023'] },
  { topic: ['学前教育', '双减'] },
  { year: ['1999'] },
];

describe('facet table on the search page', () => {
  it('keeps exactly the hits whose records carry a chosen value of every filtered facet, in their order', () => {
    const hits = [...records].reverse().map((record) => hitOf(record));
    for (const filters of filterCases) {
      const expected = [...records].reverse().filter((record) => passesByRecord(record, filters)).map((record) => record.url);
      expect(filterHits(lookup, hits, filters).map((hit) => hit.url), JSON.stringify(filters)).toEqual(expected);
    }
    // A hit the table does not know is only kept when nothing is filtered.
    expect(filterHits(lookup, [{ id: 'und_unknown' }], {})).toHaveLength(1);
    expect(filterHits(lookup, [{ id: 'und_unknown' }], { year: ['2021'] })).toHaveLength(0);
  });

  it('counts each facet over the hits passing the other facets\' filters, so a chosen year leaves the other years\' counts', () => {
    const hits = records.filter((_, index) => index % 3 !== 1);
    for (const filters of filterCases) {
      const counts = countFacets(lookup, hits.map((record) => ids.get(record.url)!), filters);
      for (const key of facetKeys) {
        const expected: Record<string, number> = {};
        for (const record of records) for (const value of record.filters[key] ?? []) expected[value] = 0;
        for (const record of hits.filter((each) => passesByRecord(each, filters, key))) for (const value of record.filters[key] ?? []) expected[value]! += 1;
        expect(counts[key], `${key} under ${JSON.stringify(filters)}`).toEqual(expected);
      }
    }
  });

  it('orders hits by their plan\'s year either way, keeping rank within a year and hits with more terms first', () => {
    const hits = records.map((record, index) => hitOf(record, index % 4 === 0 ? 2 : 1));
    for (const direction of ['asc', 'desc'] as const) {
      const ordered = orderByYear(lookup, hits, direction);
      expect(new Set(ordered)).toEqual(new Set(hits));
      const tiers = [2, 1].map((matched) => ordered.filter((hit) => hit.matched === matched));
      expect(ordered).toEqual(tiers.flat());
      for (const tier of tiers) {
        const years = tier.map((hit) => Number(records.find((record) => record.url === hit.url)!.filters['year']![0]));
        expect(years).toEqual([...years].sort((a, b) => (direction === 'asc' ? a - b : b - a)));
        // Within a year, the order they came in (their rank).
        for (const year of new Set(years)) {
          const inYear = tier.filter((_, index) => years[index] === year);
          expect(inYear).toEqual(hits.filter((hit) => inYear.includes(hit)));
        }
      }
    }
  });
});
