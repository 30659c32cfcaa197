/**
 * Static hosts people publish the atlas on, with the limits of each that a site can
 * break (as the hosts document them), and the check the build runs against them.
 * "Any static host" has limits: at 1,000 plans dist/ holds some 45,000 files, which
 * already breaks Cloudflare Pages' free plan, and about 2,000 plans pass GitHub
 * Pages' 1 GB.
 */
import { AtlasError, formatError } from '../../src/model/errors.ts';
import { siteFiles } from './site-files.ts';

export interface Host {
  id: string;
  name: string;
  /** Files a site may hold, bytes a site may weigh, bytes one file may weigh; null where the host sets none. */
  maxFiles: number | null;
  maxSiteBytes: number | null;
  maxFileBytes: number | null;
}

const mib = 1024 * 1024;
const gb = 1000 * 1000 * 1000;

export const hosts: readonly Host[] = [
  { id: 'cloudflare-pages-free', name: 'Cloudflare Pages (free plan)', maxFiles: 20_000, maxSiteBytes: null, maxFileBytes: 25 * mib },
  { id: 'cloudflare-pages-paid', name: 'Cloudflare Pages (paid plans)', maxFiles: 100_000, maxSiteBytes: null, maxFileBytes: 25 * mib },
  { id: 'github-pages', name: 'GitHub Pages', maxFiles: null, maxSiteBytes: 1 * gb, maxFileBytes: 100 * mib },
  { id: 'gitlab-pages', name: 'GitLab Pages', maxFiles: 200_000, maxSiteBytes: 1 * gb, maxFileBytes: null },
];

export interface SiteSize {
  files: number;
  bytes: number;
  largest: { path: string; bytes: number } | null;
  /** The search index's fragment files (Pagefind's), which SEARCH_FRAGMENT_PAGES can share out among pages. */
  fragments: number;
}

export function measureSite(dir: string): SiteSize {
  const size: SiteSize = { files: 0, bytes: 0, largest: null, fragments: 0 };
  for (const { relative: path, bytes } of siteFiles(dir)) {
    size.files += 1;
    if (path.endsWith('.pf_fragment')) size.fragments += 1;
    size.bytes += bytes;
    // The first of equal sizes in path order, whatever order the folder lists them in.
    if (!size.largest || bytes > size.largest.bytes || (bytes === size.largest.bytes && path < size.largest.path)) size.largest = { path, bytes };
  }
  return size;
}

/** Each limit of `host` the site breaks, in words. */
export function brokenLimits(size: SiteSize, host: Host): string[] {
  const broken: string[] = [];
  const count = (value: number): string => value.toLocaleString('en-US');
  const mb = (bytes: number): string => `${(bytes / mib).toFixed(1)} MiB`;
  if (host.maxFiles !== null && size.files > host.maxFiles) broken.push(`${count(size.files)} files, over its ${count(host.maxFiles)} a site`);
  if (host.maxSiteBytes !== null && size.bytes > host.maxSiteBytes) broken.push(`${mb(size.bytes)}, over its ${mb(host.maxSiteBytes)} a site`);
  if (host.maxFileBytes !== null && size.largest && size.largest.bytes > host.maxFileBytes) broken.push(`${size.largest.path} is ${mb(size.largest.bytes)}, over its ${mb(host.maxFileBytes)} a file`);
  return broken;
}

/** Pages a search fragment file would hold in the host check's advice (SEARCH_FRAGMENT_PAGES). */
export const advisedFragmentPages = 4;

/**
 * Advice for a site with more files than `host` takes, when shared fragment files
 * would bring it under: how many files it would then hold, about.
 */
function sharedFragmentsAdvice(size: SiteSize, host: Host): string | null {
  if (host.maxFiles === null || size.files <= host.maxFiles || size.fragments === 0) return null;
  const files = size.files - size.fragments + Math.ceil(size.fragments / advisedFragmentPages);
  if (files > host.maxFiles) return null;
  return `keep ${advisedFragmentPages} pages a search fragment file (SEARCH_FRAGMENT_PAGES=${advisedFragmentPages}: about ${files.toLocaleString('en-US')} files; a search then fetches more bytes for the results it shows)`;
}

/**
 * What the build says of the site's size: one line with its files and bytes and the
 * hosts it fits; for the host named by DEPLOY_HOST, each limit it breaks and what to
 * do, with `fits` false.
 */
export function hostReport(size: SiteSize, hostId: string | undefined): { lines: string[]; fits: boolean } {
  const fitting = hosts.filter((host) => brokenLimits(size, host).length === 0);
  const lines = [`dist/ holds ${size.files.toLocaleString('en-US')} files, ${(size.bytes / mib).toFixed(1)} MiB; it fits ${fitting.length > 0 ? fitting.map((host) => host.name).join(', ') : 'none of the hosts the build knows'}`];
  if (hostId === undefined) return { lines, fits: true };
  const host = hosts.find((candidate) => candidate.id === hostId)!;
  const broken = brokenLimits(size, host);
  if (broken.length === 0) return { lines: [...lines, `it fits ${host.name} (DEPLOY_HOST=${host.id})`], fits: true };
  return {
    lines: [
      ...lines,
      formatError(
        new AtlasError(
          'over-host-limits',
          `the site does not fit ${host.name} (DEPLOY_HOST=${host.id}): ${broken.join('; ')}`,
          [
            fitting.length > 0 ? `publish it on ${fitting.map((candidate) => `${candidate.name} (DEPLOY_HOST=${candidate.id})`).join(' or ')}` : null,
            sharedFragmentsAdvice(size, host),
            "build a subset of the plans (a region's or some years' sources in content/sources/)",
          ].filter((advice) => advice !== null).join(', or '),
        ),
      ),
    ],
    fits: false,
  };
}
