/**
 * One Pagefind custom record per item (every hit opens the item at its stable URL)
 * and one per plan, built straight from the model so the index does not depend on
 * how the pages render.
 */
import { untitledItemName } from '../item-name.ts';
import { itemsOf, type Plan, type RegionLevel } from '../plan.ts';
import { facetKeys, planFacetKeys, type FacetKey, type FacetTable, type FacetValues } from './facets.ts';
import { indexTokens } from './tokens.ts';

export { facetKeys, type FacetKey, type FacetValues };

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** Topics of one item, by item URL (site-relative, without base), from the enrichment step. */
export type TopicsByUrl = ReadonlyMap<string, readonly string[]>;

/**
 * All records share one language so one index serves the zh-CN pages. Not "zh":
 * the indexed content is ASCII tokens (tokens.ts), and under "zh" Pagefind runs its
 * Chinese word segmenter over every record for nothing (half of adding a record).
 * "und" (undetermined, BCP 47) has no segmenter and no stemmer; the browser, on a
 * zh-CN page, falls back to the only index there is.
 */
export const recordLanguage = 'und';


export const levelNames: Record<RegionLevel, string> = {
  province: '省级',
  prefecture: '地市级',
  county: '县级',
};

/** `/atlas/` + `/shandong/taian/2024/7/` → `/atlas/shandong/taian/2024/7/`. */
export function withBase(base: string, url: string): string {
  const trimmed = base.replace(/\/+$/, '');
  return `${trimmed}${url}`;
}

function planFilters(plan: Plan): Record<string, string[]> {
  return {
    year: [String(plan.year)],
    province: [plan.region.province],
    // A city: none for a province's own plan, nor for a municipality's (北京市 is its own province).
    ...(plan.region.prefecture !== null && plan.region.prefecture !== plan.region.province ? { prefecture: [plan.region.prefecture] } : {}),
    level: [levelNames[plan.region.level]],
    kind: [plan.kind],
  };
}

function regionLabel(plan: Plan): string {
  const { region } = plan;
  const parts = [region.province, region.prefecture, region.name].filter(
    (part, index, all): part is string => part !== null && all.indexOf(part) === index,
  );
  return parts.join(' ');
}

/**
 * Every value each facet can take, from the same model and filters as the records,
 * so the search page can list them without asking Pagefind for its filter index.
 * Sorted by code point; the page orders them for display.
 */
export function facetValues(plans: readonly Plan[], topics: TopicsByUrl = new Map(), commitments: TopicsByUrl = new Map()): FacetValues {
  const seen = Object.fromEntries(facetKeys.map((key) => [key, new Set<string>()])) as Record<FacetKey, Set<string>>;
  for (const plan of plans) {
    for (const [key, values] of Object.entries(planFilters(plan))) for (const value of values) seen[key as FacetKey].add(value);
    for (const item of itemsOf(plan.sections)) {
      for (const topic of topics.get(item.url) ?? []) seen.topic.add(topic);
      for (const kind of commitments.get(item.url) ?? []) seen.commitment.add(kind);
    }
  }
  return Object.fromEntries(facetKeys.map((key) => [key, [...seen[key]].sort()])) as FacetValues;
}

export function planRecords(plan: Plan, base: string, topics: TopicsByUrl = new Map(), commitments: TopicsByUrl = new Map()): SearchRecord[] {
  const common = {
    plan: plan.title,
    planUrl: withBase(base, plan.url),
    region: regionLabel(plan),
    year: String(plan.year),
    kind: plan.kind,
  };
  const filters = planFilters(plan);
  const sort = { year: String(plan.year) };
  const planText = [plan.title, plan.preamble].filter((part) => part.length > 0).join('\n');
  const records: SearchRecord[] = [
    {
      url: withBase(base, plan.url),
      content: indexTokens(planText).join(' '),
      language: recordLanguage,
      meta: { ...common, type: 'plan', title: plan.title, text: plan.preamble },
      filters,
      sort,
    },
  ];
  for (const item of itemsOf(plan.sections)) {
    const itemTopics = topics.get(item.url) ?? [];
    const itemCommitments = commitments.get(item.url) ?? [];
    records.push({
      url: withBase(base, item.url),
      content: indexTokens(item.text).join(' '),
      language: recordLanguage,
      // An item without a lead phrase is named by its place and the start of its text, never by its bare label (一是一是).
      meta: { ...common, type: 'item', title: item.title ?? untitledItemName(item), label: item.title ? item.label : '', text: item.text },
      filters: { ...filters, ...(itemTopics.length > 0 ? { topic: [...itemTopics] } : {}), ...(itemCommitments.length > 0 ? { commitment: [...itemCommitments] } : {}) },
      sort,
    });
  }
  return records;
}

/**
 * The facet table of the records (facets.ts): `pageIds` maps a record's URL (with
 * the base) to the id Pagefind gave its page. Records Pagefind did not write are left out.
 */
export function facetTable(plans: readonly Plan[], base: string, pageIds: ReadonlyMap<string, string>, topics: TopicsByUrl = new Map(), commitments: TopicsByUrl = new Map()): FacetTable {
  const values = facetValues(plans, topics, commitments);
  const position = Object.fromEntries(facetKeys.map((key) => [key, new Map(values[key].map((value, index) => [value, index]))])) as Record<FacetKey, Map<string, number>>;
  // Pagefind's ids are "<language>_<hash>", all in one language: the shared part is written once.
  const ids = [...pageIds.values()];
  const first = ids[0] ?? '';
  const language = first.slice(0, first.indexOf('_') + 1);
  const prefix = ids.every((id) => id.startsWith(language)) ? language : '';
  const page = (url: string, topicNames: readonly string[], kinds: readonly string[]): string[] => {
    const id = pageIds.get(withBase(base, url));
    if (id === undefined) return [];
    const rest = id.slice(prefix.length);
    const topicList = topicNames.map((name) => position.topic.get(name)!).join('.');
    if (kinds.length > 0) return [`${rest}:${topicList}:${kinds.map((kind) => position.commitment.get(kind)!).join('.')}`];
    return [topicNames.length === 0 ? rest : `${rest}:${topicList}`];
  };
  return {
    values,
    plans: plans.map((plan) => {
      const filters = planFilters(plan);
      // A plan without a value of a facet (a province's plan has no city) is at -1, which no choice matches.
      return planFacetKeys.map((key) => (filters[key] === undefined ? -1 : position[key].get(filters[key][0]!)!));
    }),
    prefix,
    pages: plans.map((plan) => [...page(plan.url, [], []), ...[...itemsOf(plan.sections)].flatMap((item) => page(item.url, topics.get(item.url) ?? [], commitments.get(item.url) ?? []))].join(' ')),
  };
}
