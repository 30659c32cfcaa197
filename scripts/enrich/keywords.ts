/**
 * Keywords of items: jieba's words, filtered, weighted by TF-IDF over the corpus.
 * The IDF comes from the corpus itself rather than jieba's general-news table, so
 * that a word every plan prints (推进, 教育) weighs nothing and a word few items
 * print (县管校聘) weighs much.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { parseWith } from '../../src/model/errors.ts';

const stopwordsSchema = z.object({ words: z.array(z.string().min(1)) });

export const stopwordsPath = 'scripts/genre/stopwords.yaml';

export function loadStopwords(path = stopwordsPath): ReadonlySet<string> {
  return new Set(parseWith(stopwordsSchema, parseYaml(readFileSync(path, 'utf8')), path).words);
}

const han = /\p{Script=Han}/u;

/** A token worth keeping as a keyword: two characters or more, Chinese, not boilerplate. */
export function isKeyword(token: string, stopwords: ReadonlySet<string>): boolean {
  return token.length >= 2 && han.test(token) && !/[0-9０-９]/.test(token) && !stopwords.has(token);
}

export function termFrequencies(tokens: readonly string[], stopwords: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) if (isKeyword(token, stopwords)) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

export type KeywordVector = ReadonlyArray<readonly [word: string, weight: number]>;

/**
 * TF-IDF vectors, L2-normalized, each cut to its `limit` heaviest words (so that
 * every later step costs at most `limit` per item). Sorted by weight, then word.
 */
export function keywordVectors(frequencies: ReadonlyArray<ReadonlyMap<string, number>>, limit: number): KeywordVector[] {
  const documentFrequency = new Map<string, number>();
  for (const counts of frequencies) for (const word of counts.keys()) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  const total = frequencies.length;
  return frequencies.map((counts) => {
    const weighted: Array<[string, number]> = [];
    for (const [word, count] of counts) {
      // Smoothed so a word in every item still weighs a little more than nothing.
      const idf = Math.log((1 + total) / (1 + documentFrequency.get(word)!)) + 0.05;
      weighted.push([word, (1 + Math.log(count)) * idf]);
    }
    weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const kept = weighted.slice(0, limit);
    const norm = Math.sqrt(kept.reduce((sum, [, weight]) => sum + weight * weight, 0)) || 1;
    return kept.map(([word, weight]) => [word, weight / norm] as const);
  });
}
