/**
 * A stand-in project root for benchmark builds, outside the repo's content:
 * every top-level entry of the repo is a symbolic link (scripts, package.json…)
 * except
 *   - src/, public/ and astro.config.mjs, copied as they are now: Vite resolves
 *               real paths, and a linked source directory outside Astro's root
 *               confuses its compile cache
 *   - content/  a real directory: the corpus's plans, enrichment and ledger land
 *               here; the repo's curated inputs (content/taxonomy) are linked in
 *   - dist/     the build output
 *   - node_modules/  a real directory of links to the repo's packages, so that
 *               Astro's cache (node_modules/.astro, the content layer's data
 *               store) and Vite's stay in the benchmark and start empty
 * Every stage of `npm run build` resolves `content/…` against its working
 * directory or Astro's root, so run in this root they read and write only here,
 * with no option or environment hook in the site's own files.
 */
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Generated or per-machine entries of the repo root that a benchmark root must not share. */
const ownEntries = new Set(['content', 'dist', 'node_modules', '.astro', '.cache', '.git']);
/** Astro's own sources, copied rather than linked. */
const copiedEntries = new Set(['src', 'public', 'astro.config.mjs', 'astro.config.ts', 'tsconfig.json']);
/** Caches inside node_modules. */
const ownCaches = new Set(['.astro', '.vite', '.cache']);
/** Curated inputs under content/ that every stage may read (never written by the build). */
const sharedContent = ['taxonomy'];

export function writeSiteRoot(repo: string, root: string): string {
  const repoRoot = resolve(repo);
  mkdirSync(root, { recursive: true });
  for (const name of readdirSync(repoRoot)) {
    if (ownEntries.has(name)) continue;
    if (copiedEntries.has(name)) {
      cpSync(join(repoRoot, name), join(root, name), { recursive: true });
      continue;
    }
    symlinkSync(join(repoRoot, name), join(root, name));
  }
  const modules = join(root, 'node_modules');
  mkdirSync(modules, { recursive: true });
  for (const name of readdirSync(join(repoRoot, 'node_modules'))) {
    if (ownCaches.has(name)) continue;
    symlinkSync(join(repoRoot, 'node_modules', name), join(modules, name));
  }
  const content = join(root, 'content');
  mkdirSync(join(content, 'ledger'), { recursive: true });
  for (const name of sharedContent) {
    const source = join(repoRoot, 'content', name);
    if (existsSync(source) && !existsSync(join(content, name))) symlinkSync(source, join(content, name));
  }
  return root;
}

/** True when `path` is a real directory (not a link into the repo). */
export function isOwnDirectory(path: string): boolean {
  return existsSync(path) && lstatSync(path).isDirectory();
}
