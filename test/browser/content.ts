/**
 * What the browser tests walk to, chosen from the plans the build ingested, and the
 * committed URL ledger of the built tree.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { itemsOf, type Item, type Plan } from '../../src/model/plan.ts';

/** A prefecture's 工作要点 with enough items to walk prev/next (泰安 2024 when bundled). */
export function walkPlan(plans: Plan[]): Plan {
  const eligible = plans.filter((plan) => plan.region.path.length >= 2 && [...itemsOf(plan.sections)].length >= 3);
  const plan = eligible.find((candidate) => candidate.id === 'shandong/taian/2024') ?? eligible[0];
  if (plan === undefined) throw new Error('no ingested plan with a region below province level and at least 3 items');
  return plan;
}

export function itemList(plan: Plan): Item[] {
  return [...itemsOf(plan.sections)];
}

/** The site-relative URLs of a region and its ancestors: `/shandong/`, `/shandong/taian/`. */
export function regionUrls(plan: Plan): string[] {
  return plan.region.path.map((_, index) => `/${plan.region.path.slice(0, index + 1).join('/')}/`);
}

const ledgerExtensions = /\.(json|ya?ml|txt|csv|tsv)$/;
/** Folders that hold code, tests or build output, never the committed ledger. */
const skipped = new Set(['node_modules', 'dist', '.git', '.astro', '.cache', 'src', 'scripts', 'test', 'public']);

/**
 * The committed URL ledger: the one data file of the tree with "ledger" in its path
 * (content/ledger/urls.txt today). Read without assuming its format: every
 * site-relative path in it, a page's (`/shandong/taian/2024/7/`) or a file's
 * (`/shandong/taian/2024/source.txt`).
 */
export function findLedger(tree: string): string {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skipped.has(entry.name)) walk(path);
      } else if (/ledger/i.test(relative(tree, path)) && ledgerExtensions.test(entry.name)) {
        found.push(path);
      }
    }
  };
  walk(tree);
  if (found.length === 0) {
    throw new Error(`no URL ledger in ${tree}: the site issue wants a committed file (with "ledger" in its path) listing every published plan and item URL`);
  }
  if (found.length > 1) throw new Error(`more than one URL ledger: ${found.map((file) => relative(tree, file)).join(', ')}`);
  return found[0]!;
}

export function ledgerUrls(file: string): string[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  const urls = text.match(/(?<![\w./:-])\/(?:[a-z0-9][a-z0-9-]*\/)+(?:[a-z0-9][a-z0-9-]*(?:\.[a-z0-9]+)+(?![\w/]))?/g) ?? [];
  return [...new Set(urls)];
}
