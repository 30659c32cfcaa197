/**
 * npm run build: every stage from content/sources to a searchable dist/, in order.
 *
 * A source the ingest refuses never stops the site from being built from the
 * others: the ingest then exits 1 (its errors are printed), the remaining stages
 * run, and this command exits 1 at the end so that a cron job or CI still sees
 * that something failed. Any other failure (a crash, a stage that exits non-zero)
 * stops the build where it is and leaves the last good site in dist/.
 */
import { spawnSync } from 'node:child_process';
import { configuredSiteUrl, siteUrl } from '../../src/model/deploy.ts';
import { buildStages, type BuildStage } from '../build/stages.ts';

function run(stage: BuildStage): number {
  const result = spawnSync(process.execPath, [stage.script, ...(stage.name === 'ingest' ? process.argv.slice(2) : [])], {
    stdio: 'inherit',
    env: { NODE_COMPILE_CACHE: '.cache/node', ...process.env },
  });
  if (result.error) {
    console.error(`build: could not start the ${stage.name} stage: ${result.error.message}`);
    return 2;
  }
  return result.status ?? 2;
}

if (configuredSiteUrl() === undefined) {
  console.warn(
    `build: warning: SITE_URL is not set, so citations, canonical links, the feed and the sitemap name the preview address ${siteUrl()}, not one to cite.\n` +
      '  hint: SITE_URL=https://your.host npm run build (and BASE_PATH=/path/ when the site is not at the root; see the README, Deploying)',
  );
}

let failedSources = false;
for (const stage of buildStages) {
  const status = run(stage);
  if (status === 0) continue;
  if (stage.partial.includes(status)) {
    failedSources = true;
    console.error(`build: some sources failed (above); building the site from the others`);
    continue;
  }
  console.error(`build: the ${stage.name} stage failed (exit ${status}); dist/ keeps the last good site`);
  process.exit(status);
}
if (failedSources) {
  console.error('build: the site was built, but some sources failed: fix them (see the errors above) and build again');
  process.exit(1);
}
