/**
 * The one order of text in generated output: by UTF-16 code units. Unlike
 * `localeCompare` it does not depend on the ICU build or the machine's locale, so
 * the same sources give the same bytes everywhere, and it needs no collator (a
 * thousand `localeCompare` calls cost some 10 ms in a run that parses one plan).
 * For ids and URLs (`[a-z0-9/-]`) it is the order `localeCompare` gives too.
 */
import type { Plan } from './plan.ts';

export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Plans newest first, then by id: the order of every listing. */
export function planOrder(a: { year: number; id: string }, b: { year: number; id: string }): number {
  return b.year - a.year || compareText(a.id, b.id);
}

/** What orders plans. */
export type PlanOrder = Pick<Plan, 'year' | 'url'> & { region: Pick<Plan['region'], 'path'> };

/** Newest year first, then by region path and URL, so ties never depend on read order: the atlas's order (src/site/atlas.ts) and its downloads'. */
export function comparePlans(a: PlanOrder, b: PlanOrder): number {
  return b.year - a.year || compareText(a.region.path.join('/'), b.region.path.join('/')) || compareText(a.url, b.url);
}
