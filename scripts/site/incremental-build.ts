/**
 * A rebuild of the site that keeps what the last build wrote and is still right.
 *
 * `astro build` renders every page and empties dist/ first. After a build, the
 * pages under region paths and each plan.json have a key (src/site/page-keys.ts):
 * a digest of what the page renders. The next build with the same code (every file
 * Astro compiles, the packages, the deploy settings: `siteCodeDigest`) renders into
 * a staging folder only the pages whose key changed and the pages without a key
 * (those that gather the whole atlas: home, topics, terms, years, downloads…),
 * moves them into dist/, and removes from dist/ what no page of this build is.
 * Any other build (no earlier one, other code, dist/ gone) is a clean one.
 *
 * The cache folder holds state.json (the code digest of the build in dist/) and
 * keys/{route}.json, every keyed page's key as of that build.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { keptKeysFile, nextKeysFile, type PageKeyMap } from '../../src/model/unchanged-pages.ts';
import { codeVersion } from '../ingest/parse-cache.ts';
import { bulkDownloads } from '../../src/model/downloads.ts';
import { readCacheFile } from '../ingest/output.ts';

/** What Astro compiles or copies, and what decides the packages: a change to any of it builds every page. */
const codePaths = ['src', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];
/**
 * Settings that pages render: canonical URLs, the base path, and how many plans a
 * list page holds (which also decides how a year's or a province's page lays out,
 * so it is not in every page's key).
 */
const codeEnv = ['SITE_URL', 'BASE_PATH', 'GATHERING_PAGE_PLANS'];
/** What in dist/ other stages write, folders and files: the search index, the bulk downloads. */
export const otherStagesOutput: readonly string[] = ['pagefind', ...Object.values(bulkDownloads)];

export interface BuildState {
  code: string;
}

/** Every file under `dir`, relative to it, with `/`, but those in `skip` (top folders or files); links are not followed. */
export function filesUnder(dir: string, skip: readonly string[] = []): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/');
    if (!skip.includes(file.split('/')[0]!) && !skip.includes(file)) files.push(file);
  }
  return files.sort();
}

/** The ingest's and enrich's code version over what Astro builds from, with the deploy settings. */
export function siteCodeDigest(root: string, env: NodeJS.ProcessEnv): string {
  const hash = createHash('sha256').update(codeVersion(root, codePaths));
  for (const name of codeEnv) hash.update(`\0${name}=${env[name] ?? ''}`);
  return hash.digest('hex');
}

export function readState(cacheDir: string): BuildState | null {
  return readCacheFile(join(cacheDir, 'state.json')) as BuildState | null;
}

/** Why the next build must be clean, or null when it can keep pages of the last one. */
export function cleanBuildReason(state: BuildState | null, code: string, distFiles: ReadonlySet<string>): string | null {
  if (state === null) return 'no earlier build recorded';
  if (state.code !== code) return 'the code, packages or deploy settings changed';
  if (!distFiles.has('index.html')) return 'dist/ holds no build';
  return null;
}

/** The last build's keys of the pages still in dist/: the pages this build may keep. */
export function keptKeys(last: PageKeyMap, distFiles: ReadonlySet<string>): PageKeyMap {
  const kept: PageKeyMap = {};
  for (const [file, key] of Object.entries(last)) if (distFiles.has(file)) kept[file] = key;
  return kept;
}

/** Routes with keys, as the last build left them in keys/. */
export function keyedRoutes(cacheDir: string, folder: 'keys' | 'next'): string[] {
  const dir = join(cacheDir, folder);
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5)).sort() : [];
}

export function readKeys(file: string): PageKeyMap {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PageKeyMap) : {};
}

/** Before a partial build: kept/{route}.json for every route the last build keyed. */
export function prepareKept(cacheDir: string, distFiles: ReadonlySet<string>): number {
  rmSync(join(cacheDir, 'kept'), { recursive: true, force: true });
  rmSync(join(cacheDir, 'next'), { recursive: true, force: true });
  mkdirSync(join(cacheDir, 'kept'), { recursive: true });
  let count = 0;
  for (const route of keyedRoutes(cacheDir, 'keys')) {
    const kept = keptKeys(readKeys(join(cacheDir, 'keys', `${route}.json`)), distFiles);
    count += Object.keys(kept).length;
    writeFileSync(keptKeysFile(cacheDir, route), JSON.stringify(kept));
  }
  return count;
}

/**
 * After a partial build: the staged files move into dist/, and every file of dist/
 * (outside other stages' folders) that is neither one of them nor a keyed page of
 * this build is removed. Returns the files kept from the last build. `before`, the
 * files of dist/ outside other stages' folders as the caller listed them before
 * Astro ran, saves listing a large dist/ again: only the staged files are added to it.
 */
export function mergeStaged(staging: string, dist: string, cacheDir: string, before?: ReadonlySet<string>): { written: number; kept: number; removed: number } {
  const staged = filesUnder(staging);
  const present = before === undefined ? null : new Set([...before, ...staged]);
  for (const file of staged) {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    renameSync(join(staging, file), join(dist, file));
  }
  const live = new Set(staged);
  let kept = 0;
  for (const route of keyedRoutes(cacheDir, 'next')) {
    for (const file of Object.keys(readKeys(nextKeysFile(cacheDir, route)))) {
      if (!live.has(file)) kept += 1;
      live.add(file);
    }
  }
  let removed = 0;
  for (const file of present ?? filesUnder(dist, otherStagesOutput)) {
    if (live.has(file)) continue;
    rmSync(join(dist, file));
    removeEmptyParents(dirname(join(dist, file)), dist);
    removed += 1;
  }
  rmSync(staging, { recursive: true, force: true });
  return { written: staged.length, kept, removed };
}

function removeEmptyParents(dir: string, stop: string): void {
  for (let current = dir; current !== stop && current.startsWith(stop); current = dirname(current)) {
    if (readdirSync(current).length > 0) return;
    rmdirSync(current);
  }
}

/**
 * After Astro succeeded: its keys become the last build's, and its code is recorded;
 * `pending` when the pages went into a next site that is not dist/ yet: the state
 * then counts only once `commitBuildState` runs after the swap, so a build killed
 * before it leaves no state that could be taken for dist/'s (the next build is clean).
 */
export function recordBuild(cacheDir: string, state: BuildState, pending = false): void {
  rmSync(join(cacheDir, 'keys'), { recursive: true, force: true });
  if (existsSync(join(cacheDir, 'next'))) renameSync(join(cacheDir, 'next'), join(cacheDir, 'keys'));
  rmSync(join(cacheDir, 'kept'), { recursive: true, force: true });
  writeFileSync(join(cacheDir, pending ? pendingStateFile : 'state.json'), `${JSON.stringify(state)}\n`);
}

const pendingStateFile = 'state.next.json';

/** After the next site became dist/: the state recorded for it is dist/'s. */
export function commitBuildState(cacheDir: string): void {
  if (existsSync(join(cacheDir, pendingStateFile))) renameSync(join(cacheDir, pendingStateFile), join(cacheDir, 'state.json'));
}

/** Before any build: a build that fails half-way must not be taken for the last one. */
export function forgetBuild(cacheDir: string): void {
  mkdirSync(cacheDir, { recursive: true });
  rmSync(join(cacheDir, 'state.json'), { force: true });
  rmSync(join(cacheDir, pendingStateFile), { force: true });
}
