// @ts-check
/**
 * SITE_URL and BASE_PATH make the same sources build for a domain root or a
 * sub-path (BASE_PATH=/atlas/). Trailing slashes always, one folder per page, so
 * any static host that serves index.html for folders serves every URL.
 */
import { defineConfig } from 'astro/config';
import { basePath as deployBase, prerenderWorkers, siteUrl } from './src/model/deploy.ts';

const site = siteUrl();
const basePath = deployBase();
const workers = prerenderWorkers();

export default defineConfig({
  site,
  base: basePath,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // One cached stylesheet instead of CSS repeated in every page keeps item pages small.
    inlineStylesheets: 'never',
    // Pages render while earlier ones are written: with one at a time, the build waited on
    // each page's mkdir and write (at 1,000 plans 31-42 s against 35-54 s, back to back).
    concurrency: 4,
  },
  // Scripts go to cached files of their own: inlined, the copy buttons' script alone was
  // 1 KB in each of the ~20 item pages a plan has, and a host's size limit counts them all.
  vite: { build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) } },
  devToolbar: { enabled: false },
  // Pages rendered by several workers at once (PRERENDER_WORKERS; src/model/deploy.ts).
  ...(workers > 1 ? { experimental: { parallelPrerender: { workers } } } : {}),
  // The plans' Markdown is rendered by src/markdown/plan-body.ts when a plan page is built.
});
