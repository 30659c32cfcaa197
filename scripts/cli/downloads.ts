/**
 * node scripts/cli/downloads.ts [--content content] [--out DIR] [--cache DIR]
 *
 * Run by `npm run build` after Astro: writes the bulk downloads (every item and
 * commitment as CSV and JSON, every plan as JSON) into the site (scripts/site/downloads.ts).
 * The rows of a plan file unchanged since the last run come from --cache
 * (.cache/downloads), so a rebuild after one edit reads one plan.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { basePath, siteUrl } from '../../src/model/deploy.ts';
import { AtlasError, formatError } from '../../src/model/errors.ts';
import { withBase } from '../../src/model/search/records.ts';
import { siteOutputDir } from '../build/site-folder.ts';
import { writeDownloads } from '../site/downloads.ts';

function main(): number {
  const { values } = parseArgs({
    options: {
      content: { type: 'string', default: 'content' },
      out: { type: 'string', default: siteOutputDir() },
      cache: { type: 'string', default: join('.cache', 'downloads') },
    },
  });
  if (!existsSync(join(values.content, 'plans'))) {
    console.error(`downloads: ${formatError(new AtlasError('no-plans', `${join(values.content, 'plans')} does not exist`, 'run npm run ingest first'))}`);
    return 1;
  }
  const site = siteUrl();
  const base = basePath();
  const started = performance.now();
  const result = writeDownloads({
    contentDirectory: values.content,
    siteDirectory: values.out,
    absolute: (path) => new URL(withBase(base, path), site).href,
    urls: `${site} ${base}`,
    cacheDirectory: values.cache,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const reused = result.read < result.plans ? ` (${result.read} of ${result.plans} plan files read; the others are the same files as when last read)` : '';
  console.log(`downloads: ${result.items} items, ${result.commitments} commitments and ${result.plans} plans → ${join(values.out, 'downloads')}${reused} (${seconds} s)`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`downloads: ${formatError(error)}`);
  process.exitCode = 1;
}
