import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/model/matcher.ts';

describe('createMatcher', () => {
  const patterns = ['县管校聘', '校聘', '名师', '名师工作室', '工作室'];
  const matcher = createMatcher(patterns);

  it('finds every occurrence, overlaps included, by start then longest', () => {
    const found = matcher.all('推进县管校聘和名师工作室建设').map((match) => patterns[match.pattern]);
    expect(found).toEqual(['县管校聘', '校聘', '名师工作室', '名师', '工作室']);
  });

  it('leftmost-longest keeps what a reader would mark', () => {
    const text = '推进县管校聘和名师工作室建设，名师';
    const found = matcher.leftmostLongest(text).map((match) => text.slice(match.start, match.end));
    expect(found).toEqual(['县管校聘', '名师工作室', '名师']);
  });

  it('follows failure links across partial matches', () => {
    const abc = createMatcher(['abcd', 'bce']);
    expect(abc.all('xabcex').map((match) => [match.start, match.end])).toEqual([[2, 5]]);
  });

  it('finds nothing in text without patterns, and ignores an empty pattern', () => {
    expect(createMatcher(['', '甲']).all('乙丙')).toEqual([]);
  });
});
