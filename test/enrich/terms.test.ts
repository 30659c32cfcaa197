import { describe, expect, it } from 'vitest';
import { blockerOf, createTermFinder, findQuotedTerms, isWordMatch, wordBounds } from '../../scripts/enrich/terms.ts';

describe('findQuotedTerms', () => {
  it('takes short phrases in “” and leaves sentences, numbers and blanks', () => {
    const text = '深化“县管校聘”改革，巩固“双减”成果，做到“人人有项目，班班有活动”，加强“五个”管理，“七一”表彰，推进“ ”建设，打造“党建+”品牌。';
    expect(findQuotedTerms(text)).toEqual(['县管校聘', '双减', '党建+']);
  });
});

describe('word-aligned term matches', () => {
  const words = ['全县', '中小学', '加大', '县中', '建设', '，', '普惠性', '幼儿园'];
  const text = words.join('');
  const bounds = wordBounds(words);

  it('accepts a term that is a word, or that starts a word (普惠 in 普惠性)', () => {
    const at = (term: string, from = 0) => ({ start: text.indexOf(term, from), end: text.indexOf(term, from) + term.length });
    expect(isWordMatch(at('县中', 5), bounds)).toBe(true);
    expect(isWordMatch(at('普惠'), bounds)).toBe(true);
  });

  it('rejects a term straddling two words and names the words it cut as a blocker', () => {
    const match = { start: 1, end: 3 }; // 县中 inside 全县|中小学
    expect(isWordMatch(match, bounds)).toBe(false);
    expect(blockerOf(text, match, bounds)).toBe('全县中小学');
  });

  it('the finder counts only word-aligned occurrences', () => {
    const finder = createTermFinder(['县中', '普惠', '幼儿园', '双减']);
    const { counts, blockers } = finder.find(text, words);
    expect(Object.fromEntries(counts)).toEqual({ 县中: 1, 普惠: 1, 幼儿园: 1 });
    expect([...blockers]).toEqual(['全县中小学']);
  });
});
