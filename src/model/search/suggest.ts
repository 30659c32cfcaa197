/**
 * Past the exact words: what a query that finds nothing as typed, or that is typed
 * in pinyin, is offered instead, from the atlas's own vocabulary (content/enrichment/
 * vocabulary.json), and which words a query's synonyms add. Pure functions, run in
 * the browser and in the quality benchmark.
 *
 * - Pinyin: a query of Latin letters is read as initials (xqjy), full pinyin
 *   (xueqianjiaoyu) or the start of it (xueqian), and offers the words that read so,
 *   the ones most items print first.
 * - A typo: words within a small edit distance (one edit up to four characters, two
 *   beyond), the nearest first, then the ones most items print.
 */
import type { Vocabulary, VocabularyWord } from '../enrichment.ts';
import { normalizeText } from './tokens.ts';

/** How many suggestions a query is offered. */
export const suggestionLimit = 5;

/** Levenshtein distance over code points, giving up past `limit` (returns limit + 1). */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  const left = [...a];
  const right = [...b];
  if (Math.abs(left.length - right.length) > limit) return limit + 1;
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= right.length; j += 1) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[right.length]!;
}

const latinOnly = /^[a-z]+$/u;

/** A query typed in pinyin: Latin letters only, without spaces (xqjy, xueqianjiaoyu). */
export function isPinyinQuery(query: string): boolean {
  return latinOnly.test(normalizeText(query).replace(/\s+/gu, ''));
}

const byItems = (a: VocabularyWord, b: VocabularyWord): number => b.items - a.items || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0);

/** Words read as the pinyin typed: initials or full pinyin exactly first, then the words whose pinyin starts so. */
export function pinyinSuggestions(query: string, words: readonly VocabularyWord[], limit = suggestionLimit): string[] {
  const typed = normalizeText(query).replace(/\s+/gu, '');
  if (!latinOnly.test(typed)) return [];
  const exact = words.filter((word) => word.initials === typed || word.pinyin === typed).sort(byItems);
  const started = typed.length >= 3 ? words.filter((word) => word.pinyin.startsWith(typed) && !exact.includes(word)).sort(byItems) : [];
  return [...exact, ...started].slice(0, limit).map((word) => word.word);
}

/** The most edits a typed word of this many characters may be from a suggestion. */
const allowedEdits = (length: number): number => (length <= 4 ? 1 : 2);

/** Words of the vocabulary near what was typed, for a query nothing contains as typed. */
export function nearestWords(query: string, words: readonly VocabularyWord[], limit = suggestionLimit): string[] {
  const typed = normalizeText(query).replace(/\s+/gu, '');
  if (typed.length < 2) return [];
  const limitEdits = allowedEdits([...typed].length);
  const near: Array<{ word: VocabularyWord; distance: number }> = [];
  for (const word of words) {
    if (word.word === typed) continue;
    const distance = editDistance(typed, word.word, limitEdits);
    if (distance <= limitEdits) near.push({ word, distance });
  }
  near.sort((a, b) => a.distance - b.distance || byItems(a.word, b.word));
  return near.slice(0, limit).map((entry) => entry.word.word);
}

/** What a query is offered: by its pinyin when typed in Latin letters, else the nearest words. */
export function suggestions(query: string, vocabulary: Pick<Vocabulary, 'words'>, limit = suggestionLimit): string[] {
  return isPinyinQuery(query) ? pinyinSuggestions(query, vocabulary.words, limit) : nearestWords(query, vocabulary.words, limit);
}

/** Each word of a synonym group → the other words of its group. */
export function synonymIndex(groups: ReadonlyArray<readonly string[]>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const group of groups) {
    const words = group.map(normalizeText);
    for (const word of words) index.set(word, words.filter((other) => other !== word));
  }
  return index;
}
