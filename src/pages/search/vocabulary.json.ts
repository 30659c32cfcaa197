/**
 * /search/vocabulary.json: the words the search page offers a query that finds
 * nothing as typed, or is typed in pinyin (src/model/search/suggest.ts). Fetched
 * only then; the synonyms come with the page itself.
 */
import type { APIRoute } from 'astro';
import { searchVocabulary, type ServedWord } from '../../site/vocabulary.ts';

export const GET: APIRoute = () => {
  const words: ServedWord[] = searchVocabulary().words.map((word) => [word.word, word.pinyin, word.initials, word.items]);
  return new Response(`${JSON.stringify(words)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
