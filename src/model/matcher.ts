/**
 * Many-pattern substring search (Aho–Corasick), so finding every policy term in
 * every item costs time linear in the text, however long the dictionary grows.
 * Works on UTF-16 code units; the patterns and texts of this genre are Han text
 * in the Basic Multilingual Plane, where a code unit is a character.
 */

export interface Match {
  /** Index of the pattern in the list given to createMatcher. */
  pattern: number;
  start: number;
  end: number;
}

export interface Matcher {
  /** Every occurrence of every pattern, overlaps included, ordered by start then longest first. */
  all(text: string): Match[];
  /** Leftmost-longest occurrences that do not overlap: what a reader would mark. */
  leftmostLongest(text: string): Match[];
}

interface Node {
  next: Map<string, number>;
  fail: number;
  /** Patterns ending here, itself or through the fail chain, longest first. */
  output: number[];
}

export function createMatcher(patterns: readonly string[]): Matcher {
  const nodes: Node[] = [{ next: new Map(), fail: 0, output: [] }];
  patterns.forEach((pattern, index) => {
    if (pattern.length === 0) return;
    let state = 0;
    for (const unit of pattern.split('')) {
      let next = nodes[state]!.next.get(unit);
      if (next === undefined) {
        next = nodes.length;
        nodes.push({ next: new Map(), fail: 0, output: [] });
        nodes[state]!.next.set(unit, next);
      }
      state = next;
    }
    nodes[state]!.output.push(index);
  });

  const queue: number[] = [];
  for (const child of nodes[0]!.next.values()) queue.push(child);
  for (let head = 0; head < queue.length; head += 1) {
    const state = queue[head]!;
    const node = nodes[state]!;
    for (const [unit, child] of node.next) {
      let fail = node.fail;
      while (fail !== 0 && !nodes[fail]!.next.has(unit)) fail = nodes[fail]!.fail;
      const target = nodes[fail]!.next.get(unit);
      nodes[child]!.fail = target !== undefined && target !== child ? target : 0;
      nodes[child]!.output.push(...nodes[nodes[child]!.fail]!.output);
      queue.push(child);
    }
  }
  for (const node of nodes) node.output.sort((a, b) => patterns[b]!.length - patterns[a]!.length || a - b);

  function all(text: string): Match[] {
    const found: Match[] = [];
    let state = 0;
    for (let index = 0; index < text.length; index += 1) {
      const unit = text[index]!;
      while (state !== 0 && !nodes[state]!.next.has(unit)) state = nodes[state]!.fail;
      state = nodes[state]!.next.get(unit) ?? 0;
      for (const pattern of nodes[state]!.output) {
        found.push({ pattern, start: index + 1 - patterns[pattern]!.length, end: index + 1 });
      }
    }
    return found.sort((a, b) => a.start - b.start || b.end - a.end || a.pattern - b.pattern);
  }

  function leftmostLongest(text: string): Match[] {
    const chosen: Match[] = [];
    let reached = 0;
    for (const match of all(text)) {
      if (match.start < reached) continue;
      chosen.push(match);
      reached = match.end;
    }
    return chosen;
  }

  return { all, leftmostLongest };
}
