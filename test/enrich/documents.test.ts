import { describe, expect, it } from 'vitest';
import { displayTitle, documentSlug, findCitations, loadTitleRules, normalizeTitle, parseTitleRules } from '../../src/model/documents.ts';

const rules = loadTitleRules();

describe('findCitations', () => {
  it('finds every title in 《》 with its offsets, nested 〈〉 included', () => {
    const text = '落实《中小学德育工作指南》和《关于贯彻〈教师法〉的意见》要求。';
    const found = findCitations(text);
    expect(found.map((citation) => citation.raw)).toEqual(['中小学德育工作指南', '关于贯彻〈教师法〉的意见']);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe('《中小学德育工作指南》');
  });

  it('skips brackets holding no Chinese or spanning a line break', () => {
    expect(findCitations('《ABC》《中小学\n德育》')).toEqual([]);
  });
});

describe('normalizeTitle: variants of one document meet', () => {
  // Each row: variants that must share one key.
  const variants: string[][] = [
    ['大连市第三期学前教育行动计划（2017-2020年）', '大连市第三期学前教育行动计划(2017—2020年)', '大连市第三期学前教育行动计划（2017－2020）', '大连市第三期学前教育行动计划 (2017~2020年)'],
    ['中小学德育工作指南', '中小学德育工作指南 ', '中小学 德育工作指南'],
    ['“专递课堂”应用教师培训手册', '"专递课堂"应用教师培训手册', '「专递课堂」应用教师培训手册', '专递课堂应用教师培训手册'],
    ['国务院办公厅关于深化产教融合的若干意见', '关于深化产教融合的若干意见'],
    ['中共中央 国务院关于全面深化新时代教师队伍建设改革的意见', '中共中央、国务院关于全面深化新时代教师队伍建设改革的意见', '关于全面深化新时代教师队伍建设改革的意见'],
    ['教育信息化2.0行动计划', '教育信息化２．０行动计划'],
    ['国家中长期教育改革和发展规划纲要〔2010-2020年〕', '国家中长期教育改革和发展规划纲要【2010—2020年】', '国家中长期教育改革和发展规划纲要(2010-2020年)'],
    ['先锋领航•培根铸魂', '先锋领航·培根铸魂', '先锋领航・培根铸魂'],
  ];
  for (const group of variants) {
    it(`${group[0]}`, () => {
      const keys = new Set(group.map((title) => normalizeTitle(title, rules)));
      expect(keys.size).toBe(1);
    });
  }

  it('keeps local issuers: two cities\' 关于… documents stay apart', () => {
    const dalian = normalizeTitle('大连市人民政府关于鼓励社会力量兴办教育促进民办教育健康发展的实施意见', rules);
    const jiangxi = normalizeTitle('江西省人民政府关于鼓励社会力量兴办教育促进民办教育健康发展的实施意见', rules);
    expect(dalian).not.toBe(jiangxi);
    expect(dalian.startsWith('大连市人民政府')).toBe(true);
  });

  it('drops a national issuer only before a title proper that is long enough', () => {
    expect(normalizeTitle('教育部关于', rules)).toBe('教育部关于');
    expect(normalizeTitle('教育部工作要点', rules)).toBe('教育部工作要点');
  });

  it('rules come from a validated table', () => {
    expect(() => parseTitleRules('nationalIssuers: 5')).toThrow(/titles.yaml is malformed/);
  });
});

describe('documentSlug', () => {
  it('is pinyin initials and a short hash of the key, stable across runs', () => {
    const key = normalizeTitle('中小学德育工作指南', rules);
    expect(documentSlug(key)).toMatch(/^zxxdygzzn-[0-9a-f]{6}$/);
    expect(documentSlug(key)).toBe(documentSlug(normalizeTitle('中小学 德育工作指南', rules)));
    expect(documentSlug('大连市第三期学前教育行动计划(2017-2020)')).not.toBe(documentSlug('大连市第二期学前教育行动计划(2017-2020)'));
  });
});

describe('displayTitle', () => {
  it('shows the most printed variant, ties to the shorter', () => {
    expect(displayTitle(new Map([['甲乙丙 ', 1], ['甲乙丙', 2]]))).toBe('甲乙丙');
    expect(displayTitle(new Map([['甲乙丙丁', 1], ['甲乙丙', 1]]))).toBe('甲乙丙');
  });
});
