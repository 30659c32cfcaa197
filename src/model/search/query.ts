/**
 * The query side, run in the browser in front of Pagefind (and in tests against a
 * fake). For each term of the query it finds exactly the records whose text
 * contains the term, or a synonym of it (scripts/genre/synonyms.yaml: 县中 finds
 * 县域普通高中 too), then ranks by a score in three parts, each breaking the ties
 * of the one before:
 *   1. how many of the query's terms a record contains: all of them first;
 *   2. the characters of the terms it contains, so that of two records holding one
 *      term each, the one holding the longer, rarer term (近视) comes before the one
 *      holding a single character (中) of a query split into words;
 *   3. Pagefind's own score, summed over the terms, each term's scores divided by
 *      its best.
 * Filters and the order by year are the search page's, from the facet table
 * (facets.ts): they hold across the shards of the index (shards.ts), which Pagefind
 * merges by score alone.
 */
import { normalizeText, planTerm, queryTerms, type TermPlan } from './tokens.ts';

export interface PagefindFragment {
  url: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindFragment>;
}

/** Pagefind also returns filter counts; the search page counts facets itself (facets.ts). */
export interface PagefindResponse {
  results: PagefindResult[];
}

/** The part of Pagefind's browser API this module uses. */
export interface PagefindLike {
  search: (term: string) => Promise<PagefindResponse | null>;
  /** Loads the index chunks a search for `term` needs, and nothing else. */
  preload?: (term: string) => Promise<void>;
}

export interface Hit {
  id: string;
  /** How many query terms the record contains (all of them come first). */
  matched: number;
  /** The characters of the query terms it contains. */
  weight: number;
  score: number;
  data: () => Promise<PagefindFragment>;
}

export interface SearchOutcome {
  terms: string[];
  /** Each term's synonyms that some record contains, which found records too. */
  synonyms: Array<{ term: string; also: string[] }>;
  /** Set when nothing contained the query as typed and its words were searched instead. */
  relaxed: boolean;
  hits: Hit[];
  /** Hits that contain every term. */
  complete: number;
}

interface TermHits {
  ids: Map<string, { score: number; rank: number; result: PagefindResult }>;
}

async function runSearch(pagefind: PagefindLike, term: string): Promise<PagefindResponse> {
  return (await pagefind.search(term)) ?? { results: [] };
}

async function contains(result: PagefindResult, text: string): Promise<boolean> {
  const fragment = await result.data();
  return normalizeText(fragment.meta['text'] ?? '').includes(text);
}

async function findTerm(pagefind: PagefindLike, plan: TermPlan): Promise<TermHits> {
  const scoring = runSearch(pagefind, plan.tokens.join(' '));
  // One token, or a prefix that would need checking anyway: Pagefind's own (prefix) search.
  const phrase = plan.prefix ? plan.tokens.slice(0, -1) : plan.tokens;
  const exact = phrase.length >= 2 ? runSearch(pagefind, `"${phrase.join(' ')}"`) : null;
  const [scored, phrased] = await Promise.all([scoring, exact]);
  const scores = new Map(scored.results.map((result) => [result.id, result.score]));
  let candidates = (phrased ?? scored).results;
  // A prefix after a phrase (2024年, 网络5) or a word prefix can overreach: check the text.
  const needsCheck = plan.prefix && plan.tokens.length >= 2;
  if (needsCheck) {
    const keep = await Promise.all(candidates.map((result) => contains(result, plan.text)));
    candidates = candidates.filter((_, index) => keep[index]);
  }
  const ranked = [...candidates].sort((a, b) => (scores.get(b.id) ?? 0) - (scores.get(a.id) ?? 0));
  const ids = new Map<string, { score: number; rank: number; result: PagefindResult }>();
  ranked.forEach((result, rank) => ids.set(result.id, { score: scores.get(result.id) ?? 0, rank, result }));
  return { ids };
}

/**
 * Words of a term that nothing contains as typed (推进县管校聘改革): the longest
 * dictionary terms first, the rest by the browser's word segmenter when it has one.
 */
export function splitTerm(term: string, dictionary: readonly string[], segment?: (text: string) => string[]): string[] {
  const words = [...new Set(dictionary.map(normalizeText))].filter((word) => word.length > 1).sort((a, b) => b.length - a.length);
  const parts: string[] = [];
  let rest = '';
  const flush = (): void => {
    if (rest.length > 0) parts.push(...(segment === undefined ? [rest] : segment(rest)));
    rest = '';
  };
  for (let at = 0; at < term.length; ) {
    const word = words.find((candidate) => term.startsWith(candidate, at));
    if (word === undefined) {
      rest += term[at];
      at += 1;
    } else {
      flush();
      parts.push(word);
      at += word.length;
    }
  }
  flush();
  return parts.filter((part) => part.length > 0);
}

export interface QueryContext {
  /** Policy terms (content/taxonomy/policy-terms.yaml) kept whole when a query is split. */
  dictionary?: readonly string[];
  segment?: (text: string) => string[];
  /** A word → the other words of its synonym group (suggest.ts synonymIndex). */
  synonyms?: ReadonlyMap<string, readonly string[]>;
}

/**
 * Loads what a search for `query` will read (each term's index chunks, in every
 * shard) while the reader is still typing or about to press Enter, so the search
 * itself only computes. Returns the Pagefind words asked for.
 */
export async function preloadQuery(pagefind: PagefindLike, query: string): Promise<string[]> {
  const { preload } = pagefind;
  if (preload === undefined) return [];
  const words = [...new Set(queryTerms(query))].map((term) => planTerm(term).tokens.join(' ')).filter((joined) => joined.length > 0);
  await Promise.all(words.map((joined) => preload.call(pagefind, joined)));
  return words;
}

export async function search(pagefind: PagefindLike, query: string, context: QueryContext = {}): Promise<SearchOutcome> {
  const exact = await searchTerms(pagefind, [...new Set(queryTerms(query))], context.synonyms);
  if (exact.hits.length > 0 || context.dictionary === undefined) return exact;
  const words = [...new Set(exact.terms.flatMap((term) => splitTerm(term, context.dictionary ?? [], context.segment)))];
  if (words.length <= exact.terms.length) return exact;
  return { ...(await searchTerms(pagefind, words, context.synonyms)), relaxed: true };
}

/** A term's records: its own, and its synonyms' (a record holding either holds the term), at the best of their scores. */
async function findTermOrSynonyms(pagefind: PagefindLike, term: string, synonyms: readonly string[]): Promise<{ hits: TermHits; also: string[] }> {
  const found = await Promise.all([term, ...synonyms].map((word) => findTerm(pagefind, planTerm(word))));
  const [own, ...others] = found as [TermHits, ...TermHits[]];
  const ids = new Map(own.ids);
  const also: string[] = [];
  others.forEach((other, index) => {
    if (other.ids.size > 0) also.push(synonyms[index]!);
    for (const [id, entry] of other.ids) {
      const seen = ids.get(id);
      if (seen === undefined || entry.score > seen.score) ids.set(id, { ...entry, rank: Math.min(entry.rank, seen?.rank ?? entry.rank) });
    }
  });
  return { hits: { ids }, also };
}

async function searchTerms(pagefind: PagefindLike, terms: string[], synonyms?: ReadonlyMap<string, readonly string[]>): Promise<SearchOutcome> {
  if (terms.length === 0) return { terms, synonyms: [], relaxed: false, hits: [], complete: 0 };
  const perTerm = await Promise.all(terms.map((term) => findTermOrSynonyms(pagefind, term, synonyms?.get(term) ?? [])));

  const merged = new Map<string, { matched: number; weight: number; score: number; rank: number; result: PagefindResult }>();
  perTerm.forEach(({ hits: { ids } }, index) => {
    const weight = [...terms[index]!].length;
    const top = Math.max(...[...ids.values()].map((entry) => entry.score), Number.MIN_VALUE);
    for (const [id, entry] of ids) {
      const seen = merged.get(id);
      const score = entry.score / top;
      if (seen === undefined) merged.set(id, { matched: 1, weight, score, rank: entry.rank, result: entry.result });
      else merged.set(id, { ...seen, matched: seen.matched + 1, weight: seen.weight + weight, score: seen.score + score, rank: Math.min(seen.rank, entry.rank) });
    }
  });
  const hits = [...merged.entries()]
    .sort(([, a], [, b]) => b.matched - a.matched || b.weight - a.weight || b.score - a.score || a.rank - b.rank)
    .map(([id, entry]) => ({ id, matched: entry.matched, weight: entry.weight, score: entry.score, data: entry.result.data }));
  const complete = hits.filter((hit) => hit.matched === terms.length).length;
  const found = perTerm.flatMap(({ also }, index) => (also.length > 0 ? [{ term: terms[index]!, also }] : []));
  return { terms, synonyms: found, relaxed: false, hits, complete };
}

/**
 * An excerpt of `text` around the first occurrence of any term, as segments to be
 * rendered with the matches marked (the caller escapes and wraps them).
 */
export function excerpt(text: string, terms: readonly string[], width = 80): { text: string; mark: boolean }[] {
  const folded = normalizeText(text);
  // NFKC can change lengths (e.g. ㈠ → (一)); only fold case positions when lengths agree.
  const haystack = folded.length === text.length ? folded : text.toLowerCase();
  const needles = terms.filter((term) => term.length > 0);
  const positions: { start: number; end: number }[] = [];
  for (const needle of needles) {
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
      positions.push({ start: at, end: at + needle.length });
    }
  }
  positions.sort((a, b) => a.start - b.start || b.end - a.end);
  const first = positions[0]?.start ?? 0;
  const from = Math.max(0, Math.min(first - Math.floor(width / 3), text.length - width));
  const to = Math.min(text.length, from + width);
  const segments: { text: string; mark: boolean }[] = [];
  let cursor = from;
  for (const { start, end } of positions) {
    if (start < cursor || start >= to) continue;
    if (start > cursor) segments.push({ text: text.slice(cursor, start), mark: false });
    segments.push({ text: text.slice(start, Math.min(end, to)), mark: true });
    cursor = Math.min(end, to);
  }
  if (cursor < to) segments.push({ text: text.slice(cursor, to), mark: false });
  if (from > 0) segments.unshift({ text: '…', mark: false });
  if (to < text.length) segments.push({ text: '…', mark: false });
  return segments;
}
