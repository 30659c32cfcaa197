/**
 * A small stand-in for Pagefind's browser API with the behaviour query.ts relies on
 * (checked against the real one in quality.test.ts): words match as prefixes and all
 * must occur; a quoted search needs the words at consecutive positions, whole.
 */
import type { PagefindLike, PagefindResponse } from '../../src/model/search/query.ts';

export interface FakeRecord {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export function fakePagefind(records: readonly FakeRecord[]): PagefindLike & { loads: number } {
  const fake = {
    loads: 0,
    search: async (term: string): Promise<PagefindResponse> => {
      const exact = /^".+"$/.test(term);
      const words = term.replace(/"/g, '').split(' ').filter((word) => word.length > 0);
      const results = records.flatMap((record, index) => {
        const tokens = record.content.split(' ');
        let score = 0;
        if (exact) {
          for (let at = 0; at + words.length <= tokens.length; at++) {
            if (words.every((word, offset) => tokens[at + offset] === word)) score += 1;
          }
        } else {
          const counts = words.map((word) => tokens.filter((token) => token.startsWith(word)).length);
          score = counts.every((count) => count > 0) ? counts.reduce((a, b) => a + b, 0) / tokens.length : 0;
        }
        if (score === 0) return [];
        return [{
          id: String(index),
          score,
          data: async () => {
            fake.loads += 1;
            return { url: record.url, meta: record.meta, filters: record.filters };
          },
        }];
      });
      results.sort((a, b) => b.score - a.score);
      return { results };
    },
  };
  return fake;
}
