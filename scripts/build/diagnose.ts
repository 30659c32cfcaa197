/**
 * Why a build stage could not write: a full disk or a read-only folder. A stage that
 * fails prints its own error (Astro's, Node's); the build adds what to do about the
 * machine, which those errors do not say.
 */
import { accessSync, constants, existsSync, statfsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

const mountedDist =
  'a build replaces dist/ whole by renaming the new site into its place, so dist/ must be a writable folder on the project\'s own disk, not a mount: deploy from it (or copy it to where it is served) instead of mounting the served folder there';

/** Below this much free space a build of even a few plans cannot finish. */
export const minFreeBytes = 64 * 1024 * 1024;

/** Folders a build writes into (dist/ itself is renamed, so its parent, the project folder, must be writable). */
const writtenFolders = ['.', 'content', 'content/plans', 'content/enrichment', 'content/ledger', '.cache'];

export function machineProblems(root = '.'): string[] {
  const problems: string[] = [];
  try {
    const disk = statfsSync(resolve(root));
    const free = disk.bavail * disk.bsize;
    if (free < minFreeBytes) {
      problems.push(`the disk is full or nearly so (${(free / 1024 / 1024).toFixed(1)} MiB free): free some space (or build on a larger disk) and build again`);
    }
  } catch {
    // A system without statfs still gets the folder checks.
  }
  for (const folder of writtenFolders) {
    const path = resolve(root, folder);
    if (!existsSync(path)) continue;
    try {
      accessSync(path, constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push(`${folder === '.' ? 'the project folder' : `${folder}/`} is not writable (${code}): the build writes there; make it writable (remount it read-write, or fix its owner or mode) and build again`);
    }
  }
  // dist/ is replaced by a rename, which a read-only dist/ or one mounted on its own refuses.
  const dist = resolve(root, 'dist');
  if (existsSync(dist)) {
    try {
      accessSync(dist, constants.W_OK);
      if (statSync(dist).dev !== statSync(resolve(root)).dev) problems.push(mountedDist);
    } catch (error) {
      problems.push(`dist/ is not writable (${(error as NodeJS.ErrnoException).code}): ${mountedDist}`);
    }
  }
  return problems;
}
