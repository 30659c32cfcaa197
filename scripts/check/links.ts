/**
 * node scripts/check/links.ts [DIST] [--base /atlas/] [--site https://example.org]
 *
 * Checks every internal link of a built site offline: each href, src, srcset,
 * form action, meta refresh and canonical/OpenGraph URL of every HTML page, and
 * every sitemap <loc>, must name a file in the build under the base path, and a
 * #fragment must name an id on the page it points to. Links to folders must end in
 * "/" (the site's trailing-slash policy), and 404.html, which hosts serve at any
 * URL, must not use relative links. Prints the problems and exits 1 if there are any.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import type { Element, Root } from 'hast';
import { rehype } from 'rehype';
import { visit } from 'unist-util-visit';
import { basePath, configuredSiteUrl, normalizeBase } from '../../src/model/deploy.ts';

export interface LinkProblem {
  /** The page (or sitemap) the link is on, relative to the build, e.g. `shandong/index.html`. */
  file: string;
  /** The link as written. */
  link: string;
  problem: string;
}

export interface LinkReport {
  pages: number;
  /** Internal links checked. */
  links: number;
  /** Links to other sites, not checked (the site may link to where a plan was published). */
  external: number;
  problems: LinkProblem[];
}

export interface LinkOptions {
  /** The base path the site was built for, `/` or `/atlas/`. */
  base: string;
  /** SITE_URL the site was built for: absolute links under it are internal. */
  siteUrl?: string;
}

/** A placeholder origin for resolving relative links; never requested. */
const origin = 'http://site.invalid';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The URL path a host serves a built file at: `a/index.html` → `/base/a/`. */
export function pagePath(file: string, base: string): string {
  if (file === 'index.html') return base;
  if (file.endsWith('/index.html')) return `${base}${file.slice(0, -'index.html'.length)}`;
  return `${base}${file}`;
}

interface Page {
  ids: Set<string>;
  links: string[];
}

function attribute(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  if (value === undefined || value === null || value === false) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

function readPage(html: string): Page {
  const tree = rehype().parse(html) as Root;
  const ids = new Set<string>();
  const links: string[] = [];
  visit(tree, 'element', (element: Element) => {
    const id = attribute(element, 'id');
    if (id !== undefined) ids.add(id);
    if (element.tagName === 'a' && attribute(element, 'name') !== undefined) ids.add(attribute(element, 'name')!);
    for (const name of ['href', 'src', 'action', 'poster', 'data']) {
      const value = attribute(element, name);
      // <base href> and <form> without action have nothing to check.
      if (value !== undefined && element.tagName !== 'base') links.push(value);
    }
    for (const name of ['srcSet', 'imageSrcSet']) {
      const value = attribute(element, name);
      if (value !== undefined) links.push(...srcsetUrls(value));
    }
    if (element.tagName === 'meta') {
      const content = attribute(element, 'content') ?? '';
      const key = attribute(element, 'property') ?? attribute(element, 'name') ?? '';
      const equiv = (attribute(element, 'httpEquiv') ?? '').toLowerCase();
      if (equiv === 'refresh') {
        const target = /url\s*=\s*['"]?([^'"]+)/i.exec(content)?.[1];
        if (target !== undefined) links.push(target.trim());
      } else if (/^(og:url|og:image|twitter:image|citation_(abstract_html_url|fulltext_html_url|pdf_url|public_url))$/.test(key)) {
        links.push(content);
      }
    }
  });
  return { ids, links };
}

function sitemapLinks(xml: string): string[] {
  return [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((match) => match[1]!.replace(/&amp;/g, '&'));
}

/** Checks a built site; see the file comment for the rules. */
export function checkLinks(dist: string, options: LinkOptions): LinkReport {
  const base = options.base;
  const files = filesUnder(dist);
  const fileSet = new Set(files);
  const pages = new Map<string, Page>();
  for (const file of files.filter((name) => name.endsWith('.html'))) pages.set(file, readPage(readFileSync(join(dist, file), 'utf8')));
  const sitePrefix = options.siteUrl === undefined ? undefined : new URL(base, options.siteUrl).href;
  const report: LinkReport = { pages: pages.size, links: 0, external: 0, problems: [] };

  const check = (file: string, from: string, link: string, ids: Set<string> | undefined) => {
    const problem = (text: string) => report.problems.push({ file, link, problem: text });
    const trimmed = link.trim();
    if (trimmed === '' || /^(mailto|tel|javascript|data|blob|about):/i.test(trimmed)) return;
    let target = trimmed;
    if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(trimmed)) {
      if (sitePrefix !== undefined && trimmed.startsWith(sitePrefix)) {
        target = `${base}${trimmed.slice(sitePrefix.length)}`;
      } else if (sitePrefix !== undefined && `${trimmed}/` === sitePrefix) {
        target = base;
      } else {
        report.external++;
        return;
      }
    } else if (file === '404.html' && !trimmed.startsWith('/') && !trimmed.startsWith('#')) {
      problem('relative link on the 404 page, which hosts serve at any URL: make it root-relative');
    }
    report.links++;
    const url = new URL(target, `${origin}${from}`);
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      problem('undecodable percent-encoding');
      return;
    }
    if (!path.startsWith(base)) {
      problem(`outside the base path ${base}`);
      return;
    }
    const local = path.slice(base.length);
    let targetFile: string;
    if (local === '' || local.endsWith('/')) {
      targetFile = `${local}index.html`;
      if (!fileSet.has(targetFile)) {
        problem(`no page: ${targetFile} is not in the build`);
        return;
      }
    } else if (fileSet.has(local)) {
      targetFile = local;
    } else if (existsSync(join(dist, local)) && statSync(join(dist, local)).isDirectory()) {
      problem('links to a folder without its trailing slash');
      return;
    } else {
      problem(`no file: ${local} is not in the build`);
      return;
    }
    const fragment = url.hash.slice(1);
    if (fragment === '') return;
    let id: string;
    try {
      id = decodeURIComponent(fragment);
    } catch {
      problem('undecodable fragment');
      return;
    }
    const targetIds = targetFile === file ? ids : pages.get(targetFile)?.ids;
    if (targetIds === undefined) return;
    if (!targetIds.has(id)) problem(`no element with id "${id}" on ${targetFile}`);
  };

  for (const [file, page] of pages) {
    const from = pagePath(file, base);
    for (const link of page.links) check(file, from, link, page.ids);
  }
  for (const file of files.filter((name) => /^sitemap[^/]*\.xml$/.test(name))) {
    for (const link of sitemapLinks(readFileSync(join(dist, file), 'utf8'))) {
      if (sitePrefix === undefined || !link.startsWith(sitePrefix)) {
        if (sitePrefix !== undefined) report.problems.push({ file, link, problem: `sitemap entry not under ${sitePrefix}` });
        continue;
      }
      check(file, base, link, undefined);
    }
  }
  return report;
}

export function formatProblems(problems: LinkProblem[]): string {
  return problems.map((p) => `${p.file}: ${p.link} — ${p.problem}`).join('\n');
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { base: { type: 'string' }, site: { type: 'string' } },
  });
  const dist = positionals[0] ?? 'dist';
  const base = values.base === undefined ? basePath() : normalizeBase(values.base);
  const siteUrl = values.site ?? configuredSiteUrl();
  const report = checkLinks(dist, siteUrl === undefined ? { base } : { base, siteUrl });
  console.log(`${report.pages} pages, ${report.links} internal links checked, ${report.external} external links not followed`);
  if (report.problems.length > 0) {
    console.error(formatProblems(report.problems));
    console.error(`${report.problems.length} broken links`);
    process.exitCode = 1;
  }
}
