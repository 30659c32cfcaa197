/**
 * The link checker on small sites written for each case.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../temporary.ts';
import { checkLinks, pagePath } from '../../scripts/check/links.ts';

const html = (body: string, head = '') =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title>${head}</head><body>${body}</body></html>`;

function site(files: Record<string, string>): string {
  const dir = temporaryFolder('atlas-links-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const problems = (dir: string, base = '/', siteUrl?: string) =>
  checkLinks(dir, siteUrl === undefined ? { base } : { base, siteUrl }).problems.map((p) => `${p.file} ${p.link}: ${p.problem}`);

describe('pagePath', () => {
  it('serves folders at their slash and files at their name, under the base', () => {
    expect(pagePath('index.html', '/atlas/')).toBe('/atlas/');
    expect(pagePath('shandong/index.html', '/')).toBe('/shandong/');
    expect(pagePath('404.html', '/atlas/')).toBe('/atlas/404.html');
  });
});

describe('checkLinks', () => {
  it('accepts a site whose links, assets and fragments all resolve', () => {
    const dir = site({
      'index.html': html('<a href="#main">跳到正文</a><main id="main"><a href="/shandong/">山东</a><a href="shandong/taian/2024/#item-7">7</a></main>', '<link rel="stylesheet" href="/_astro/a.css">'),
      'shandong/index.html': html('<a href="../">首页</a><a href="taian/2024/">泰安</a><img src="/logo.svg" srcset="/logo.svg 1x, /logo.svg 2x" alt="">'),
      'shandong/taian/2024/index.html': html('<h2 id="item-7">7.</h2><a href="https://www.taian.gov.cn/x.html">原文</a>'),
      '_astro/a.css': 'a{}',
      'logo.svg': '<svg/>',
    });
    const report = checkLinks(dir, { base: '/' });
    expect(report.problems).toEqual([]);
    expect(report.pages).toBe(3);
    expect(report.external).toBe(1);
    expect(report.links).toBe(9);
  });

  it('reports a missing page, a missing asset and a missing anchor', () => {
    const dir = site({
      'index.html': html('<a href="/nowhere/">x</a><script src="/_astro/gone.js"></script><a href="/a/#item-9">9</a><a href="#nothing">n</a>'),
      'a/index.html': html('<h2 id="item-1">1</h2>'),
    });
    expect(problems(dir)).toEqual([
      'index.html /nowhere/: no page: nowhere/index.html is not in the build',
      'index.html /_astro/gone.js: no file: _astro/gone.js is not in the build',
      'index.html /a/#item-9: no element with id "item-9" on a/index.html',
      'index.html #nothing: no element with id "nothing" on index.html',
    ]);
  });

  it('holds links to the base path and the trailing-slash policy', () => {
    const dir = site({
      'index.html': html('<a href="/shandong/">ignores base</a><a href="/atlas/shandong">no slash</a><a href="/atlas/shandong/">ok</a>'),
      'shandong/index.html': html(''),
    });
    expect(problems(dir, '/atlas/')).toEqual([
      'index.html /shandong/: outside the base path /atlas/',
      'index.html /atlas/shandong: links to a folder without its trailing slash',
    ]);
  });

  it('treats absolute links under SITE_URL as internal, including canonical, og:url and meta refresh', () => {
    const dir = site({
      'index.html': html('', '<link rel="canonical" href="https://atlas.example.org/atlas/"><meta property="og:url" content="https://atlas.example.org/atlas/gone/">'),
      'old/index.html': html('', '<meta http-equiv="refresh" content="0; url=/atlas/new/">'),
      'sitemap-0.xml': '<urlset><url><loc>https://atlas.example.org/atlas/</loc></url><url><loc>https://atlas.example.org/atlas/old/</loc></url><url><loc>https://atlas.example.org/atlas/missing/</loc></url></urlset>',
    });
    expect(problems(dir, '/atlas/', 'https://atlas.example.org')).toEqual([
      'index.html https://atlas.example.org/atlas/gone/: no page: gone/index.html is not in the build',
      'old/index.html /atlas/new/: no page: new/index.html is not in the build',
      'sitemap-0.xml https://atlas.example.org/atlas/missing/: no page: missing/index.html is not in the build',
    ]);
  });

  it('refuses relative links on the 404 page, which is served at any URL', () => {
    const dir = site({
      '404.html': html('<a href="search/">搜索</a><a href="/">首页</a>'),
      'index.html': html(''),
      'search/index.html': html(''),
    });
    expect(problems(dir)).toEqual([
      '404.html search/: relative link on the 404 page, which hosts serve at any URL: make it root-relative',
    ]);
  });

  it('decodes Chinese paths and fragments', () => {
    const dir = site({
      'index.html': html('<a href="/%E6%90%9C%E7%B4%A2/#%E7%BB%93%E6%9E%9C">搜索</a>'),
      '搜索/index.html': html('<div id="结果"></div>'),
    });
    expect(problems(dir)).toEqual([]);
  });
});
