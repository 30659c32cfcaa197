import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { enrichCorpus, loadEnrichResources } from '../../scripts/enrich/enrich-corpus.ts';
import { enrichmentFiles, readItemTopics, stableJson } from '../../scripts/enrich/files.ts';
import { temporaryFolder } from '../temporary.ts';
import { makePlan } from './plans.ts';

const older = makePlan(['shandong', 'taian'], 2021, [
  { key: '1', title: '推进学前教育普惠发展', text: '推进学前教育普惠发展。新建改扩建公办幼儿园10所，认定普惠性民办幼儿园，落实《幼儿园工作规程》。' },
  { key: '2', title: '深化县管校聘改革', text: '深化县管校聘改革。深化“县管校聘”管理改革，完善教师交流轮岗制度，加强师德师风建设。' },
  { key: '3', title: '统筹做好其他工作', text: '统筹做好其他工作。认真做好人大建议、政协提案办理回复工作。' },
]);
const newer = makePlan(['jiangxi', 'yingtan'], 2024, [
  { key: '1', title: '加强教师队伍建设', text: '加强教师队伍建设。推进“县管校聘”改革，开展教师交流轮岗，师德师风建设常态化。' },
  { key: '2', title: '扩充学前教育资源', text: '扩充学前教育资源。新建公办幼儿园，扩大普惠性学前教育资源，贯彻《幼儿园工作规程 》。全县中小学开展安全教育。' },
]);

const resources = loadEnrichResources();
const enrichment = enrichCorpus([older, newer], resources);

describe('enrichCorpus', () => {
  it('gives items one to three topics, and reports the item no topic fits', () => {
    const topics = Object.fromEntries(enrichment.items.map((item) => [item.url, item.topics.map((topic) => topic.slug)]));
    expect(topics['/shandong/taian/2021/1/']![0]).toBe('preschool');
    expect(topics['/jiangxi/yingtan/2024/1/']![0]).toBe('teachers');
    expect(topics['/shandong/taian/2021/3/']).toEqual([]);
    expect(enrichment.unassigned).toEqual(['/shandong/taian/2021/3/']);
    for (const item of enrichment.items) expect(item.topics.length).toBeLessThanOrEqual(3);
  });

  it('lists plans newest first and the topic\'s items in that order', () => {
    expect(enrichment.plans.map((plan) => plan.id)).toEqual(['jiangxi/yingtan/2024', 'shandong/taian/2021']);
    const preschool = enrichment.topics.find((topic) => topic.slug === 'preschool')!;
    expect(preschool.items).toEqual(['/jiangxi/yingtan/2024/2/', '/shandong/taian/2021/1/']);
    expect(preschool.plans).toEqual({ 'jiangxi/yingtan/2024': 1, 'shandong/taian/2021': 1 });
  });

  it('meets two printings of one cited title on one document', () => {
    expect(enrichment.documents).toHaveLength(1);
    const [document] = enrichment.documents;
    expect(document!.title).toBe('幼儿园工作规程');
    expect(document!.citations.map((citation) => citation.url)).toEqual(['/jiangxi/yingtan/2024/2/', '/shandong/taian/2021/1/']);
  });

  it('finds quoted and dictionary terms wherever they are words, with use per year', () => {
    const term = enrichment.terms.find((entry) => entry.term === '县管校聘')!;
    expect(term.origins).toEqual(['quoted', 'dictionary']);
    expect(term.occurrences.map((occurrence) => [occurrence.url, occurrence.count, occurrence.quoted])).toEqual([
      ['/jiangxi/yingtan/2024/1/', 1, true],
      ['/shandong/taian/2021/2/', 2, true],
    ]);
    expect(term.years.map((year) => year.year)).toEqual([2021, 2022, 2023, 2024]);
    expect(term.years.find((year) => year.year === 2022)).toMatchObject({ items: 0, corpusItems: 0 });
    expect(term.years.find((year) => year.year === 2024)).toMatchObject({ items: 1, plans: 1, corpusItems: 2, corpusPlans: 1 });
    // 县中 is in the dictionary but 全县中小学 does not print it.
    expect(enrichment.terms.some((entry) => entry.term === '县中')).toBe(false);
  });

  it('relates items across plans only, with the shared topic or terms as reason', () => {
    const item = enrichment.items.find((entry) => entry.url === '/shandong/taian/2021/2/')!;
    expect(item.related[0]?.url).toBe('/jiangxi/yingtan/2024/1/');
    expect(item.related[0]?.topics).toContain('teachers');
    expect(item.related[0]?.terms).toContain('县管校聘');
    for (const entry of enrichment.items) for (const related of entry.related) expect(related.url.startsWith(entry.url.split('/').slice(0, 4).join('/'))).toBe(false);
  });

  it('is deterministic and independent of the order plans come in', () => {
    expect(stableJson(enrichCorpus([newer, older], resources))).toBe(stableJson(enrichment));
  });
});

describe('enrichmentFiles', () => {
  const files = enrichmentFiles(enrichment);

  it('writes one JSON array per collection under enrichment/, each entry with an id, and the search vocabulary', () => {
    expect([...files.keys()].sort()).toEqual(
      ['commitments', 'documents', 'items', 'links', 'plans', 'report', 'terms', 'topics', 'vocabulary'].map((name) => `enrichment/${name}.json`),
    );
    const vocabulary = JSON.parse(files.get('enrichment/vocabulary.json')!) as { synonyms: string[][]; words: Array<{ word: string; initials: string }> };
    expect(vocabulary.synonyms.length).toBeGreaterThan(0);
    expect(vocabulary.words.find((entry) => entry.word === '学前教育')?.initials).toBe('xqjy');
    for (const name of ['items', 'topics', 'documents', 'terms', 'plans', 'commitments']) {
      const entries = JSON.parse(files.get(`enrichment/${name}.json`)!) as Array<{ id: string }>;
      expect(entries.every((entry) => typeof entry.id === 'string')).toBe(true);
      expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length);
    }
  });

  it('writes keys in a fixed order, one entry per line', () => {
    expect(stableJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } })).toBe('{\n"a": {"c":[3,{"e":2,"f":1}],"d":2},\n"b": 1\n}\n');
    expect(stableJson([{ b: 1, a: 2 }, [{ d: 1, c: { g: null, f: 'x' } }], 'y'])).toBe('[\n{"a":2,"b":1},\n[{"c":{"f":"x","g":null},"d":1}],\n"y"\n]\n');
    expect(stableJson([])).toBe('[]\n');
    expect(stableJson({})).toBe('{}\n');
    // A key used in one entry only is still written where it is (the key list spans every level).
    expect(JSON.parse(stableJson([{ only: { deep: 1 } }, { other: 2 }]))).toEqual([{ only: { deep: 1 } }, { other: 2 }]);
  });

  it('reads back the names of each item\'s topics, for the search index', () => {
    const content = temporaryFolder('plan-atlas-topics-');
    expect(readItemTopics(content).size).toBe(0);
    for (const [path, text] of files) {
      mkdirSync(dirname(join(content, path)), { recursive: true });
      writeFileSync(join(content, path), text);
    }
    const topics = readItemTopics(content);
    expect([...topics.keys()]).toEqual(enrichment.items.map((item) => item.url));
    const [first] = enrichment.items;
    expect(topics.get(first!.url)).toEqual(first!.topics.map((topic) => topic.name));
    expect(topics.get(first!.url)!.length).toBeGreaterThan(0);

    writeFileSync(join(content, 'enrichment', 'items.json'), JSON.stringify([{ url: '/a/', topics: ['学前教育'] }]));
    expect(() => readItemTopics(content)).toThrow(/enrichment\/items\.json is malformed:\n {2}0\.topics\.0: /u);
    try {
      readItemTopics(content);
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid-file', hint: expect.stringContaining('run npm run enrich') });
    }
  });

  it('gives the linker every document key and term', () => {
    const links = JSON.parse(files.get('enrichment/links.json')!) as { documents: Record<string, string>; terms: Record<string, string> };
    expect(Object.values(links.documents)).toEqual(enrichment.documents.map((document) => document.slug));
    expect(links.terms['县管校聘']).toBe(enrichment.terms.find((term) => term.term === '县管校聘')!.slug);
  });
});

describe('itemName', () => {
  it('is the label and lead phrase, or the start of the text when there is no lead phrase', async () => {
    const { itemName } = await import('../../scripts/enrich/enrich-corpus.ts');
    expect(itemName({ label: '7.', title: '推动学前教育优质普惠', text: '推动学前教育优质普惠。成立…' })).toBe('7.推动学前教育优质普惠');
    expect(itemName({ label: '4.', title: null, text: '稳步提升教育教学质量，中考合格率和高考一段线上线率继续保持在全市中上游水平。' })).toBe('4.稳步提升教育教学质量，中考合格率和高考一段线上线率继续保…');
    expect(itemName({ label: '（一）', title: null, text: '短句。' })).toBe('（一）短句。');
  });
});
