// @ts-check
/**
 * SITE_URL and BASE_PATH make the same sources build for a domain root or a
 * sub-path (BASE_PATH=/atlas/). Trailing slashes always, one folder per page, so
 * any static host that serves index.html for folders serves every URL.
 */
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import rehypeLinkTerms from './src/markdown/rehype-link-terms.ts';
import rehypePermalinks from './src/markdown/rehype-permalinks.ts';
import { loadLinkTargets } from './scripts/link/targets.ts';
import remarkHeadingIds from './src/markdown/remark-heading-ids.ts';
import { basePath as deployBase, siteUrl } from './src/site/deploy.ts';

const site = siteUrl();
const basePath = deployBase();

export default defineConfig({
  site,
  base: basePath,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // One cached stylesheet instead of CSS repeated in every page keeps item pages small.
    inlineStylesheets: 'never',
  },
  devToolbar: { enabled: false },
  markdown: {
    syntaxHighlight: false,
    processor: unified({
      // The plans' text is kept as printed: no smart quotes, no GFM autolinks or strikethrough.
      gfm: false,
      smartypants: false,
      remarkPlugins: [remarkHeadingIds],
      rehypePlugins: [[rehypePermalinks, { base: basePath }], [rehypeLinkTerms, { targets: () => loadLinkTargets(basePath) }]],
    }),
  },
});
