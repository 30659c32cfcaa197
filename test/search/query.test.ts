import { describe, expect, it } from 'vitest';
import { excerpt, search, splitTerm } from '../../scripts/search/query.ts';
import type { SearchRecord } from '../../scripts/search/records.ts';
import { indexTokens } from '../../scripts/search/tokens.ts';
import { memoryIndex } from './memory-index.ts';

/** One plan of one record each: enough for the query side, which sees records. */
function plan(url: string, text: string, year = '2024', topic?: string): SearchRecord[] {
  return [{
    url,
    content: indexTokens(text).join(' '),
    language: 'zh',
    meta: { text, type: 'item' },
    filters: { year: [year], province: ['山东省'], level: ['县级'], kind: ['工作要点'], ...(topic ? { topic: [topic] } : {}) },
    sort: { year },
  }];
}

const corpus = [
  plan('/a/', '推进县域普通高中振兴，办好县中。', '2024'),
  plan('/b/', '县级中心学校建设，县县通中考改革。', '2021'),
  plan('/c/', '发展普惠性学前教育，扩大学前教育普惠资源。', '2024', '学前教育'),
  plan('/d/', '加强学前教育教师队伍建设。', '2018', '学前教育'),
  plan('/e/', '普惠托育服务。', '2021'),
  plan('/f/', '建设5G网络和2024年智慧校园。', '2024'),
  plan('/g/', '学前教师培训。', '2018'),
];
const { index } = await memoryIndex(corpus);

async function urls(query: string, options = {}, context = {}): Promise<string[]> {
  const outcome = await search(index, query, options, context);
  return Promise.all(outcome.hits.map(async (hit) => (await hit.data()).url));
}

describe('search', () => {
  it('finds exactly the records containing the term, not those holding its characters apart', async () => {
    expect(await urls('县中')).toEqual(['/a/']);
    expect((await urls('县')).sort()).toEqual(['/a/', '/b/']);
    // 学前教师 shares 学前 and 前教 with 学前教育 but is not it.
    expect((await urls('学前教育')).sort()).toEqual(['/c/', '/d/']);
  });

  it('ranks a record holding the term more often first', async () => {
    expect(await urls('学前教育')).toEqual(['/c/', '/d/']);
  });

  it('ranks records containing every term first, then those containing some', async () => {
    const ranked = await urls('学前教育 普惠');
    expect(ranked[0]).toBe('/c/');
    expect(ranked.slice(1).sort()).toEqual(['/d/', '/e/']);
    const outcome = await search(index, '学前教育 普惠');
    expect(outcome.complete).toBe(1);
  });

  it('matches a word or character that ends the term as a prefix, and only right after the rest', async () => {
    expect(await urls('2024年')).toEqual(['/f/']);
    expect(await urls('5G网')).toEqual(['/f/']);
    expect(await urls('5')).toEqual(['/f/']);
    expect(await urls('5G校园')).toEqual([]);
    expect(await urls('2023')).toEqual([]);
  });

  it('narrows by facets and counts the facets of the hits', async () => {
    expect(await urls('学前教育', { filters: { year: ['2018'] } })).toEqual(['/d/']);
    expect(await urls('普惠', { filters: { year: ['2018', '2021'] } })).toEqual(['/e/']);
    expect(await urls('学前', { filters: { topic: ['学前教育'], year: ['2018'] } })).toEqual(['/d/']);
    const outcome = await search(index, '学前教育 普惠');
    expect(outcome.filters['year']).toEqual({ '2024': 1, '2018': 1, '2021': 1 });
    expect(outcome.filters['topic']).toEqual({ 学前教育: 2 });
  });

  it('sorts by year either way, records with every term still first', async () => {
    expect(await urls('学前', { sort: { year: 'asc' } })).toEqual(expect.arrayContaining(['/c/', '/d/', '/g/']));
    const years = async (query: string, year: 'asc' | 'desc') =>
      (await search(index, query, { sort: { year } })).hits.map((hit) => index.year(hit.record));
    expect(await years('学前', 'asc')).toEqual([2018, 2018, 2024]);
    expect(await years('学前', 'desc')).toEqual([2024, 2018, 2018]);
    expect((await urls('学前教育 普惠', { sort: { year: 'asc' } }))[0]).toBe('/c/');
  });

  it('falls back to dictionary words when nothing contains the query as typed', async () => {
    const outcome = await search(index, '普惠学前教育', {}, { dictionary: ['学前教育', '普惠'] });
    expect(outcome.relaxed).toBe(true);
    expect(outcome.terms).toEqual(['普惠', '学前教育']);
    expect(outcome.hits[0]!.matched).toBe(2);
    const typed = await search(index, '县中', {}, { dictionary: ['县中'] });
    expect(typed.relaxed).toBe(false);
  });

  it('returns nothing for a query of punctuation only', async () => {
    expect(await urls('，。、')).toEqual([]);
  });
});

describe('the index files', () => {
  it('fetches the manifest, the record table and only the posting files of the query', async () => {
    const fresh = await memoryIndex(corpus);
    expect(fresh.fetched).toEqual(['manifest.json', 'records.dat']);
    await search(fresh.index, '县中');
    const postings = fresh.fetched.filter((path) => path.startsWith('p/'));
    expect(postings.length).toBeGreaterThan(0);
    expect(postings.length).toBeLessThanOrEqual(2);
    expect(fresh.fetched.some((path) => path.startsWith('f/'))).toBe(false);
  });

  it('counts every value of every facet over the whole index', () => {
    expect(index.counts()['year']).toEqual({ '2024': 3, '2021': 2, '2018': 2 });
  });
});

describe('splitTerm', () => {
  it('keeps the longest dictionary term whole and segments the rest', () => {
    expect(splitTerm('推进县管校聘改革', ['县管校聘', '县管'])).toEqual(['推进', '县管校聘', '改革']);
    expect(splitTerm('推进县管校聘改革', ['县管校聘'], (text) => [...text])).toEqual(['推', '进', '县管校聘', '改', '革']);
  });
});

describe('excerpt', () => {
  it('cuts around the first match and marks every match', () => {
    const text = `${'甲'.repeat(100)}县管校聘改革，县管校聘${'乙'.repeat(100)}`;
    const segments = excerpt(text, ['县管校聘'], 40);
    expect(segments[0]).toEqual({ text: '…', mark: false });
    expect(segments.filter((s) => s.mark).map((s) => s.text)).toEqual(['县管校聘', '县管校聘']);
    expect(segments.at(-1)).toEqual({ text: '…', mark: false });
  });

  it('marks matches regardless of letter case', () => {
    expect(excerpt('建设5G网络', ['5g']).find((s) => s.mark)?.text).toBe('5G');
  });
});
