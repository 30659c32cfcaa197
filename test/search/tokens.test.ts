import { describe, expect, it } from 'vitest';
import { indexTokens, planTerm, queryTerms } from '../../src/model/search/tokens.ts';

/** Does the indexed text hold the term's tokens at consecutive positions (the last as a prefix when asked)? */
function found(text: string, term: string): boolean {
  const tokens = indexTokens(text);
  const plan = planTerm(term);
  for (let at = 0; at + plan.tokens.length <= tokens.length; at++) {
    const ok = plan.tokens.every((token, offset) => {
      const lastPrefix = plan.prefix && offset === plan.tokens.length - 1;
      return lastPrefix ? tokens[at + offset]!.startsWith(token) : tokens[at + offset] === token;
    });
    if (ok) return true;
  }
  return false;
}

describe('index and query tokens', () => {
  it('gives one ASCII token per Han character, naming it and the next one', () => {
    const tokens = indexTokens('县管校聘');
    expect(tokens).toHaveLength(4);
    expect(tokens.every((token) => /^c[0-9a-z]+$/.test(token))).toBe(true);
    expect(tokens[0]!.length).toBe(9);
    expect(tokens[3]!.length).toBe(5);
    expect(tokens[3]).toBe(tokens[2]!.slice(0, 1) + tokens[2]!.slice(5));
  });

  it('keeps Latin and digit words whole, folded to lower case and half width', () => {
    expect(indexTokens('推进5G网络、ＳＴＥＭ教育').filter((token) => token.startsWith('w'))).toEqual(['w5g', 'wstem']);
  });

  it('finds a term exactly where the text contains it', () => {
    const text = '深化县管校聘改革，推进县域普通高中（县中）振兴，落实“双减”。';
    for (const term of ['县管校聘', '管校', '县', '县中', '双减', '普通高中']) expect(found(text, term), term).toBe(true);
    // Characters that occur only apart, or across punctuation, are not the term.
    for (const term of ['县普', '中振', '县中振兴', '减落', '高中县', '县县']) expect(found(text, term), term).toBe(false);
  });

  it('matches a term mixing words and Han characters the way Ctrl+F does', () => {
    const text = '建设5G网络和2024年智慧校园';
    for (const term of ['5g网络', '5G网', '2024年', '2024年智慧', '网络', '5']) expect(found(text, term), term).toBe(true);
    expect(found(text, '5g校园')).toBe(false);
  });

  it('marks a term whose last token may continue in the text', () => {
    expect(planTerm('县').prefix).toBe(true);
    expect(planTerm('5g').prefix).toBe(true);
    expect(planTerm('县中').prefix).toBe(false);
    expect(planTerm('县中').tokens).toHaveLength(1);
  });

  it('splits a query at spaces and punctuation', () => {
    expect(queryTerms(' 学前教育　普惠，“双减”、五项管理 ')).toEqual(['学前教育', '普惠', '双减', '五项管理']);
    expect(queryTerms('  ，。 ')).toEqual([]);
  });
});
