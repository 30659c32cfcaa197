/**
 * Comparing plans (the /compare/ page): items side by side by topic, and for two
 * plans of one region a year apart, which items of the later are new, which
 * continue one of the earlier (the match shown, with its similarity), and which of
 * the earlier were dropped. Items are matched by their characters' pairs: the share
 * of the shorter item's pairs that the other holds (likeness.ts: a plan often
 * restates a long item of last year in a sentence), each later item to
 * its most similar earlier one; below `continuedAt` it is new. Pure functions: the
 * page runs them in the browser, the tests in Node.
 */
import { characterPairs, overlap } from './likeness.ts';

export interface ComparedItem {
  key: string;
  url: string;
  /** As the plan prints it: label and lead phrase, or the start of its text. */
  name: string;
  text: string;
}

/** At least this similarity makes a later item the continuation of an earlier one. */
export const continuedAt = 0.5;

/** A pair of items below this many character pairs (a heading's few words) is too short to match on. */
const minimumPairs = 6;

/** How alike two items' pair sets are (likeness.ts overlap), 0 when the shorter is too short to tell. */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  return Math.min(a.size, b.size) < minimumPairs ? 0 : overlap(a, b);
}

/** The candidate most like `pairs`, with its similarity; null when none shares anything. */
export function mostAlike(pairs: ReadonlySet<string>, candidates: ReadonlyArray<ReadonlySet<string>>): { index: number; similarity: number } | null {
  let best: { index: number; similarity: number } | null = null;
  for (const [index, candidate] of candidates.entries()) {
    const score = similarity(pairs, candidate);
    if (score > 0 && (best === null || score > best.similarity)) best = { index, similarity: score };
  }
  return best;
}

export interface Continuation {
  item: ComparedItem;
  /** The earlier item it continues, or null for a new one. */
  earlier: ComparedItem | null;
  similarity: number;
}

export interface YearOnYear {
  /** The later plan's items in order, each new or continuing an earlier one. */
  later: Continuation[];
  /** The earlier plan's items no later item continues, in order. */
  dropped: ComparedItem[];
}

export function yearOnYear(earlier: readonly ComparedItem[], later: readonly ComparedItem[]): YearOnYear {
  const earlierPairs = earlier.map((item) => characterPairs(item.text));
  const matched = new Set<number>();
  const continuations = later.map((item): Continuation => {
    const best = mostAlike(characterPairs(item.text), earlierPairs);
    if (best === null || best.similarity < continuedAt) return { item, earlier: null, similarity: best?.similarity ?? 0 };
    matched.add(best.index);
    return { item, earlier: earlier[best.index]!, similarity: best.similarity };
  });
  return { later: continuations, dropped: earlier.filter((_, index) => !matched.has(index)) };
}

/** Plans a year apart of one region: what a year-on-year comparison needs. */
export function isYearOnYear(a: { region: string; year: number }, b: { region: string; year: number }): boolean {
  return a.region === b.region && Math.abs(a.year - b.year) === 1;
}
