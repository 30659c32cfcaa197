/**
 * The content the search tests run on: SEARCH_CONTENT if set, else content/ when the
 * ingest has written it, else a fresh ingest and enrich of the bundled sources into a temp dir,
 * removed after the file's tests: call it while they are collected, not inside one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { suiteTemporaryFolder } from '../temporary.ts';

export function searchContent(): string {
  const given = process.env['SEARCH_CONTENT'];
  if (given !== undefined) return given;
  if (existsSync('content/plans') && readdirSync('content/plans').length > 0) return 'content';
  const dir = suiteTemporaryFolder('atlas-search-content-');
  execFileSync(process.execPath, ['scripts/cli/ingest.ts', '--content', dir, '--no-cache'], { stdio: 'pipe' });
  // The synonyms and the vocabulary search is judged with are the enrich stage's.
  execFileSync(process.execPath, ['scripts/cli/enrich.ts', '--content', dir, '--no-cache'], { stdio: 'pipe' });
  return dir;
}
