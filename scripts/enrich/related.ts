/**
 * Related items across plans, without comparing every pair.
 *
 * Each item is a short TF-IDF keyword vector (at most `keywordsPerItem` words).
 * An inverted index maps each word to its postings; each posting list keeps only
 * the `postingsPerWord` heaviest items ("champion lists"), and words in more than
 * `maxDocumentShare` of all items are not indexed at all. Scoring an item walks
 * its own words' postings only, so the whole pass costs at most
 * items × keywordsPerItem × postingsPerWord: linear in the corpus, whatever its size.
 * The score is the dot product of the vectors over the words walked (their cosine,
 * up to the words left out), plus a small bonus per shared topic.
 */
import type { KeywordVector } from './keywords.ts';
import type { RelatedItem } from './schema.ts';

export type { RelatedItem };

export interface RelatedInput {
  url: string;
  plan: string;
  vector: KeywordVector;
  topics: readonly string[];
  terms: readonly string[];
}

export interface RelatedOptions {
  limit: number;
  postingsPerWord: number;
  maxDocumentShare: number;
  minScore: number;
  topicBonus: number;
}

export const defaultRelatedOptions: RelatedOptions = { limit: 5, postingsPerWord: 200, maxDocumentShare: 0.25, minScore: 0.12, topicBonus: 0.05 };

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function relatedItems(inputs: readonly RelatedInput[], options: RelatedOptions = defaultRelatedOptions): Map<string, RelatedItem[]> {
  const postings = new Map<string, Array<{ item: number; weight: number }>>();
  inputs.forEach((input, item) => {
    for (const [word, weight] of input.vector) {
      const list = postings.get(word) ?? [];
      list.push({ item, weight });
      postings.set(word, list);
    }
  });
  const maxPostings = Math.max(2, Math.floor(inputs.length * options.maxDocumentShare));
  for (const [word, list] of postings) {
    if (list.length > maxPostings || list.length < 2) {
      postings.delete(word);
      continue;
    }
    list.sort((a, b) => b.weight - a.weight || a.item - b.item);
    if (list.length > options.postingsPerWord) list.length = options.postingsPerWord;
  }

  const result = new Map<string, RelatedItem[]>();
  inputs.forEach((input, item) => {
    const scores = new Map<number, { score: number; shared: Array<[string, number]> }>();
    for (const [word, weight] of input.vector) {
      for (const posting of postings.get(word) ?? []) {
        if (posting.item === item || inputs[posting.item]!.plan === input.plan) continue;
        const entry = scores.get(posting.item) ?? { score: 0, shared: [] };
        entry.score += weight * posting.weight;
        entry.shared.push([word, weight * posting.weight]);
        scores.set(posting.item, entry);
      }
    }
    const topics = new Set(input.topics);
    const terms = new Set(input.terms);
    const ranked = [...scores.entries()]
      .map(([other, entry]) => {
        const candidate = inputs[other]!;
        const sharedTopics = candidate.topics.filter((topic) => topics.has(topic));
        return {
          url: candidate.url,
          score: Math.round((entry.score + options.topicBonus * sharedTopics.length) * 1000) / 1000,
          topics: sharedTopics,
          terms: [...new Set(candidate.terms.filter((term) => terms.has(term)))].sort(byText),
          keywords: entry.shared.sort((a, b) => b[1] - a[1] || byText(a[0], b[0])).slice(0, 3).map(([word]) => word),
        };
      })
      .filter((candidate) => candidate.score >= options.minScore)
      .sort((a, b) => b.score - a.score || byText(a.url, b.url))
      .slice(0, options.limit);
    result.set(input.url, ranked);
  });
  return result;
}
