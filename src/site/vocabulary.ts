/** The search vocabulary as the site uses it: read once a build (src/model/vocabulary.ts). */
import type { Vocabulary } from '../model/enrichment.ts';
import { readVocabulary } from '../model/vocabulary.ts';

let loaded: Vocabulary | undefined;

export function searchVocabulary(): Vocabulary {
  loaded ??= readVocabulary();
  return loaded;
}

/** The words as served: one array each, [word, pinyin, initials, items], a third of the bytes of objects. */
export type ServedWord = [word: string, pinyin: string, initials: string, items: number];
