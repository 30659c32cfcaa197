/**
 * Every file under a folder with its size: the one walk behind what the build says
 * of dist/ (the hosts it fits) and what the bench measures of each stage's output
 * and of the site's shape. Links are not followed, so a tree that links
 * node_modules is not walked into.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface SiteFile {
  path: string;
  /** The path under the folder walked, with `/` between segments. */
  relative: string;
  bytes: number;
}

/** The files under `dir` (none when it does not exist), in no set order. */
export function* siteFiles(dir: string): Generator<SiteFile> {
  if (!existsSync(dir)) return;
  // By hand: readdirSync's own recursion descends into linked folders.
  const folders = [dir];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) folders.push(path);
      else if (entry.isFile()) yield { path, relative: relative(dir, path).split(sep).join('/'), bytes: statSync(path).size };
    }
  }
}
