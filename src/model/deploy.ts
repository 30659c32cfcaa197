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
