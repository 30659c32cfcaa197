/**
 * relatedItems against a plain all-pairs reference on a random corpus: the fast
 * version (one score array, the best few kept by insertion, reasons only for
 * them) must list exactly the same items with the same scores and reasons.
 */
import { describe, expect, it } from 'vitest';
import { random } from '../../scripts/bench/synthetic-corpus.ts';
import { relatedItems, type RelatedInput, type RelatedItem, type RelatedOptions } from '../../scripts/enrich/related.ts';

function corpus(seed: number, count: number): RelatedInput[] {
  const next = random(seed);
  const words = Array.from({ length: 40 }, (_, index) => `词${index}`);
  const topics = ['teachers', 'preschool', 'safety', 'party'];
  return Array.from({ length: count }, (_, index) => {
    const picked = [...new Set(Array.from({ length: 3 + Math.floor(next() * 5) }, () => words[Math.floor(next() * words.length)]!))];
    // Weights on a coarse grid so that equal scores (ties broken by URL) occur.
    const raw = picked.map((word) => [word, 1 + Math.floor(next() * 3)] as const);
    const norm = Math.sqrt(raw.reduce((sum, [, weight]) => sum + weight * weight, 0));
    return {
      url: `/p${index % 7}/${index}/`,
      plan: `p${index % 7}`,
      vector: raw.map(([word, weight]) => [word, weight / norm] as const),
      topics: topics.filter(() => next() < 0.3),
      terms: picked.filter(() => next() < 0.2),
    };
  });
}

/** Every pair, walked the way the inverted index walks: only words kept in the other item's trimmed postings count. */
function reference(inputs: readonly RelatedInput[], options: RelatedOptions): Map<string, RelatedItem[]> {
  const postings = new Map<string, Array<{ item: number; weight: number }>>();
  inputs.forEach((input, item) => {
    for (const [word, weight] of input.vector) postings.set(word, [...(postings.get(word) ?? []), { item, weight }]);
  });
  const maxPostings = Math.max(2, Math.floor(inputs.length * options.maxDocumentShare));
  for (const [word, list] of postings) {
    if (list.length > maxPostings || list.length < 2) postings.delete(word);
    else postings.set(word, [...list].sort((a, b) => b.weight - a.weight || a.item - b.item).slice(0, options.postingsPerWord));
  }
  const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const result = new Map<string, RelatedItem[]>();
  inputs.forEach((input, item) => {
    const candidates: RelatedItem[] = [];
    inputs.forEach((other, index) => {
      if (index === item || other.plan === input.plan) return;
      let sum = 0;
      let walked = false;
      const shared: Array<[string, number]> = [];
      for (const [word, weight] of input.vector) {
        const posting = postings.get(word)?.find((entry) => entry.item === index);
        if (posting === undefined) continue;
        walked = true;
        sum += weight * posting.weight;
        shared.push([word, weight * posting.weight]);
      }
      if (!walked) return;
      const topics = other.topics.filter((topic) => input.topics.includes(topic));
      const score = Math.round((sum + options.topicBonus * topics.length) * 1000) / 1000;
      if (score < options.minScore) return;
      candidates.push({
        url: other.url,
        score,
        topics,
        terms: [...new Set(other.terms.filter((term) => input.terms.includes(term)))].sort(byText),
        keywords: shared.sort((a, b) => b[1] - a[1] || byText(a[0], b[0])).slice(0, 3).map(([word]) => word),
      });
    });
    result.set(input.url, candidates.sort((a, b) => b.score - a.score || byText(a.url, b.url)).slice(0, options.limit));
  });
  return result;
}

describe('relatedItems matches the all-pairs reference', () => {
  const cases: Array<[string, RelatedOptions]> = [
    ['defaults but a loose share', { limit: 5, postingsPerWord: 200, maxDocumentShare: 0.9, minScore: 0.12, topicBonus: 0.05 }],
    ['champion lists trimmed hard', { limit: 3, postingsPerWord: 6, maxDocumentShare: 0.5, minScore: 0.05, topicBonus: 0.1 }],
  ];
  for (const [name, options] of cases) {
    it(name, () => {
      const inputs = corpus(7, 160);
      const fast = relatedItems(inputs, options);
      const slow = reference(inputs, options);
      expect([...fast.keys()]).toEqual([...slow.keys()]);
      for (const [url, list] of slow) expect(fast.get(url), url).toEqual(list);
      // The corpus is rich enough to exercise the limit.
      expect([...fast.values()].some((list) => list.length === options.limit)).toBe(true);
    });
  }
});
