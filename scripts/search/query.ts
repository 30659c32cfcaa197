/**
 * The query side, run in the browser over the site's search index
 * (scripts/search/engine.ts) and in tests over the same index built in memory.
 * Each term of the query is an exact phrase of its tokens (tokens.ts): the records
 * found are exactly those whose text contains the term, with how often (BM25 of
 * the phrase). Then: records containing every term first, then by how many terms
 * they contain, then by score (or by year, when asked).
 */
import type { Filters, FilterCounts, Fragment, SearchIndex } from './engine.ts';
import type { Postings } from './index-format.ts';
import { normalizeText, planTerm, queryTerms, type TermPlan } from './tokens.ts';

export type { FilterCounts, Fragment } from './engine.ts';

export interface SearchOptions {
  filters?: Filters;
  sort?: { year?: 'asc' | 'desc' };
}

export interface Hit {
  /** The record's number in the index. */
  record: number;
  /** How many query terms the record contains (all of them come first). */
  matched: number;
  score: number;
  data: () => Promise<Fragment>;
}

export interface SearchOutcome {
  terms: string[];
  /** Set when nothing contained the query as typed and its words were searched instead. */
  relaxed: boolean;
  hits: Hit[];
  /** Hits that contain every term. */
  complete: number;
  /** Facet counts of the hits (after the chosen filters). */
  filters: FilterCounts;
}

/** The positions of `record` in a list, or null; lists are sorted by record. */
function positionsIn(list: Postings, record: number): Uint32Array | null {
  let low = 0;
  let high = list.records.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = list.records[middle]!;
    if (found === record) return list.positions.subarray(list.starts[middle]!, list.starts[middle + 1]!);
    if (found < record) low = middle + 1;
    else high = middle - 1;
  }
  return null;
}

/** Positions of a slot (one list, or the lists of a prefix) in a record. */
function slotPositions(slot: readonly Postings[], record: number): Set<number> | null {
  let found: Set<number> | null = null;
  for (const list of slot) {
    const positions = positionsIn(list, record);
    if (positions === null) continue;
    found ??= new Set();
    for (const position of positions) found.add(position);
  }
  return found;
}

const k1 = 1.2;
const b = 0.75;

/** Records containing the term, with its BM25 score in each. */
async function findTerm(index: SearchIndex, plan: TermPlan): Promise<Map<number, number>> {
  const last = plan.tokens.length - 1;
  const slots = await Promise.all(
    plan.tokens.map(async (token, i) => {
      if (plan.prefix && i === last) return index.prefixPostings(token);
      const list = await index.postings(token);
      return list === null ? [] : [list];
    }),
  );
  const scores = new Map<number, number>();
  if (slots.length === 0 || slots.some((slot) => slot.length === 0)) return scores;
  // Walk the records of the rarest slot; check the others there.
  const size = (slot: readonly Postings[]) => slot.reduce((sum, list) => sum + list.records.length, 0);
  const driver = slots.reduce((best, slot) => (size(slot) < size(best) ? slot : best));
  const candidates = new Set<number>();
  for (const list of driver) for (const record of list.records) candidates.add(record);
  const frequencies = new Map<number, number>();
  for (const record of candidates) {
    const positions: Set<number>[] = [];
    for (const slot of slots) {
      const found = slotPositions(slot, record);
      if (found === null) break;
      positions.push(found);
    }
    if (positions.length < slots.length) continue;
    let frequency = 0;
    for (const start of positions[0]!) if (positions.every((set, offset) => set.has(start + offset))) frequency += 1;
    if (frequency > 0) frequencies.set(record, frequency);
  }
  const total = index.size;
  const idf = Math.log(1 + (total - frequencies.size + 0.5) / (frequencies.size + 0.5));
  const average = index.manifest.averageLength || 1;
  for (const [record, frequency] of frequencies) {
    const norm = k1 * (1 - b + (b * index.recordLength[record]!) / average);
    scores.set(record, (idf * frequency * (k1 + 1)) / (frequency + norm));
  }
  return scores;
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
}

export async function search(index: SearchIndex, query: string, options: SearchOptions = {}, context: QueryContext = {}): Promise<SearchOutcome> {
  const exact = await searchTerms(index, [...new Set(queryTerms(query))], options);
  if (exact.hits.length > 0 || context.dictionary === undefined) return exact;
  const words = [...new Set(exact.terms.flatMap((term) => splitTerm(term, context.dictionary ?? [], context.segment)))];
  if (words.length <= exact.terms.length) return exact;
  return { ...(await searchTerms(index, words, options)), relaxed: true };
}

/** Starts fetching what a query will need, e.g. while it is typed. */
export function preload(index: SearchIndex, query: string): void {
  index.preload(queryTerms(query).flatMap((term) => planTerm(term).tokens));
}

async function searchTerms(index: SearchIndex, terms: string[], options: SearchOptions): Promise<SearchOutcome> {
  if (terms.length === 0) return { terms, relaxed: false, hits: [], complete: 0, filters: {} };
  const perTerm = await Promise.all(terms.map((term) => findTerm(index, planTerm(term))));
  const accept = index.matcher(options.filters);
  const merged = new Map<number, { matched: number; score: number }>();
  for (const scores of perTerm) {
    let top = Number.MIN_VALUE;
    for (const score of scores.values()) top = Math.max(top, score);
    for (const [record, score] of scores) {
      if (accept !== null && !accept(record)) continue;
      const seen = merged.get(record);
      if (seen === undefined) merged.set(record, { matched: 1, score: score / top });
      else merged.set(record, { matched: seen.matched + 1, score: seen.score + score / top });
    }
  }
  const direction = options.sort?.year === 'asc' ? 1 : options.sort?.year === 'desc' ? -1 : 0;
  const hits: Hit[] = [...merged.entries()]
    .sort(
      ([ra, a], [rb, b]) =>
        b.matched - a.matched || direction * (index.year(ra) - index.year(rb)) || b.score - a.score || ra - rb,
    )
    .map(([record, entry]) => ({ record, matched: entry.matched, score: entry.score, data: () => index.fragment(record) }));
  const complete = hits.filter((hit) => hit.matched === terms.length).length;
  return { terms, relaxed: false, hits, complete, filters: index.counts(hits.map((hit) => hit.record)) };
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
