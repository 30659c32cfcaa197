/**
 * Which pages of a route to render in this build. `astro build` alone renders them
 * all. Run by scripts/cli/astro-build.ts with PLAN_ATLAS_PAGE_KEYS set to its cache
 * folder, a route also writes every page's key (page-keys.ts) to next/{route}.json,
 * and leaves out the pages whose key is the one kept/{route}.json gives: pages the
 * last build wrote with the same code, which are still in dist/.
 *
 * Files are named relative to dist/, the key maps `{file: key}`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const pageKeysEnv = 'PLAN_ATLAS_PAGE_KEYS';

export type PageKeyMap = Record<string, string>;

export const keptKeysFile = (dir: string, route: string): string => join(dir, 'kept', `${route}.json`);
export const nextKeysFile = (dir: string, route: string): string => join(dir, 'next', `${route}.json`);

export interface KeyedPage<Params, Props> {
  params: Params;
  props: Props;
  /** The file the page becomes, relative to dist/ (`shandong/taian/2024/index.html`). */
  file: string;
  key: string;
}

/** The paths for getStaticPaths: the pages to render in this build, without their file and key. */
export function pagesToRender<Params, Props>(
  route: string,
  pages: readonly KeyedPage<Params, Props>[],
  env: NodeJS.ProcessEnv = process.env,
): { params: Params; props: Props }[] {
  const paths = (list: readonly KeyedPage<Params, Props>[]) => list.map(({ params, props }) => ({ params, props }));
  const dir = env[pageKeysEnv];
  if (dir === undefined || dir === '') return paths(pages);
  const next: PageKeyMap = {};
  for (const page of [...pages].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) next[page.file] = page.key;
  mkdirSync(join(dir, 'next'), { recursive: true });
  writeFileSync(nextKeysFile(dir, route), JSON.stringify(next));
  const keptFile = keptKeysFile(dir, route);
  const kept = existsSync(keptFile) ? (JSON.parse(readFileSync(keptFile, 'utf8')) as PageKeyMap) : {};
  return paths(pages.filter((page) => kept[page.file] !== page.key));
}
