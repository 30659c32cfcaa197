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
import { compareText } from '../../src/model/order.ts';
import type { KeywordVector } from './keywords.ts';
import type { RelatedItem } from '../../src/model/enrichment.ts';

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

export function relatedItems(inputs: readonly RelatedInput[], options: RelatedOptions = defaultRelatedOptions): Map<string, RelatedItem[]> {
  // Everything the walk touches lives in typed arrays indexed by number: words, plans and
  // topics as indices, every item's vector as a slice of one flat array ("entries").
  const wordIndex = new Map<string, number>();
  const words: string[] = [];
  const planIndex = new Map<string, number>();
  const topicIndex = new Map<string, number>();
  const entryStart = new Int32Array(inputs.length + 1);
  let entryCount = 0;
  for (const input of inputs) entryCount += input.vector.length;
  const entryWord = new Int32Array(entryCount);
  const entryWeight = new Float64Array(entryCount);
  const entryItem = new Int32Array(entryCount);
  const planOf = new Int32Array(inputs.length);
  const topicsOf: number[][] = [];
  let entry = 0;
  inputs.forEach((input, item) => {
    entryStart[item] = entry;
    for (const [word, weight] of input.vector) {
      let index = wordIndex.get(word);
      if (index === undefined) {
        index = words.length;
        words.push(word);
        wordIndex.set(word, index);
      }
      entryWord[entry] = index;
      entryWeight[entry] = weight;
      entryItem[entry] = item;
      entry += 1;
    }
    if (!planIndex.has(input.plan)) planIndex.set(input.plan, planIndex.size);
    planOf[item] = planIndex.get(input.plan)!;
    topicsOf.push(
      input.topics.map((topic) => {
        if (!topicIndex.has(topic)) topicIndex.set(topic, topicIndex.size);
        return topicIndex.get(topic)!;
      }),
    );
  });
  entryStart[inputs.length] = entry;

  // Posting lists: the entries of each word, heaviest first, cut to postingsPerWord; a word
  // in too many items (or in one only) is not indexed. `kept` marks the entries that stay.
  const byWord: number[][] = words.map(() => []);
  for (let at = 0; at < entryCount; at += 1) byWord[entryWord[at]!]!.push(at);
  const maxPostings = Math.max(2, Math.floor(inputs.length * options.maxDocumentShare));
  const postingStart = new Int32Array(words.length + 1);
  const postingItem = new Int32Array(entryCount);
  const postingWeight = new Float64Array(entryCount);
  const kept = new Uint8Array(entryCount);
  let posting = 0;
  byWord.forEach((list, word) => {
    postingStart[word] = posting;
    if (list.length > maxPostings || list.length < 2) return;
    list.sort((a, b) => entryWeight[b]! - entryWeight[a]! || entryItem[a]! - entryItem[b]!);
    if (list.length > options.postingsPerWord) list.length = options.postingsPerWord;
    for (const at of list) {
      kept[at] = 1;
      postingItem[posting] = entryItem[at]!;
      postingWeight[posting] = entryWeight[at]!;
      posting += 1;
    }
  });
  postingStart[words.length] = posting;

  // URLs ranked once, so that ties in score are broken by comparing numbers.
  const urlRank = new Int32Array(inputs.length);
  const byUrl = inputs.map((_, item) => item).sort((a, b) => compareText(inputs[a]!.url, inputs[b]!.url));
  byUrl.forEach((item, rank) => {
    const previous = byUrl[rank - 1];
    urlRank[item] = previous !== undefined && inputs[previous]!.url === inputs[item]!.url ? urlRank[previous]! : rank;
  });

  // Scores accumulate in one array reused for every item (cleared through the list of items touched);
  // per candidate only a number is kept, and the reasons (terms, keywords) are worked out for the few
  // candidates that make the list. Walk order and arithmetic are those of a plain walk over the posting
  // lists, so the scores are too.
  const sums = new Float64Array(inputs.length);
  const touched: number[] = [];
  const isTouched = new Uint8Array(inputs.length);
  // Marks (item + 1) of the item being scored: its topics and its words with their weights.
  const topicMark = new Int32Array(topicIndex.size);
  const wordMark = new Int32Array(words.length);
  const wordWeight = new Float64Array(words.length);
  const before = (a: { score: number; rank: number }, b: { score: number; rank: number }): boolean =>
    a.score > b.score || (a.score === b.score && a.rank < b.rank);

  const result = new Map<string, RelatedItem[]>();
  inputs.forEach((input, item) => {
    const mark = item + 1;
    const plan = planOf[item]!;
    for (let at = entryStart[item]!; at < entryStart[item + 1]!; at += 1) {
      const word = entryWord[at]!;
      const weight = entryWeight[at]!;
      wordMark[word] = mark;
      wordWeight[word] = weight;
      for (let next = postingStart[word]!; next < postingStart[word + 1]!; next += 1) {
        const other = postingItem[next]!;
        if (other === item || planOf[other] === plan) continue;
        if (isTouched[other] === 0) {
          isTouched[other] = 1;
          touched.push(other);
        }
        sums[other] = sums[other]! + weight * postingWeight[next]!;
      }
    }
    for (const topic of topicsOf[item]!) topicMark[topic] = mark;
    // The best `limit` candidates by (score desc, url asc), kept sorted; a candidate is a handful of numbers.
    const best: Array<{ other: number; score: number; rank: number }> = [];
    for (const other of touched) {
      let sharedTopics = 0;
      for (const topic of topicsOf[other]!) if (topicMark[topic] === mark) sharedTopics += 1;
      const score = Math.round((sums[other]! + options.topicBonus * sharedTopics) * 1000) / 1000;
      sums[other] = 0;
      isTouched[other] = 0;
      if (score < options.minScore) continue;
      const candidate = { other, score, rank: urlRank[other]! };
      if (best.length === options.limit && !before(candidate, best[best.length - 1]!)) continue;
      let at = best.length;
      while (at > 0 && before(candidate, best[at - 1]!)) at -= 1;
      best.splice(at, 0, candidate);
      if (best.length > options.limit) best.pop();
    }
    touched.length = 0;
    const topics = new Set(input.topics);
    const terms = new Set(input.terms);
    result.set(
      input.url,
      best.map(({ other, score }) => {
        const candidate = inputs[other]!;
        // The words both items have where the other item stayed in the word's (trimmed) posting list.
        const shared: Array<[string, number]> = [];
        for (let at = entryStart[other]!; at < entryStart[other + 1]!; at += 1) {
          const word = entryWord[at]!;
          if (kept[at] === 1 && wordMark[word] === mark) shared.push([words[word]!, wordWeight[word]! * entryWeight[at]!]);
        }
        return {
          url: candidate.url,
          score,
          topics: candidate.topics.filter((topic) => topics.has(topic)),
          terms: [...new Set(candidate.terms.filter((term) => terms.has(term)))].sort(compareText),
          keywords: shared.sort((a, b) => b[1] - a[1] || compareText(a[0], b[0])).slice(0, 3).map(([word]) => word),
        };
      }),
    );
  });
  return result;
}
