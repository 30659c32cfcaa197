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

  // Which items each word's (trimmed) posting list keeps: the words two items share in the walk.
  const kept = new Map<string, Map<number, number>>();
  for (const [word, list] of postings) kept.set(word, new Map(list.map((posting) => [posting.item, posting.weight])));

  // Scores accumulate in one array reused for every item (cleared through the list of items touched);
  // per candidate only a number is kept, and the reasons (terms, keywords) are worked out for the few
  // candidates that make the list. Walk order and arithmetic are as before, so the scores are too.
  const sums = new Float64Array(inputs.length);
  const touched: number[] = [];
  const isTouched = new Uint8Array(inputs.length);
  const before = (a: { score: number; url: string }, b: { score: number; url: string }): boolean =>
    a.score > b.score || (a.score === b.score && byText(a.url, b.url) < 0);

  const result = new Map<string, RelatedItem[]>();
  inputs.forEach((input, item) => {
    for (const [word, weight] of input.vector) {
      for (const posting of postings.get(word) ?? []) {
        if (posting.item === item || inputs[posting.item]!.plan === input.plan) continue;
        if (isTouched[posting.item] === 0) {
          isTouched[posting.item] = 1;
          touched.push(posting.item);
        }
        sums[posting.item] = sums[posting.item]! + weight * posting.weight;
      }
    }
    const topics = new Set(input.topics);
    // The best `limit` candidates by (score desc, url asc), kept sorted; a candidate is a handful of numbers.
    const best: Array<{ other: number; score: number; url: string }> = [];
    for (const other of touched) {
      const candidate = inputs[other]!;
      let sharedTopics = 0;
      for (const topic of candidate.topics) if (topics.has(topic)) sharedTopics += 1;
      const score = Math.round((sums[other]! + options.topicBonus * sharedTopics) * 1000) / 1000;
      sums[other] = 0;
      isTouched[other] = 0;
      if (score < options.minScore) continue;
      const entry = { other, score, url: candidate.url };
      if (best.length === options.limit && !before(entry, best[best.length - 1]!)) continue;
      let at = best.length;
      while (at > 0 && before(entry, best[at - 1]!)) at -= 1;
      best.splice(at, 0, entry);
      if (best.length > options.limit) best.pop();
    }
    touched.length = 0;
    const terms = new Set(input.terms);
    result.set(
      input.url,
      best.map(({ other, score }) => {
        const candidate = inputs[other]!;
        const shared: Array<[string, number]> = [];
        for (const [word, weight] of input.vector) {
          const theirs = kept.get(word)?.get(other);
          if (theirs !== undefined) shared.push([word, weight * theirs]);
        }
        return {
          url: candidate.url,
          score,
          topics: candidate.topics.filter((topic) => topics.has(topic)),
          terms: [...new Set(candidate.terms.filter((term) => terms.has(term)))].sort(byText),
          keywords: shared.sort((a, b) => b[1] - a[1] || byText(a[0], b[0])).slice(0, 3).map(([word]) => word),
        };
      }),
    );
  });
  return result;
}
