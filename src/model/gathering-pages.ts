/**
 * The pages that gather items from across the atlas (a topic, a cited document, a
 * policy term) list them by plan, newest plan first, a fixed number of plans to a
 * page: /terms/{slug}/, then /terms/{slug}/2/, /terms/{slug}/3/… At 1,000 plans the
 * most used term's one page was 2.1 MB; a national atlas would make it 60 MB. The
 * list of all plans (/plans/, /plans/2/…) takes the same number of plans a page.
 * The first page keeps the URL such a page always had; later pages shift as plans
 * are added (a list, not a citation: items are cited at their own URLs).
 */
import { AtlasError } from './errors.ts';

export const defaultPlansPerPage = 100;

/** The folders of the pages that gather items: cited documents, policy terms, topics. */
export type GatheringSection = 'docs' | 'terms' | 'topics';

/** Site-relative path of the (first) page of a topic, cited document or policy term: "/terms/{slug}/". */
export function gatheringPath(section: GatheringSection, slug: string): string {
  return `/${section}/${slug}/`;
}

/** GATHERING_PAGE_PLANS overrides the default (the test builds use a small one). */
export function plansPerPage(env: Record<string, string | undefined> = process.env): number {
  const raw = env['GATHERING_PAGE_PLANS'];
  if (raw === undefined || raw.trim() === '') return defaultPlansPerPage;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new AtlasError('invalid-setting', `GATHERING_PAGE_PLANS="${raw}" is not a whole number ≥ 1`, `leave it unset for ${defaultPlansPerPage} plans a page, or give e.g. GATHERING_PAGE_PLANS=50`);
  }
  return value;
}

/** `groups` cut into pages of `perPage`; always at least one page, which may be empty. */
export function pagesOf<T>(groups: readonly T[], perPage: number): T[][] {
  const pages: T[][] = [];
  for (let start = 0; start < groups.length; start += perPage) pages.push(groups.slice(start, start + perPage));
  return pages.length > 0 ? pages : [[]];
}

/** Site-relative path of page `page` (from 1) of the gathering page at `firstPath` ("/terms/x/"). */
export function pagePath(firstPath: string, page: number): string {
  return page === 1 ? firstPath : `${firstPath}${page}/`;
}

/** The page numbers a pager shows: the first, the last, and those near the current one; null for a gap. */
export function pagerNumbers(page: number, pages: number, around = 2): (number | null)[] {
  const shown: (number | null)[] = [];
  for (let number = 1; number <= pages; number += 1) {
    if (number === 1 || number === pages || Math.abs(number - page) <= around) shown.push(number);
    else if (shown.at(-1) !== null) shown.push(null);
  }
  return shown;
}

/** A page's own title: page 1 as it always was, later pages with their number. */
export function pageTitle(title: string, page: number): string {
  return page === 1 ? title : `${title} · 第 ${page} 页`;
}

/** The last breadcrumbs of page `page`: the list itself, then (after page 1) the page's number. */
export function pageCrumbs(label: string, firstPath: string, page: number): { label: string; path?: string }[] {
  return page === 1 ? [{ label }] : [{ label, path: firstPath }, { label: `第 ${page} 页` }];
}
