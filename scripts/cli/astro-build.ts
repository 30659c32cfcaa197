/**
 * node scripts/cli/astro-build.ts [astro build options]
 *
 * `astro build`, run by `npm run build`, that keeps the pages of the last build
 * whose inputs did not change (scripts/site/incremental-build.ts). The first build,
 * and any build after a change to the code, packages, SITE_URL or BASE_PATH, is a
 * plain clean `astro build`. PLAN_ATLAS_CLEAN_BUILD=1 forces one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pageKeysEnv } from '../../src/model/unchanged-pages.ts';
import {
  cleanBuildReason,
  filesUnder,
  forgetBuild,
  mergeStaged,
  otherStagesOutput,
  prepareKept,
  readState,
  recordBuild,
  siteCodeDigest,
} from '../site/incremental-build.ts';
import { liveSiteDir, siteOutputDir, startNextSite } from '../build/site-folder.ts';

const cacheDir = resolve('.cache', 'site');
const live = liveSiteDir();
// Under `npm run build`, the next site (scripts/build/site-folder.ts); run alone, dist/ itself.
const out = resolve(siteOutputDir());
const staging = join(cacheDir, 'staging');

const code = siteCodeDigest('.', process.env);
// Pagefind's files are its own stage's and no page of Astro's: at 10,000 plans they are half of dist/.
const distFiles = new Set(filesUnder(live, otherStagesOutput));
const forced = process.env['PLAN_ATLAS_CLEAN_BUILD'] === '1' ? 'PLAN_ATLAS_CLEAN_BUILD=1' : null;
const reason = forced ?? cleanBuildReason(readState(cacheDir), code, distFiles);
forgetBuild(cacheDir);

function astroBuild(outDir: string | null): void {
  const local = join('node_modules', '.bin', 'astro');
  const args = ['build', ...(outDir === null ? [] : ['--outDir', outDir]), ...process.argv.slice(2)];
  const run = spawnSync(existsSync(local) ? local : 'astro', args, {
    stdio: 'inherit',
    env: { ...process.env, [pageKeysEnv]: cacheDir },
  });
  if (run.status !== 0) {
    console.error(`astro-build: astro build failed (exit ${run.status ?? run.signal}); ${out === live ? 'dist/ is not a finished build' : 'dist/ keeps the last good site'}, and the next build will be a clean one`);
    process.exit(run.status ?? 1);
  }
}

if (out !== live) startNextSite('.', reason === null ? 'live' : 'empty');

if (reason !== null) {
  console.log(`astro-build: clean build (${reason})`);
  prepareKept(cacheDir, new Set());
  astroBuild(out === live ? null : out);
  recordBuild(cacheDir, { code }, out !== live);
} else {
  const keepable = prepareKept(cacheDir, distFiles);
  console.log(`astro-build: rebuild with the same code: ${keepable} pages of the last build may be kept`);
  astroBuild(staging);
  // The next site was linked from dist/ whole, so it holds the files listed above.
  const merged = mergeStaged(staging, out, cacheDir, distFiles);
  recordBuild(cacheDir, { code }, out !== live);
  console.log(`astro-build: kept ${merged.kept} pages of the last build, wrote ${merged.written} files, removed ${merged.removed}`);
}
