/**
 * The facets of the search page, as they appear in its URL (?year=…&topic=…), and
 * how the page counts them. Kept free of imports: the search page's script bundles
 * this file, and anything it imported (the model, and with it zod) would ship to
 * every reader.
 *
 * Why the page counts facets itself: Pagefind 1.6 counts filter values by testing
 * every page of every value against a list of the results (a linear search), so
 * once its filter index is loaded every query costs results × filter entries —
 * 3 to 4 s a query at 3,000 plans. The facet table lets the page count the hits it
 * already has, in one pass.
 */
export const planFacetKeys = ['year', 'province', 'level', 'kind'] as const;
export const facetKeys = [...planFacetKeys, 'topic'] as const;
export type FacetKey = (typeof facetKeys)[number];

/** Every value each facet can take (scripts/search/records.ts facetValues). */
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
   * has topics, ":" and their positions in `values.topic` separated by ".".
   */
  pages: string[];
}

interface PageFacets {
  plan: number;
  topics: number[];
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
      const [id = '', topics = ''] = page.split(':');
      byId.set(table.prefix + id, { plan, topics: topics === '' ? [] : topics.split('.').map(Number) });
    }
  });
  return { table, byId };
}

/** Counts of every facet value among the hits; a value no hit has counts 0. */
export function countFacets({ table, byId }: FacetLookup, hitIds: Iterable<string>): FacetCounts {
  const tallies = facetKeys.map((key) => new Array<number>(table.values[key].length).fill(0));
  const topic = facetKeys.indexOf('topic');
  for (const id of hitIds) {
    const page = byId.get(id);
    if (page === undefined) continue;
    (table.plans[page.plan] ?? []).forEach((value, key) => (tallies[key]![value]! += 1));
    for (const value of page.topics) tallies[topic]![value]! += 1;
  }
  return Object.fromEntries(facetKeys.map((key, k) => [key, Object.fromEntries(table.values[key].map((value, v) => [value, tallies[k]![v]!]))]));
}
