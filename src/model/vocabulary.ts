/**
 * Reads the search vocabulary the enrich stage wrote (content/enrichment/vocabulary.json),
 * for the site and the search benchmark alike. An atlas enriched before the file
 * existed has none: search then offers nothing past the exact words.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vocabularySchema, type Vocabulary } from './enrichment.ts';
import { parseWith } from './errors.ts';

export function readVocabulary(contentDirectory = 'content'): Vocabulary {
  const file = join(contentDirectory, 'enrichment', 'vocabulary.json');
  if (!existsSync(file)) return { synonyms: [], words: [] };
  return parseWith(vocabularySchema, JSON.parse(readFileSync(file, 'utf8')), file, { hint: 'it is not what the enrich stage writes: run npm run enrich to write it again' });
}
