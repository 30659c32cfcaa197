/**
 * Search quality in Chromium against an index built by the build's own index step:
 * every query of test/search/queries.yaml, judged against the items whose text
 * contains it. Raise the thresholds as quality improves; never lower them to pass.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPlans } from '../../src/model/plan-files.ts';
import { itemTexts, relevantItems } from '../../scripts/bench/search-metrics.ts';
import { loadQueries, measureQuality, measureSuggestions, type QualityReport } from '../../scripts/bench/search-quality.ts';
import { readVocabulary } from '../../src/model/vocabulary.ts';
import { searchContent } from './content.ts';
import { synonymIndex } from '../../src/model/search/suggest.ts';

const queries = loadQueries('test/search/queries.yaml');
const content = searchContent();
let atlas: QualityReport;
let stock: QualityReport;

beforeAll(async () => {
  const reports = await measureQuality(content, queries, ['atlas', 'stock']);
  atlas = reports[0]!;
  stock = reports[1]!;
});

const set = (report: QualityReport, name: string) => {
  const found = report.sets.find((s) => s.name === name);
  if (found === undefined) throw new Error(`no query set ${name}`);
  return found;
};

describe('search quality', () => {
  it('has at least 40 queries of 1 to 8 characters, each with something to find', () => {
    const all = queries.sets.flatMap((s) => s.queries);
    expect(all.length).toBeGreaterThanOrEqual(40);
    const items = itemTexts(loadPlans(content));
    const synonyms = synonymIndex(readVocabulary(content).synonyms);
    for (const query of all) {
      expect(query.replace(/\s/g, '').length, query).toBeLessThanOrEqual(8);
      expect(relevantItems(items, query, synonyms).size, `${query} has no relevant item; pick another`).toBeGreaterThan(0);
    }
  });

  it('finds every item containing a single term and ranks them above every other record', () => {
    for (const name of ['policy terms', 'ordinary words']) {
      const { summary, perQuery } = set(atlas, name);
      expect(summary.recall, name).toBe(1);
      expect(summary.rPrecision, name).toBeGreaterThanOrEqual(0.99);
      for (const { query, score } of perQuery) expect(score.recall, query).toBe(1);
    }
  });

  it('ranks the items containing every term of several first', () => {
    const { summary } = set(atlas, 'several terms');
    expect(summary.recall).toBe(1);
    expect(summary.rPrecision).toBe(1);
    expect(summary.mrr).toBe(1);
    for (const expectation of atlas.expectations) expect(expectation.missing, expectation.query).toEqual([]);
  });

  it('finds by a synonym every item printing a word of its group, first', () => {
    const { summary, perQuery } = set(atlas, 'synonyms');
    expect(summary.recall).toBe(1);
    expect(summary.rPrecision).toBeGreaterThanOrEqual(0.99);
    // Each query finds items that do not print it: the synonyms are doing the work.
    const items = itemTexts(loadPlans(content));
    expect(perQuery.filter(({ query }) => relevantItems(items, query).size < perQuery.find((entry) => entry.query === query)!.score.relevant).length).toBeGreaterThanOrEqual(4);
  });

  it('offers the word meant to a typo or to pinyin, first in nine of ten', () => {
    const vocabulary = readVocabulary(content);
    expect(vocabulary.words.length, 'content/enrichment/vocabulary.json: run npm run enrich').toBeGreaterThan(0);
    for (const report of measureSuggestions(queries, vocabulary)) {
      expect(report.queries, report.kind).toBeGreaterThanOrEqual(15);
      expect(report.first / report.queries, report.kind).toBeGreaterThanOrEqual(0.9);
      expect(report.offered / report.queries, report.kind).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('beats stock Pagefind, measured on the same queries', () => {
    expect(atlas.all.rPrecision).toBeGreaterThan(stock.all.rPrecision);
    expect(atlas.all.recall).toBeGreaterThanOrEqual(stock.all.recall);
  });
});
