/**
 * Every internal link, asset, download and feed goes through href(), so the same
 * sources build for a domain root or a sub-path (BASE_PATH=/atlas/).
 */
import { joinBase } from '../markdown/rehype-permalinks.ts';

export { joinBase };

/** "/" or "/atlas/": always with a trailing slash. */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/gu, '');
  return trimmed.length === 0 ? '/' : `/${trimmed}/`;
}

export const base = normalizeBase(import.meta.env.BASE_URL);

/** Site-relative path ("/shandong/taian/2024/") → path under the base. */
export function href(path: string): string {
  return joinBase(base, path);
}

/** Absolute URL of a site-relative path, for canonical links, feeds and citations. */
export function absoluteUrl(path: string, site: string | URL | undefined = import.meta.env.SITE): string {
  const origin = new URL(site ?? 'https://plan-atlas.example');
  return new URL(href(path), origin).href;
}
