/**
 * Comparing plans (the /compare/ page): items side by side by topic, and for two
 * plans of one region a year apart, which items of the later are new, which
 * continue one of the earlier (the match shown, with its similarity), and which of
 * the earlier were dropped. Items are matched by their characters' pairs: the share
 * of the shorter item's pairs that the other holds (the overlap coefficient, since
 * a plan often restates a long item of last year in a sentence), each later item to
 * its most similar earlier one; below `continuedAt` it is new. Pure functions: the
 * page runs them in the browser, the tests in Node.
 */

export interface ComparedItem {
  key: string;
  url: string;
  /** As the plan prints it: label and lead phrase, or the start of its text. */
  name: string;
  text: string;
}

/** At least this similarity makes a later item the continuation of an earlier one. */
export const continuedAt = 0.5;

/** Texts shorter than this many pairs (a heading's few words) are too short to match on. */
const minimumPairs = 6;

const notText = /[\s\p{P}\p{S}\d]/gu;

/** The set of a text's adjacent character pairs, punctuation, digits and spaces left out. */
export function characterPairs(text: string): Set<string> {
  const chars = [...text.replace(notText, '')];
  const pairs = new Set<string>();
  for (let index = 0; index + 1 < chars.length; index += 1) pairs.add(`${chars[index]}${chars[index + 1]}`);
  return pairs;
}

/** The overlap coefficient of two pair sets: 1 when one text's pairs are all in the other, 0 with none in common. */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size < minimumPairs) return 0;
  let shared = 0;
  for (const pair of small) if (large.has(pair)) shared += 1;
  return shared / small.size;
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
    const pairs = characterPairs(item.text);
    let best = -1;
    let bestScore = 0;
    earlierPairs.forEach((candidate, index) => {
      const score = similarity(pairs, candidate);
      if (score > bestScore) {
        best = index;
        bestScore = score;
      }
    });
    if (best < 0 || bestScore < continuedAt) return { item, earlier: null, similarity: bestScore };
    matched.add(best);
    return { item, earlier: earlier[best]!, similarity: bestScore };
  });
  return { later: continuations, dropped: earlier.filter((_, index) => !matched.has(index)) };
}

/** Plans a year apart of one region: what a year-on-year comparison needs. */
export function isYearOnYear(a: { region: string; year: number }, b: { region: string; year: number }): boolean {
  return a.region === b.region && Math.abs(a.year - b.year) === 1;
}
