/**
 * What every page of the built site must have, checked statically over all of
 * dist/ (the browser tests only visit some): zh-CN, a title, one main landmark,
 * nothing that would make a browser ask another host for anything, and nothing
 * repeated on every page that a cached file could hold once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Element, Root } from 'hast';
import { rehype } from 'rehype';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtSite, type BuiltSite } from '../browser/build.ts';

const files = (site: BuiltSite, extension: string) =>
  readdirSync(site.dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();

const text = (value: unknown) => (Array.isArray(value) ? value.join(' ') : value === undefined || value === null ? '' : String(value));

/** Elements whose URL the browser fetches by itself (links people click are not requests). */
function fetchedUrls(element: Element): string[] {
  const { tagName, properties } = element;
  const rel = text(properties['rel']).toLowerCase().split(/\s+/);
  const urls: string[] = [];
  if (['script', 'img', 'iframe', 'source', 'video', 'audio', 'track', 'embed', 'input'].includes(tagName)) urls.push(text(properties['src']));
  if (['img', 'source'].includes(tagName)) urls.push(...text(properties['srcSet']).split(',').map((c) => c.trim().split(/\s+/)[0] ?? ''));
  if (tagName === 'object') urls.push(text(properties['data']));
  if (tagName === 'video') urls.push(text(properties['poster']));
  if (tagName === 'link' && rel.some((r) => ['stylesheet', 'icon', 'preload', 'modulepreload', 'prefetch', 'preconnect', 'dns-prefetch', 'manifest', 'apple-touch-icon'].includes(r))) {
    urls.push(text(properties['href']));
  }
  return urls.filter((url) => url !== '');
}

const otherHost = (url: string) => /^(https?:)?\/\//i.test(url.trim());

for (const kind of ['root', 'atlas'] as const) {
  describe(`every page of dist/ (${kind === 'root' ? 'default base' : 'BASE_PATH=/atlas/'})`, () => {
    let site: BuiltSite;
    beforeAll(async () => {
      site = await builtSite(kind);
    });

    it('is zh-CN, titled, UTF-8 and has exactly one main landmark', () => {
      const problems: string[] = [];
      const pages = files(site, '.html');
      expect(pages.length).toBeGreaterThan(0);
      for (const file of pages) {
        const html = readFileSync(file, 'utf8');
        const tree = rehype().parse(html) as Root;
        let lang = '';
        let title = '';
        let mains = 0;
        let charset = false;
        let redirect = false;
        visit(tree, 'element', (element: Element) => {
          if (element.tagName === 'html') lang = text(element.properties['lang']);
          if (element.tagName === 'title') title = element.children.map((child) => ('value' in child ? child.value : '')).join('').trim();
          if (element.tagName === 'main' || text(element.properties['role']) === 'main') mains++;
          if (element.tagName === 'meta' && text(element.properties['charSet']).toLowerCase() === 'utf-8') charset = true;
          if (element.tagName === 'meta' && text(element.properties['httpEquiv']).toLowerCase() === 'refresh') redirect = true;
        });
        const name = relative(site.dist, file);
        if (lang !== 'zh-CN') problems.push(`${name}: lang="${lang}"`);
        if (title === '') problems.push(`${name}: no <title>`);
        if (!charset) problems.push(`${name}: no <meta charset="utf-8">`);
        // A redirect page for a moved URL may be a bare forwarding page.
        if (mains !== 1 && !redirect) problems.push(`${name}: ${mains} main landmarks`);
      }
      expect(problems).toEqual([]);
    });

    it('loads nothing from another host: no script, style, font, image or frame from elsewhere', () => {
      const problems: string[] = [];
      for (const file of files(site, '.html')) {
        const tree = rehype().parse(readFileSync(file, 'utf8')) as Root;
        visit(tree, 'element', (element: Element) => {
          for (const url of fetchedUrls(element)) if (otherHost(url)) problems.push(`${relative(site.dist, file)}: <${element.tagName}> ${url}`);
          const style = text(element.properties['style']);
          if (/url\(\s*['"]?(https?:)?\/\//i.test(style)) problems.push(`${relative(site.dist, file)}: style ${style}`);
        });
      }
      for (const file of files(site, '.css')) {
        const css = readFileSync(file, 'utf8');
        for (const match of css.matchAll(/(?:url\(\s*['"]?|@import\s+['"])((?:https?:)?\/\/[^'")\s]+)/gi)) problems.push(`${relative(site.dist, file)}: ${match[1]}`);
      }
      expect(problems).toEqual([]);
    });

    // A host's size limit counts every page: what could be said once in a cached file is not said on each.
    it('repeats no script body, no scoped-style stamp and no %XX-escaped Chinese on a page', () => {
      const problems: string[] = [];
      for (const file of files(site, '.html')) {
        const html = readFileSync(file, 'utf8');
        const name = relative(site.dist, file);
        for (const match of html.matchAll(/<script type="module">/gu)) problems.push(`${name}: inline module script at ${match.index}`);
        const stamps = html.match(/ data-astro-cid-[a-z0-9]+/gu)?.length ?? 0;
        if (stamps > 50) problems.push(`${name}: ${stamps} scoped-style attributes`);
        if (/href="data:[^"]*%E[4-9]%/u.test(html)) problems.push(`${name}: a data: link with escaped Chinese`);
      }
      expect(problems).toEqual([]);
    });
  });
}
