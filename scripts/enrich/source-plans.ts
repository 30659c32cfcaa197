/**
 * Plans straight from content/sources/ through the ingest stage, for the quality
 * script and tests that must not depend on a previous `npm run ingest`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plan } from '../../src/model/plan.ts';
import { loadGenre } from '../genre/load.ts';
import { ingestCorpus } from '../ingest/whole-corpus.ts';
import { loadDivisionIndex } from '../ingest/divisions.ts';

export function plansFromSources(directory = 'content/sources'): Plan[] {
  const names = readdirSync(directory).filter((name) => name.endsWith('.txt')).sort();
  const sources = names.map((name) => {
    const sidecar = join(directory, name.replace(/\.txt$/, '.meta.yaml'));
    return {
      file: join(directory, name),
      bytes: readFileSync(join(directory, name)),
      sidecar: existsSync(sidecar) ? { file: sidecar, text: readFileSync(sidecar, 'utf8') } : null,
    };
  });
  const { documents, failures } = ingestCorpus(sources, { genre: loadGenre(), divisions: loadDivisionIndex() });
  if (failures.length > 0) throw new Error(`ingest failed for ${failures.map((failure) => `${failure.file}: ${failure.error.message}`).join('; ')}`);
  return documents.map((document) => document.plan);
}
