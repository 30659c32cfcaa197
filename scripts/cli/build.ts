/**
 * npm run build: every stage from content/sources to a searchable dist/, in order.
 *
 * A source the ingest refuses never stops the site from being built from the
 * others: the ingest then exits 1 (its errors are printed), the remaining stages
 * run, and this command exits 1 at the end so that a cron job or CI still sees
 * that something failed. Any other failure (a crash, a stage that exits non-zero)
 * stops the build where it is and leaves the last good site in dist/.
 *
 * The stages write the next site beside dist/, which takes dist/'s place only when
 * every stage has succeeded (scripts/build/site-folder.ts): a build killed, failed
 * or out of disk at any moment leaves the last good site. One build runs at a time
 * (scripts/build/lock.ts): a second one stops and names the first.
 */
import { spawnSync } from 'node:child_process';
import { configuredSiteUrl, deployHost, prerenderWorkers, siteUrl } from '../../src/model/deploy.ts';
import { buildStages, type BuildStage } from '../build/stages.ts';
import { acquireBuildLock, buildLockFile, releaseBuildLock } from '../build/lock.ts';
import { liveSiteDir, nextSiteDir, recoverSite, siteDirEnv, swapInNextSite } from '../build/site-folder.ts';
import { hostReport, hosts, measureSite } from '../build/hosts.ts';
import { AtlasError, formatError, formatWarning } from '../../src/model/errors.ts';
import { commitBuildState } from '../site/incremental-build.ts';
import { machineProblems } from '../build/diagnose.ts';

/** Exit status of a build that did not start because another one is running (EX_TEMPFAIL). */
const busyStatus = 75;

/** Stops the build: dist/ is left as it was, with what to do about the machine when that is the cause. */
function fail(code: string, message: string, status: number): never {
  const problems = machineProblems();
  const hint = problems.length > 0 ? problems.join('; ') : 'fix what the error above names and build again';
  console.error(`build: ${formatError(new AtlasError(code, `${message}; dist/ keeps the last good site`, hint))}`);
  process.exit(status);
}

function run(stage: BuildStage, position: number): number {
  console.log(`build: [${position}/${buildStages.length}] ${stage.name}`);
  const result = spawnSync(process.execPath, [stage.script, ...(stage.name === 'ingest' ? process.argv.slice(2) : [])], {
    stdio: 'inherit',
    env: { NODE_COMPILE_CACHE: '.cache/node', ...process.env, [siteDirEnv]: nextSiteDir() },
  });
  if (result.error) {
    console.error(`build: could not start the ${stage.name} stage: ${result.error.message}`);
    return 2;
  }
  return result.status ?? 2;
}

let lock: ReturnType<typeof acquireBuildLock>;
try {
  lock = acquireBuildLock();
} catch (error) {
  fail('no-build-lock', `could not take the build lock: ${(error as Error).message}`, 2);
}
if (!lock.held) {
  const running = new AtlasError(
    'build-running',
    `another build is running (process ${lock.holder.pid} on ${lock.holder.host}, started ${lock.holder.started}); this one does not start`,
    `wait for it to finish, or stop it (kill ${lock.holder.pid}); a lock whose process is gone is taken over by the next build (${buildLockFile()})`,
  );
  console.error(`build: ${formatError(running)}`);
  process.exit(busyStatus);
}
process.on('exit', () => releaseBuildLock());
if (lock.staleTakenOver) console.warn(`build: took over the lock of an earlier build that is no longer running (process ${lock.staleTakenOver.pid || 'unknown'})`);
try {
  const recovered = recoverSite();
  if (recovered) console.warn(`build: ${recovered}`);
} catch (error) {
  fail('no-previous-site', `could not put back the last site from .cache/previous-site: ${(error as Error).message}`, 2);
}

if (configuredSiteUrl() === undefined) {
  const noSiteUrl = new AtlasError(
    'no-site-url',
    `SITE_URL is not set, so citations, canonical links, the feed and the sitemap name the preview address ${siteUrl()}, not one to cite`,
    'SITE_URL=https://your.host npm run build (and BASE_PATH=/path/ when the site is not at the root; see the README, Deploying)',
  );
  console.warn(`build: ${formatWarning(noSiteUrl)}`);
}

let host: string | undefined;
try {
  host = deployHost(hosts.map((known) => known.id));
  // Read here too, so a bad value stops the build before any stage rather than in Astro's config.
  prerenderWorkers();
} catch (error) {
  console.error(`build: ${formatError(error)}`);
  process.exit(2);
}

let failedSources = false;
for (const [index, stage] of buildStages.entries()) {
  const status = run(stage, index + 1);
  if (status === 0) continue;
  if (stage.partial.includes(status)) {
    failedSources = true;
    console.error(`build: some sources failed (above); building the site from the others`);
    continue;
  }
  fail('stage-failed', `the ${stage.name} stage failed (exit ${status})`, status);
}
try {
  swapInNextSite();
  commitBuildState('.cache/site');
} catch (error) {
  fail('no-site-swap', `could not put the new site in place: ${(error as Error).message}`, 2);
}
// The hosts' limits, said before anyone uploads: the site is built and kept either way.
const fit = hostReport(measureSite(liveSiteDir()), host);
for (const line of fit.lines) (fit.fits ? console.log : console.error)(`build: ${line}`);
if (!fit.fits) process.exit(1);
if (failedSources) {
  console.error('build: the site was built, but some sources failed: fix them (see the errors above) and build again');
  process.exit(1);
}
