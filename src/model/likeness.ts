/**
 * How alike two short Chinese texts are, whatever their figures and punctuation:
 * the share of the shorter one's character pairs (two adjacent Han characters)
 * that the other holds, the overlap coefficient. A commitment's wording is matched
 * to last year's by it (scripts/enrich/commitment-groups.ts), and so are plan
 * items, year on year (compare.ts).
 */

/** The set of a text's adjacent pairs of Han characters. */
export function characterPairs(text: string): Set<string> {
  const plain = text.replace(/[^\p{Script=Han}]/gu, '');
  const pairs = new Set<string>();
  for (let index = 0; index + 1 < plain.length; index += 1) pairs.add(plain.slice(index, index + 2));
  return pairs;
}

/** 1 when one set lies wholly in the other, 0 with nothing in common or an empty set. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const pair of small) if (large.has(pair)) shared += 1;
  return shared / small.size;
}
