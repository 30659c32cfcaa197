/**
 * Where the site is published: SITE_URL and BASE_PATH from the environment of the
 * build. This is the one module that reads them: astro.config.mjs, the pages, the
 * search index, the link check and the bench all ask here, at build time, so
 * they cannot disagree (import.meta.env.BASE_URL can: Astro resolves it from
 * process.env at render time, where a stray BASE_URL variable would win).
 */
import { AtlasError } from './errors.ts';

export const defaultSiteUrl = 'https://plan-atlas.example';

/** "/" or "/atlas/": always with leading and trailing slashes. */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/gu, '');
  return trimmed.length === 0 ? '/' : `/${trimmed}/`;
}

export function basePath(env: Record<string, string | undefined> = process.env): string {
  return normalizeBase(env['BASE_PATH']);
}

/** SITE_URL as set, or undefined when the build has none (its URLs are then preview addresses). */
export function configuredSiteUrl(env: Record<string, string | undefined> = process.env): string | undefined {
  const value = env['SITE_URL']?.trim();
  return value && value.length > 0 ? value : undefined;
}

export function siteUrl(env: Record<string, string | undefined> = process.env): string {
  const value = env['SITE_URL']?.trim();
  return value && value.length > 0 ? value : defaultSiteUrl;
}

/**
 * The static host the site is built for (DEPLOY_HOST), whose limits the build checks
 * before anyone uploads: see scripts/build/hosts.ts for the hosts and their limits.
 * Unset: the build says which of them the site fits, and fails on none.
 */
export function deployHost(known: readonly string[], env: Record<string, string | undefined> = process.env): string | undefined {
  const value = env['DEPLOY_HOST']?.trim();
  if (value === undefined || value === '') return undefined;
  if (!known.includes(value)) {
    throw new AtlasError('invalid-setting', `DEPLOY_HOST="${value}" names no host the build knows`, `use one of ${known.join(', ')}, or leave it unset`);
  }
  return value;
}

/**
 * How many workers Astro renders the pages with (PRERENDER_WORKERS), its
 * `experimental.parallelPrerender`: unset or 1, one page at a time in Astro's own
 * thread; 2 or more, that many workers. On a 2-core machine at 1,000 plans two
 * workers rendered the routes some 7 % faster but took 0.9 GB more memory (each worker
 * loads the atlas's data for itself), which breaks the 2 GB aim, so it is a choice for
 * machines with more cores and memory (docs/performance-log.md).
 */
export const defaultPrerenderWorkers = 1;

export function prerenderWorkers(env: Record<string, string | undefined> = process.env): number {
  const value = env['PRERENDER_WORKERS']?.trim();
  if (value === undefined || value === '') return defaultPrerenderWorkers;
  const workers = Number(value);
  if (!Number.isInteger(workers) || workers < 1) {
    throw new AtlasError('invalid-setting', `PRERENDER_WORKERS="${value}" is not a whole number of workers`, 'use 1 to render one page at a time, 2 or more to render in parallel, or leave it unset');
  }
  return workers;
}
