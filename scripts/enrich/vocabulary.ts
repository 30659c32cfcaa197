/**
 * The atlas's vocabulary for search past the exact words (src/model/search/suggest.ts):
 * the synonym groups, and the words items print most, with their pinyin and
 * initials. Words are the corpus's policy terms, the topics' names, the synonyms,
 * and the keywords of items (jieba words less the stop words), each counted by the
 * items that print it; the list is cut at `limit` words, the most printed kept, so
 * that the file a search may fetch stays small at any size of the atlas.
 */
import { compareText } from '../../src/model/order.ts';
import type { Vocabulary, VocabularyWord } from '../../src/model/enrichment.ts';
import { pinyinSyllables } from '../ingest/slug.ts';

/** About 200 KB as served (80 KB compressed), fetched only by a search that finds nothing or is typed in pinyin. */
export const vocabularyLimit = 6000;

const han = /^\p{Script=Han}{2,12}$/u;

export interface VocabularySources {
  /** Each item's words with their counts (ItemFacts.frequencies). */
  itemWords: Iterable<Iterable<readonly [string, number]>>;
  /** Policy terms with the items printing each. */
  terms: Iterable<readonly [string, number]>;
  /** Topic names, with their items. */
  topics: Iterable<readonly [string, number]>;
  synonyms: ReadonlyArray<readonly string[]>;
}

export function searchVocabulary(sources: VocabularySources, limit = vocabularyLimit): Vocabulary {
  const items = new Map<string, number>();
  for (const words of sources.itemWords) for (const [word] of words) if (han.test(word)) items.set(word, (items.get(word) ?? 0) + 1);
  // Terms, topics and synonyms are kept whatever their count: they are what the atlas names.
  const named = new Map<string, number>();
  for (const [word, count] of [...sources.terms, ...sources.topics]) named.set(word, Math.max(named.get(word) ?? 0, count, items.get(word) ?? 0));
  for (const group of sources.synonyms) for (const word of group) named.set(word, Math.max(named.get(word) ?? 0, items.get(word) ?? 0));
  const rest = [...items].filter(([word]) => !named.has(word)).sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
  const chosen = [...named, ...rest.slice(0, Math.max(0, limit - named.size))];
  const words: VocabularyWord[] = chosen
    .map(([word, count]) => {
      const syllables = pinyinSyllables(word).map((syllable) => syllable.toLowerCase().replace(/[^a-z]/gu, ''));
      return { word, pinyin: syllables.join(''), initials: syllables.map((syllable) => syllable[0] ?? '').join(''), items: count };
    })
    .sort((a, b) => b.items - a.items || compareText(a.word, b.word));
  return { synonyms: sources.synonyms.map((group) => [...group]), words };
}
