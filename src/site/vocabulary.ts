/**
 * The search vocabulary the enrich stage wrote (content/enrichment/vocabulary.json):
 * the synonyms the search page carries, and the words /search/vocabulary.json serves.
 * An atlas enriched before the file existed has none: search then offers nothing
 * past the exact words, and says nothing wrong.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseWith } from '../model/errors.ts';
import { vocabularySchema, type Vocabulary } from '../model/enrichment.ts';

export const vocabularyPath = 'content/enrichment/vocabulary.json';

let loaded: Vocabulary | undefined;

export function searchVocabulary(): Vocabulary {
  loaded ??= existsSync(vocabularyPath)
    ? parseWith(vocabularySchema, JSON.parse(readFileSync(vocabularyPath, 'utf8')), vocabularyPath, { hint: 'it is not what the enrich stage writes: run npm run enrich to write it again' })
    : { synonyms: [], words: [] };
  return loaded;
}

/** The words as served: one array each, [word, pinyin, initials, items], a third of the bytes of objects. */
export type ServedWord = [word: string, pinyin: string, initials: string, items: number];
