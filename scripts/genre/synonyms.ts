/**
 * Loads scripts/genre/synonyms.yaml: groups of words that name one thing, for
 * search. Validated once; a word in two groups is an error naming both.
 */
import { z } from 'zod';
import { AtlasError, parseWith } from '../../src/model/errors.ts';
import { readGenreTable } from './tables.ts';

const file = 'scripts/genre/synonyms.yaml';

const synonymsTable = z.object({
  groups: z.array(z.object({ words: z.array(z.string().min(1)).min(2), note: z.string().optional() })).min(1),
});

/** Each group's words, the word the atlas shows first. */
export type SynonymGroups = ReadonlyArray<readonly string[]>;

let cached: SynonymGroups | undefined;

export function loadSynonyms(): SynonymGroups {
  if (cached) return cached;
  const table = readGenreTable('synonyms.yaml', (data) => parseWith(synonymsTable, data, file));
  const seen = new Map<string, string>();
  for (const { words } of table.groups) {
    for (const word of words) {
      const other = seen.get(word);
      if (other !== undefined) {
        const error = new AtlasError('invalid-file', `${file}: ${word} stands in two groups (${other} and ${words[0]})`, 'keep each word in one group: merge the groups if they name one thing');
        error.file = file;
        throw error;
      }
      seen.set(word, words[0]!);
    }
  }
  cached = table.groups.map((group) => group.words);
  return cached;
}
