/**
 * The facets of the search page, as they appear in its URL (?year=…&topic=…), and
 * how the page filters, counts and orders by them. Kept free of imports: the search
 * page's script bundles this file, and anything it imported (the model, and with it
 * zod) would ship to every reader.
 *
 * Why the page does this itself rather than ask Pagefind: Pagefind 1.6 counts
 * filter values by testing every page of every value against a list of the results
 * (a linear search), so once its filter index is loaded every query costs results ×
 * filter entries — 3 to 4 s a query at 3,000 plans; and the index is in shards
 * (shards.ts), whose results Pagefind merges by score alone, so its own sort by year
 * would not hold across them. The facet table lets the page filter, count and order
 * the hits it already has, in one pass each.
 */
/** Facets of a plan; `prefecture` (the city) is none for a province's own plan. */
export const planFacetKeys = ['year', 'province', 'prefecture', 'level', 'kind'] as const;
/** Facets of a page rather than of its plan: an item's topics, and the kinds of commitment it holds. */
export const pageFacetKeys = ['topic', 'commitment'] as const;
export const facetKeys = [...planFacetKeys, ...pageFacetKeys] as const;
export type FacetKey = (typeof facetKeys)[number];

/** Every value each facet can take (src/model/search/records.ts facetValues). */
export type FacetValues = Record<FacetKey, string[]>;

/** How many hits have each value, by facet. */
export type FacetCounts = Record<string, Record<string, number>>;

/**
 * Which facet values each indexed record has, written beside Pagefind's index
 * (pagefind/facets.json.gz) and fetched once by the search page. Grouped by plan,
 * since year, province, level and kind are the plan's: a page needs only its id
 * and its topics.
 */
export interface FacetTable {
  values: FacetValues;
  /** Per plan: the positions in `values` of its year, province, level and kind. */
  plans: number[][];
  /** What every Pagefind page id begins with (its language and "_"), left out of `pages`. */
  prefix: string;
  /**
   * Per plan, its pages separated by spaces: the rest of the page's id, then, when it
   * has topics or commitments, ":" and their positions in `values.topic` separated by
   * ".", and when it has commitments another ":" and their positions in
   * `values.commitment`.
   */
  pages: string[];
}

interface PageFacets {
  plan: number;
  topics: number[];
  commitments: number[];
}

export interface FacetLookup {
  table: FacetTable;
  byId: Map<string, PageFacets>;
}

export function facetLookup(table: FacetTable): FacetLookup {
  const byId = new Map<string, PageFacets>();
  table.pages.forEach((pages, plan) => {
    for (const page of pages.split(' ')) {
      if (page === '') continue;
      const [id = '', topics = '', commitments = ''] = page.split(':');
      const positions = (list: string): number[] => (list === '' ? [] : list.split('.').map(Number));
      byId.set(table.prefix + id, { plan, topics: positions(topics), commitments: positions(commitments) });
    }
  });
  return { table, byId };
}

/** The chosen values of each facet, as in the page's URL (?year=2024&year=2023&topic=…). */
export type FacetFilters = Partial<Record<string, readonly string[]>>;

/** The filters as positions in the table: per facet (in facetKeys order) the chosen positions, or null when not filtered. */
function chosenPositions(table: FacetTable, filters: FacetFilters): (Set<number> | null)[] {
  return facetKeys.map((key) => {
    const chosen = filters[key] ?? [];
    if (chosen.length === 0) return null;
    // A value the table does not have (an old link) matches nothing, as it would in any index.
    return new Set(chosen.map((value) => table.values[key].indexOf(value)).filter((position) => position >= 0));
  });
}

function valuesOf(table: FacetTable, page: PageFacets, key: number): readonly number[] {
  if (key === facetKeys.indexOf('topic')) return page.topics;
  if (key === facetKeys.indexOf('commitment')) return page.commitments;
  return [table.plans[page.plan]?.[key] ?? -1];
}

/** Whether the page has one of the chosen values of every filtered facet: any value within a facet, every facet. */
function passes(table: FacetTable, page: PageFacets, chosen: readonly (Set<number> | null)[]): boolean {
  return chosen.every((positions, key) => positions === null || valuesOf(table, page, key).some((value) => positions.has(value)));
}

/** The hits that pass the filters, in their order. A hit the table does not know passes only when nothing is filtered. */
export function filterHits<T extends { id: string }>({ table, byId }: FacetLookup, hits: readonly T[], filters: FacetFilters): T[] {
  const chosen = chosenPositions(table, filters);
  if (chosen.every((positions) => positions === null)) return [...hits];
  return hits.filter((hit) => {
    const page = byId.get(hit.id);
    return page !== undefined && passes(table, page, chosen);
  });
}

/**
 * The hits ordered by their plan's year (newest first for "desc"), keeping their
 * order within a year; hits containing more of the query's terms stay first.
 */
export function orderByYear<T extends { id: string; matched: number }>({ table, byId }: FacetLookup, hits: readonly T[], direction: 'asc' | 'desc'): T[] {
  const yearKey = facetKeys.indexOf('year');
  const yearOf = (id: string): number => {
    const page = byId.get(id);
    const value = page === undefined ? undefined : table.values.year[table.plans[page.plan]?.[yearKey] ?? -1];
    return value === undefined ? Number.NaN : Number(value);
  };
  const sign = direction === 'asc' ? 1 : -1;
  const keyed = hits.map((hit, index) => ({ hit, index, year: yearOf(hit.id) }));
  keyed.sort((a, b) => {
    if (a.hit.matched !== b.hit.matched) return b.hit.matched - a.hit.matched;
    // A hit without a year (not in the table) goes after those with one.
    if (Number.isNaN(a.year) || Number.isNaN(b.year)) return Number(Number.isNaN(a.year)) - Number(Number.isNaN(b.year)) || a.index - b.index;
    return sign * (a.year - b.year) || a.index - b.index;
  });
  return keyed.map(({ hit }) => hit);
}

/**
 * Counts of every facet value among the hits; a value no hit has counts 0. With
 * filters, each facet is counted over the hits that pass the other facets'
 * filters, so a facet shows what choosing another of its values would add
 * (2023 still shows its count while 2024 is chosen).
 */
export function countFacets({ table, byId }: FacetLookup, hitIds: Iterable<string>, filters: FacetFilters = {}): FacetCounts {
  const chosen = chosenPositions(table, filters);
  const tallies = facetKeys.map((key) => new Array<number>(table.values[key].length).fill(0));
  for (const id of hitIds) {
    const page = byId.get(id);
    if (page === undefined) continue;
    // Passing every filter, or failing exactly one facet's: then only that facet counts it.
    const failing = chosen.flatMap((positions, key) => (positions === null || valuesOf(table, page, key).some((value) => positions.has(value)) ? [] : [key]));
    if (failing.length > 1) continue;
    facetKeys.forEach((_, key) => {
      if (failing.length === 1 && failing[0] !== key) return;
      for (const value of valuesOf(table, page, key)) if (value >= 0) tallies[key]![value]! += 1;
    });
  }
  return Object.fromEntries(facetKeys.map((key, k) => [key, Object.fromEntries(table.values[key].map((value, v) => [value, tallies[k]![v]!]))]));
}
