/**
 * Output: generated collections replace the old ones whole. Files are written
 * into a staging folder first and swapped in by rename, so a run that fails
 * or is killed never leaves a half-written collection behind.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Collection folder name under content/ → (path inside it → file text). */
export type GeneratedCollections = ReadonlyMap<string, ReadonlyMap<string, string>>;

export function replaceCollections(contentDirectory: string, collections: GeneratedCollections): void {
  const staging = join(contentDirectory, `.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const [collection, files] of collections) {
      const root = join(staging, collection);
      mkdirSync(root, { recursive: true });
      for (const [path, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
        const target = join(root, path);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, text);
      }
    }
    for (const collection of collections.keys()) {
      const live = join(contentDirectory, collection);
      const retired = join(staging, `${collection}.retired`);
      rmSync(retired, { recursive: true, force: true });
      try {
        renameSync(live, retired);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      renameSync(join(staging, collection), live);
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
