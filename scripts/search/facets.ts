/**
 * The facets of the search page, as they appear in its URL (?year=…&topic=…).
 * Kept free of imports: the search page's script bundles this file, and anything
 * it imported (the model, and with it zod) would ship to every reader.
 */
export const facetKeys = ['year', 'province', 'level', 'kind', 'topic'] as const;
export type FacetKey = (typeof facetKeys)[number];

/** Every value each facet can take (scripts/search/records.ts facetValues). */
export type FacetValues = Record<FacetKey, string[]>;
