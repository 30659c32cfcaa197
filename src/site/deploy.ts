/**
 * Where the site is published: SITE_URL and BASE_PATH from the environment of the
 * build. astro.config.mjs and the pages both read them here, at build time, so
 * they cannot disagree (import.meta.env.BASE_URL can: Astro resolves it from
 * process.env at render time, where a stray BASE_URL variable would win).
 */
export const defaultSiteUrl = 'https://plan-atlas.example';

/** "/" or "/atlas/": always with leading and trailing slashes. */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/gu, '');
  return trimmed.length === 0 ? '/' : `/${trimmed}/`;
}

export function basePath(env: Record<string, string | undefined> = process.env): string {
  return normalizeBase(env['BASE_PATH']);
}

export function siteUrl(env: Record<string, string | undefined> = process.env): string {
  const value = env['SITE_URL']?.trim();
  return value && value.length > 0 ? value : defaultSiteUrl;
}
