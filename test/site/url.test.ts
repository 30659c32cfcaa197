import { describe, expect, it } from 'vitest';
import { absoluteUrl, normalizeBase } from '../../src/site/url.ts';

describe('normalizeBase', () => {
  it('always has leading and trailing slashes, and / for the root', () => {
    expect(normalizeBase(undefined)).toBe('/');
    expect(normalizeBase('/')).toBe('/');
    expect(normalizeBase('')).toBe('/');
    expect(normalizeBase('atlas')).toBe('/atlas/');
    expect(normalizeBase('/atlas')).toBe('/atlas/');
    expect(normalizeBase('/a/b/')).toBe('/a/b/');
  });
});

describe('absoluteUrl', () => {
  it('puts a site-relative path on the site origin', () => {
    // vitest runs with BASE_URL "/", so the base adds nothing here.
    expect(absoluteUrl('/shandong/taian/2024/7/', 'https://example.org')).toBe('https://example.org/shandong/taian/2024/7/');
    expect(absoluteUrl('/', 'https://example.org/')).toBe('https://example.org/');
  });
});

describe('deploy settings', () => {
  it('reads BASE_PATH and SITE_URL, ignoring a stray BASE_URL', async () => {
    const { basePath, siteUrl, defaultSiteUrl } = await import('../../src/model/deploy.ts');
    expect(basePath({ BASE_PATH: 'atlas', BASE_URL: '/' })).toBe('/atlas/');
    expect(basePath({})).toBe('/');
    expect(siteUrl({ SITE_URL: 'https://e.org' })).toBe('https://e.org');
    expect(siteUrl({ SITE_URL: ' ' })).toBe(defaultSiteUrl);
  });
});
