import { describe, expect, it } from 'vitest';
import { editDistance, isPinyinQuery, nearestWords, pinyinSuggestions, suggestions, synonymIndex } from '../../src/model/search/suggest.ts';
import { searchVocabulary } from '../../scripts/enrich/vocabulary.ts';

const vocabulary = searchVocabulary({
  itemWords: [
    [['学前教育', 2], ['普惠', 1]],
    [['学前教育', 1], ['学校', 3]],
    [['学生', 1], ['县管校聘', 1]],
    [['校园', 1], ['学前', 1]],
  ],
  terms: [['县管校聘', 4], ['双减', 3]],
  topics: [['学前教育', 12]],
  synonyms: [['县中', '县域普通高中']],
});

describe('the search vocabulary', () => {
  it('holds each word with its pinyin and initials, the most printed first, and the named words whatever their count', () => {
    const word = vocabulary.words.find((entry) => entry.word === '学前教育');
    expect(word).toEqual({ word: '学前教育', pinyin: 'xueqianjiaoyu', initials: 'xqjy', items: 12 });
    expect(vocabulary.words[0]!.word).toBe('学前教育');
    expect(vocabulary.words.map((entry) => entry.word)).toContain('县域普通高中');
    expect(vocabulary.synonyms).toEqual([['县中', '县域普通高中']]);
  });

  it('is cut at its limit, keeping the terms, topics and synonyms', () => {
    const small = searchVocabulary({ itemWords: [[['学校', 1], ['学生', 1], ['校园', 1]]], terms: [['双减', 1]], topics: [], synonyms: [] }, 2);
    expect(small.words.map((entry) => entry.word).sort()).toEqual(['双减', '学校'].sort());
  });
});

describe('suggestions past the exact words', () => {
  it('reads a query of Latin letters as initials, full pinyin or its start', () => {
    expect(isPinyinQuery('xqjy')).toBe(true);
    expect(isPinyinQuery('学前 jy')).toBe(false);
    expect(pinyinSuggestions('xqjy', vocabulary.words)).toEqual(['学前教育']);
    expect(pinyinSuggestions('XueQianJiaoYu', vocabulary.words)).toEqual(['学前教育']);
    expect(pinyinSuggestions('xianguan', vocabulary.words)).toEqual(['县管校聘']);
    expect(pinyinSuggestions('sj', vocabulary.words)).toEqual(['双减']);
  });

  it('offers the nearest words to a typo, one edit for a short word, the most printed first', () => {
    expect(nearestWords('学前教肓', vocabulary.words)).toEqual(['学前教育']);
    expect(nearestWords('县管校骋', vocabulary.words)).toEqual(['县管校聘']);
    expect(nearestWords('某某某某', vocabulary.words)).toEqual([]);
    expect(suggestions('xqjy', vocabulary)).toEqual(['学前教育']);
    expect(suggestions('学前教肓', vocabulary)).toEqual(['学前教育']);
  });

  it('measures edits over characters, and gives up past its limit', () => {
    expect(editDistance('学前教育', '学前教肓')).toBe(1);
    expect(editDistance('学前', '学前教育')).toBe(2);
    expect(editDistance('学前', '学前教育', 1)).toBe(2);
    expect(editDistance('', '双减')).toBe(2);
  });

  it('gives each word of a synonym group the others', () => {
    const index = synonymIndex([['县中', '县域普通高中'], ['双减', '减轻学生作业负担和校外培训负担']]);
    expect(index.get('县中')).toEqual(['县域普通高中']);
    expect(index.get('县域普通高中')).toEqual(['县中']);
    expect(index.get('学前教育')).toBeUndefined();
  });
});
