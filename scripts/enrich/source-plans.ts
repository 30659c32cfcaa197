/**
 * Plans straight from content/sources/ through the ingest stage, for the quality
 * script and tests that must not depend on a previous `npm run ingest`.
 */
import type { Plan } from '../../src/model/plan.ts';
import { loadGenre } from '../genre/load.ts';
import { ingestCorpus } from '../ingest/whole-corpus.ts';
import { loadDivisionIndex } from '../ingest/divisions.ts';
import { readSourceFolder } from '../ingest/sources.ts';

export function plansFromSources(directory = 'content/sources'): Plan[] {
  const { documents, failures } = ingestCorpus(readSourceFolder(directory), { genre: loadGenre(), divisions: loadDivisionIndex() });
  const [first] = failures;
  if (first) {
    // The ingest's own error, for the first source that failed: these plans must all be read.
    first.error.file ??= first.file;
    throw first.error;
  }
  return documents.map((document) => document.plan);
}
