import { describe, expect, it } from 'vitest';
import { relatedItems, type RelatedInput } from '../../scripts/enrich/related.ts';

function item(url: string, plan: string, words: Record<string, number>, topics: string[] = [], terms: string[] = []): RelatedInput {
  const norm = Math.sqrt(Object.values(words).reduce((sum, weight) => sum + weight * weight, 0));
  return { url, plan, vector: Object.entries(words).map(([word, weight]) => [word, weight / norm] as const), topics, terms };
}

const options = { limit: 2, postingsPerWord: 200, maxDocumentShare: 0.6, minScore: 0.1, topicBonus: 0.05 };

describe('relatedItems', () => {
  const inputs = [
    item('/a/1/', 'a', { 县管校聘: 3, 交流轮岗: 2 }, ['teachers'], ['县管校聘']),
    item('/a/2/', 'a', { 县管校聘: 3, 交流轮岗: 2 }, ['teachers']),
    item('/b/1/', 'b', { 县管校聘: 2, 职称: 2 }, ['teachers'], ['县管校聘']),
    item('/c/1/', 'c', { 交流轮岗: 1, 幼儿园: 3 }, ['preschool']),
    item('/d/1/', 'd', { 幼儿园: 3, 普惠: 2 }, ['preschool']),
  ];
  const related = relatedItems(inputs, options);

  it('lists items of other plans only, best first, at most limit', () => {
    const forA1 = related.get('/a/1/')!;
    expect(forA1.map((entry) => entry.url)).toEqual(['/b/1/', '/c/1/']);
    expect(forA1.every((entry) => !entry.url.startsWith('/a/'))).toBe(true);
    expect(forA1[0]!.score).toBeGreaterThan(forA1[1]!.score);
  });

  it('gives the shared topics, terms and keywords as the reason', () => {
    const best = related.get('/a/1/')![0]!;
    expect(best.topics).toEqual(['teachers']);
    expect(best.terms).toEqual(['县管校聘']);
    expect(best.keywords).toEqual(['县管校聘']);
  });

  it('never compares items that share no indexed word', () => {
    expect(related.get('/d/1/')!.map((entry) => entry.url)).toEqual(['/c/1/']);
  });

  it('does not index a word most items carry, so it makes no candidates', () => {
    const common = [
      item('/p/1/', 'p', { 教育: 1, 甲: 1 }),
      item('/q/1/', 'q', { 教育: 1, 乙: 1 }),
      item('/r/1/', 'r', { 教育: 1, 丙: 1 }),
    ];
    const result = relatedItems(common, { ...options, maxDocumentShare: 0.5 });
    expect([...result.values()].every((list) => list.length === 0)).toBe(true);
  });

  it('keeps only the heaviest postings of a word, bounding the work per item', () => {
    const many = Array.from({ length: 30 }, (_, index) => item(`/p${index}/1/`, `p${index}`, { 县管校聘: 1 + index, [`独${index}`]: 30 }));
    const result = relatedItems(many, { ...options, limit: 10, postingsPerWord: 3, maxDocumentShare: 1, minScore: 0 });
    const reached = new Set([...result.values()].flatMap((list) => list.map((entry) => entry.url)));
    expect(reached).toEqual(new Set(['/p29/1/', '/p28/1/', '/p27/1/']));
  });
});
