/**
 * The content the search tests run on: SEARCH_CONTENT if set, else content/ when the
 * ingest has written it, else a fresh ingest of the bundled sources into a temp dir.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function searchContent(): string {
  const given = process.env['SEARCH_CONTENT'];
  if (given !== undefined) return given;
  if (existsSync('content/plans') && readdirSync('content/plans').length > 0) return 'content';
  const dir = mkdtempSync(join(tmpdir(), 'atlas-search-content-'));
  execFileSync(process.execPath, ['scripts/cli/ingest.ts', '--content', dir, '--no-cache'], { stdio: 'pipe' });
  return dir;
}
