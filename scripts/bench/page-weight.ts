/**
 * What a reader's browser downloads for one typical item page: its HTML, the
 * stylesheets it links and the scripts it runs (inline or linked). "Typical" is
 * the item page of median HTML size, so one long item does not stand for all.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';

export interface PageWeight {
  /** The page, relative to dist/. */
  page: string;
  itemPages: number;
  htmlBytes: number;
  cssBytes: number;
  jsBytes: number;
}

function elements(node: Nodes, found: Element[] = []): Element[] {
  if (node.type === 'element') found.push(node);
  if ('children' in node) for (const child of node.children) elements(child as Nodes, found);
  return found;
}

/** Item pages are folders named by an item key (7, 2-14, 1-1-1) under a plan's year. */
const itemPage = /(?:^|\/)\d{4}\/(?:[a-z-]+\/)?\d+(?:-\d+)*\/index\.html$/u;

export function typicalItemPageWeight(dist: string, base = '/'): PageWeight | null {
  const pages = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name === 'index.html')
    .map((entry) => join(entry.parentPath, entry.name).slice(dist.length + 1))
    .filter((page) => itemPage.test(page))
    .map((page) => ({ page, size: statSync(join(dist, page)).size }))
    .sort((a, b) => a.size - b.size || a.page.localeCompare(b.page));
  const median = pages[Math.floor(pages.length / 2)];
  if (!median) return null;

  const tree = fromHtml(readFileSync(join(dist, median.page), 'utf8'));
  const local = (url: string): string | null => {
    if (!url.startsWith(base)) return null;
    const file = join(dist, url.slice(base.length).split(/[?#]/u)[0] ?? '');
    return existsSync(file) && statSync(file).isFile() ? file : null;
  };
  const sizeOf = (url: unknown): number => {
    const file = typeof url === 'string' ? local(url) : null;
    return file ? statSync(file).size : 0;
  };
  let cssBytes = 0;
  let jsBytes = 0;
  for (const element of elements(tree)) {
    const rel = element.properties['rel'];
    if (element.tagName === 'link' && Array.isArray(rel) && rel.includes('stylesheet')) cssBytes += sizeOf(element.properties['href']);
    if (element.tagName === 'style') cssBytes += Buffer.byteLength(element.children.map((child) => ('value' in child ? child.value : '')).join(''));
    if (element.tagName === 'script' && element.properties['type'] !== 'application/ld+json') {
      jsBytes += element.properties['src'] === undefined
        ? Buffer.byteLength(element.children.map((child) => ('value' in child ? child.value : '')).join(''))
        : sizeOf(element.properties['src']);
    }
  }
  return { page: median.page, itemPages: pages.length, htmlBytes: median.size, cssBytes, jsBytes };
}

export function formatPageWeight(weight: PageWeight): string {
  const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
  return `typical item page ${weight.page} (median of ${weight.itemPages}): HTML ${kb(weight.htmlBytes)} KB (aim < 30 KB), CSS ${kb(weight.cssBytes)} KB, JS ${kb(weight.jsBytes)} KB (copy buttons only)`;
}
