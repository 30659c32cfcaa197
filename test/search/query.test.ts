import { describe, expect, it } from 'vitest';
import { excerpt, preloadQuery, search, splitTerm, type PagefindLike } from '../../src/model/search/query.ts';
import { indexTokens } from '../../src/model/search/tokens.ts';
import { fakePagefind, type FakeRecord } from './fake-pagefind.ts';

function record(url: string, text: string, year = '2024'): FakeRecord {
  return { url, content: indexTokens(text).join(' '), meta: { text, type: 'item' }, filters: { year: [year] } };
}

const corpus = [
  record('/a/', '推进县域普通高中振兴，办好县中。', '2024'),
  record('/b/', '县级中心学校建设，县县通中考改革。', '2021'),
  record('/c/', '发展普惠性学前教育，扩大学前教育普惠资源。', '2024'),
  record('/d/', '加强学前教育教师队伍建设。', '2018'),
  record('/e/', '普惠托育服务。', '2021'),
  record('/f/', '建设5G网络和2024年智慧校园。', '2024'),
];

async function urls(query: string, context = {}): Promise<string[]> {
  const outcome = await search(fakePagefind(corpus), query, context);
  return Promise.all(outcome.hits.map(async (hit) => (await hit.data()).url));
}

describe('search', () => {
  it('finds a term’s synonyms too, and says which found something', async () => {
    const synonyms = new Map([['县中', ['县域普通高中']], ['县域普通高中', ['县中']]]);
    const outcome = await search(fakePagefind([...corpus, record('/g/', '县域普通高中发展提升行动。')]), '县中', { synonyms });
    expect((await Promise.all(outcome.hits.map(async (hit) => (await hit.data()).url))).sort()).toEqual(['/a/', '/g/']);
    expect(outcome.synonyms).toEqual([{ term: '县中', also: ['县域普通高中'] }]);
    expect(outcome.complete).toBe(2);
    const none = await search(fakePagefind(corpus), '学前教育', { synonyms });
    expect(none.synonyms).toEqual([]);
  });

  it('of records holding some of the words, ranks first those holding the longer ones', async () => {
    const texts = [record('/x/', '中学生近视防控。'), record('/y/', '中学教育。'), record('/z/', '中心校。')];
    const ranked = await Promise.all((await search(fakePagefind(texts), '中 近视')).hits.map(async (hit) => (await hit.data()).url));
    expect(ranked[0]).toBe('/x/');
    const partial = await search(fakePagefind([record('/p/', '学校近视率下降。'), record('/q/', '中小学。')]), '中 近视');
    expect(await partial.hits[0]!.data().then((data) => data.url)).toBe('/p/');
    expect(partial.hits.map((hit) => hit.weight)).toEqual([2, 1]);
  });

  it('finds exactly the records containing the term, not those holding its characters apart', async () => {
    expect(await urls('县中')).toEqual(['/a/']);
    expect((await urls('县')).sort()).toEqual(['/a/', '/b/']);
  });

  it('ranks records containing every term first, then those containing some', async () => {
    const ranked = await urls('学前教育 普惠');
    expect(ranked[0]).toBe('/c/');
    expect(ranked.slice(1).sort()).toEqual(['/d/', '/e/']);
    const outcome = await search(fakePagefind(corpus), '学前教育 普惠');
    expect(outcome.complete).toBe(1);
  });

  it('checks a term ending in a prefix against the text', async () => {
    expect(await urls('2024年')).toEqual(['/f/']);
    expect(await urls('5G网')).toEqual(['/f/']);
    expect(await urls('5G校园')).toEqual([]);
  });

  it('falls back to dictionary words when nothing contains the query as typed', async () => {
    const outcome = await search(fakePagefind(corpus), '普惠学前教育', { dictionary: ['学前教育', '普惠'] });
    expect(outcome.relaxed).toBe(true);
    expect(outcome.terms).toEqual(['普惠', '学前教育']);
    expect(outcome.hits[0]!.matched).toBe(2);
    const typed = await search(fakePagefind(corpus), '县中', { dictionary: ['县中'] });
    expect(typed.relaxed).toBe(false);
  });

  it('returns nothing for a query of punctuation only', async () => {
    expect(await urls('，。、')).toEqual([]);
  });
});

describe('preloadQuery', () => {
  it('loads, for every term, the words the search then looks up, so the search fetches no more', async () => {
    const fake = fakePagefind(corpus);
    const searched: string[] = [];
    const preloaded: string[] = [];
    const engine: PagefindLike = {
      search: (term) => {
        searched.push(term.replace(/"/g, ''));
        return fake.search(term);
      },
      preload: async (term) => {
        preloaded.push(term);
      },
    };
    const query = '学前教育 5G 县';
    expect(await preloadQuery(engine, query)).toEqual(preloaded);
    expect(preloaded).toHaveLength(3);
    await search(engine, query);
    // Every word searched (the phrase searches use the same words) was preloaded.
    const words = (terms: string[]) => new Set(terms.flatMap((term) => term.split(' ')));
    expect(words(searched)).toEqual(words(preloaded));
  });

  it('asks nothing of a Pagefind that cannot preload, or for a query of punctuation only', async () => {
    expect(await preloadQuery(fakePagefind(corpus), '学前教育')).toEqual([]);
    const asked: string[] = [];
    expect(await preloadQuery({ ...fakePagefind(corpus), preload: async (term) => void asked.push(term) }, '，。')).toEqual([]);
    expect(asked).toEqual([]);
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
