/**
 * Every internal link, asset, download and feed goes through href(), so the same
 * sources build for a domain root or a sub-path (BASE_PATH=/atlas/).
 */
import { joinBase } from '../markdown/rehype-permalinks.ts';
import { basePath, normalizeBase, siteUrl } from '../model/deploy.ts';

export { joinBase, normalizeBase };

export const base = basePath();

/** Site-relative path ("/shandong/taian/2024/") → path under the base. */
export function href(path: string): string {
  return joinBase(base, path);
}

/** Absolute URL of a site-relative path, for canonical links, feeds and citations. */
export function absoluteUrl(path: string, site: string = siteUrl()): string {
  // Every page asks for several: the site's URL is parsed once, not each time.
  if (parsedSite?.site !== site) parsedSite = { site, url: new URL(site) };
  return new URL(href(path), parsedSite.url).href;
}

let parsedSite: { site: string; url: URL } | undefined;
