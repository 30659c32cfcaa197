/**
 * Search quality against what Ctrl+F finds: the relevant records of a query are the
 * items whose text contains every one of its terms, a term counting as contained
 * where the text holds it or a word of its synonym group (scripts/genre/synonyms.yaml).
 */
import { itemsOf, type Plan } from '../../src/model/plan.ts';
import { normalizeText, queryTerms } from '../../src/model/search/tokens.ts';

export interface ItemText {
  url: string;
  text: string;
}

export function itemTexts(plans: readonly Plan[]): ItemText[] {
  return plans.flatMap((plan) => [...itemsOf(plan.sections)].map((item) => ({ url: item.url, text: normalizeText(item.text) })));
}

/** Items containing every term of the query, or a synonym of it (site-relative URLs, without base). */
export function relevantItems(items: readonly ItemText[], query: string, synonyms: ReadonlyMap<string, readonly string[]> = new Map()): Set<string> {
  const terms = queryTerms(query).map((term) => [term, ...(synonyms.get(term) ?? [])]);
  return new Set(items.filter((item) => terms.length > 0 && terms.every((words) => words.some((word) => item.text.includes(word)))).map((item) => item.url));
}

export interface QueryScore {
  relevant: number;
  retrieved: number;
  recall: number;
  rPrecision: number;
  reciprocalRank: number;
}

/** `ranked` holds item URLs in result order; records that are not items are left out by the caller. */
export function scoreRanking(ranked: readonly string[], relevant: ReadonlySet<string>): QueryScore {
  const size = relevant.size;
  const found = ranked.filter((url) => relevant.has(url)).length;
  const topR = ranked.slice(0, size).filter((url) => relevant.has(url)).length;
  const first = ranked.findIndex((url) => relevant.has(url));
  return {
    relevant: size,
    retrieved: ranked.length,
    recall: size === 0 ? 1 : found / size,
    rPrecision: size === 0 ? (ranked.length === 0 ? 1 : 0) : topR / size,
    reciprocalRank: size === 0 ? (ranked.length === 0 ? 1 : 0) : first === -1 ? 0 : 1 / (first + 1),
  };
}

export interface Summary {
  queries: number;
  recall: number;
  rPrecision: number;
  mrr: number;
}

export function summarize(scores: readonly QueryScore[]): Summary {
  const mean = (pick: (score: QueryScore) => number): number =>
    scores.length === 0 ? 0 : scores.reduce((sum, score) => sum + pick(score), 0) / scores.length;
  return {
    queries: scores.length,
    recall: mean((score) => score.recall),
    rPrecision: mean((score) => score.rPrecision),
    mrr: mean((score) => score.reciprocalRank),
  };
}
