/**
 * Where the stages of a build write the site, and how it becomes dist/ at once.
 *
 * A build never writes into dist/: Astro, the site check and the search index write
 * a next site in .cache/next-site (for a rebuild, a copy of dist/ made of hard links,
 * so unchanged pages cost no bytes and no time), and only when every stage has
 * succeeded does the next site take dist/'s place. dist/ is thus always a whole site,
 * the last good one, whenever a build is killed, fails or runs out of disk.
 *
 * Writers into the next site must replace files, never write into them: a hard link
 * shares its bytes with dist/, so writing into one would change the live site. Astro
 * empties its folder before a clean build, the rebuild moves its pages in by rename,
 * and the search index removes a shard's files before it writes them.
 *
 * The swap is two renames (dist/ → .cache/previous-site, next → dist/), microseconds
 * apart; POSIX has no portable atomic exchange of two folders. A build killed between
 * them leaves no dist/ and the whole last site in .cache/previous-site, and
 * `recoverSite` (run at the start of every build) puts it back.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The environment variable through which `npm run build` tells its stages where the next site is. */
export const siteDirEnv = 'PLAN_ATLAS_SITE_DIR';

export const liveSiteDir = (root = '.'): string => resolve(root, 'dist');
export const nextSiteDir = (root = '.'): string => resolve(root, '.cache', 'next-site');
const previousSiteDir = (root = '.'): string => resolve(root, '.cache', 'previous-site');

/** The folder a stage writes the site into: the next site during `npm run build`, else dist/. */
export function siteOutputDir(env: NodeJS.ProcessEnv = process.env): string {
  return env[siteDirEnv] ?? 'dist';
}

/** Puts back the last site when a build was killed between the two renames of the swap. Returns what it did. */
export function recoverSite(root = '.'): string | null {
  const live = liveSiteDir(root);
  const previous = previousSiteDir(root);
  if (!existsSync(previous)) return null;
  if (!existsSync(live)) {
    renameSync(previous, live);
    return 'put back the last site, which a build killed while it swapped sites had moved aside';
  }
  rmSync(previous, { recursive: true, force: true });
  return null;
}

/** A hard link where the file system allows one; a copy where dist/ is on another one (EXDEV) or links are refused. */
function linkOrCopy(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'EMLINK' && code !== 'ENOTSUP') throw error;
    copyFileSync(source, target);
  }
}

/** Copies `from` into `to` (which must not exist) as hard links: the same files, no bytes written. */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else if (entry.isFile()) linkOrCopy(source, target);
  }
}

/**
 * Starts the next site: empty for a clean build, or dist/ as hard links for a
 * rebuild that keeps unchanged pages. Whatever a killed build left there goes first.
 */
export function startNextSite(root = '.', from: 'empty' | 'live'): string {
  const next = nextSiteDir(root);
  rmSync(next, { recursive: true, force: true });
  const live = liveSiteDir(root);
  if (from === 'live' && existsSync(live)) linkTree(live, next);
  else mkdirSync(next, { recursive: true });
  return next;
}

/** Makes the finished next site dist/. */
export function swapInNextSite(root = '.'): void {
  const next = nextSiteDir(root);
  const live = liveSiteDir(root);
  const previous = previousSiteDir(root);
  if (!existsSync(join(next, 'index.html'))) throw new Error(`${next} holds no finished site (no index.html); dist/ is left as it was`);
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(live)) renameSync(live, previous);
  renameSync(next, live);
  rmSync(previous, { recursive: true, force: true });
}
