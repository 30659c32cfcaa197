import { describe, expect, it } from 'vitest';
import { NormalizationCounts, normalizeLine, splitLines, unspacedType } from '../../scripts/ingest/normalize.ts';

function normalized(text: string): { text: string; counts: Record<string, number> } {
  const counts = new NormalizationCounts();
  return { text: normalizeLine(text, counts), counts: counts.report() };
}

describe('splitLines', () => {
  it('ends lines at LF, CRLF and lone CR, counting the CRLF and CR it met', () => {
    const counts = new NormalizationCounts();
    expect(splitLines('一\r\n二\r三\n四', counts)).toEqual(['一', '二', '三', '四']);
    expect(counts.report()).toEqual({ crlf: 1, cr: 1 });
  });

  it('keeps a final empty line so numbering matches an editor', () => {
    expect(splitLines('一\n', new NormalizationCounts())).toEqual(['一', '']);
  });
});

describe('normalizeLine: spaces', () => {
  it('turns NBSP, U+3000, other Unicode spaces and tabs into ASCII spaces, each kind counted', () => {
    const result = normalized('甲\u00a0乙\u3000丙\u2002丁\t戊\u000c己');
    expect(result.text).toBe('甲 乙 丙 丁 戊 己');
    expect(result.counts).toEqual({ nbsp: 1, 'ideographic-space': 1, 'unicode-space': 1, tab: 1, 'control-space': 1 });
  });

  it('trims line edges, including ideographic indents', () => {
    const result = normalized('\u3000\u3000  一、总体要求 \u00a0');
    expect(result.text).toBe('一、总体要求');
    expect(result.counts['trimmed-line']).toBe(1);
  });

  it('drops zero-width spaces and stray byte-order marks', () => {
    const result = normalized('\ufeff教育\u200b工作');
    expect(result.text).toBe('教育工作');
    expect(result.counts).toEqual({ 'zero-width': 2 });
  });

  it('returns an empty string for a line of spaces only', () => {
    expect(normalized('\u3000 \u00a0\t').text).toBe('');
  });
});

describe('normalizeLine: widths', () => {
  it('turns full-width digits into half-width', () => {
    const result = normalized('２０２４年３月２６日');
    expect(result.text).toBe('2024年3月26日');
    expect(result.counts).toEqual({ 'fullwidth-digit': 7 });
  });

  it('turns full-width Latin letters into half-width', () => {
    const result = normalized('ＰＭ２.５和ｗｉｆｉ');
    expect(result.text).toBe('PM2.5和wifi');
    expect(result.counts).toEqual({ 'fullwidth-letter': 6, 'fullwidth-digit': 2 });
  });

  it('leaves full-width punctuation that numbering styles read (１．) as the full stop it is', () => {
    expect(normalized('１．加强党建').text).toBe('1．加强党建');
  });
});

describe('normalizeLine: punctuation inside Chinese text', () => {
  it.each([
    ['2023年,全县教育', '2023年，全县教育'],
    ['总体思路是:深入学习', '总体思路是：深入学习'],
    ['开局之年;全面', '开局之年；全面'],
    ['怎么办?我们', '怎么办？我们'],
    ['必须做到!全体', '必须做到！全体'],
    ['聚焦“培源强基”,党建引领', '聚焦“培源强基”，党建引领'],
    ['通知如下:', '通知如下：'],
    ['建设, 将全面从严治党', '建设， 将全面从严治党'],
    ['开展2次,分析研判', '开展2次，分析研判'],
    ['比例达到95%,全县', '比例达到95%，全县'],
    ['发布日期:2024-03-26 09:28', '发布日期：2024-03-26 09:28'],
  ])('%s → %s', (input, output) => {
    expect(normalized(input).text).toBe(output);
  });

  it.each([
    ['投资1,000万元', 'a comma between digits'],
    ['信息化2.0行动计划', 'a decimal point'],
    ['1.巩固提升主题教育成果', 'the "1." of numbering'],
    ['时间09:28', 'a time of day'],
    ['编辑: yy', 'a colon before Latin text'],
    ['see https://example.org/a?b=1', 'a URL'],
    ['Produced By 大汉网络', 'Latin text'],
  ])('leaves %s alone (%s)', (input) => {
    const result = normalized(input);
    expect(result.text).toBe(input);
    expect(result.counts['halfwidth-punctuation']).toBeUndefined();
  });

  it('widens brackets in pairs around Chinese text', () => {
    expect(normalized('(一)聚焦“培源强基”').text).toBe('（一）聚焦“培源强基”');
    expect(normalized('各区(市)教体局').text).toBe('各区（市）教体局');
    expect(normalized('《计划(2020-2021)》等').text).toBe('《计划（2020-2021）》等');
    expect(normalized('(一)聚焦').counts).toEqual({ 'halfwidth-punctuation': 2 });
  });

  it('completes a pair printed with mixed widths', () => {
    expect(normalized('（一)加强').text).toBe('（一）加强');
    expect(normalized('(二）加强').text).toBe('（二）加强');
  });

  it('leaves brackets of Latin text, numbered items and markup as written', () => {
    expect(normalized('使用Python(3.12)版本').text).toBe('使用Python(3.12)版本');
    expect(normalized('(1)加强').text).toBe('(1)加强');
    expect(normalized('<script>alert("你好")</script>').text).toBe('<script>alert("你好")</script>');
    expect(normalized('<a href="x">链接</a>').text).toBe('<a href="x">链接</a>');
  });

  it('leaves an unmatched bracket as it is', () => {
    expect(normalized('甲(乙').text).toBe('甲(乙');
    expect(normalized('甲)乙').text).toBe('甲)乙');
  });

  it('normalizes every comma and bracket of a 100,000-character line', () => {
    // 33,000 commas between Chinese characters (the last one stands before an ASCII bracket) and one bracket pair.
    const line = `${'教育,'.repeat(33_000)}(${'一'.repeat(1000)})`;
    const result = normalized(line);
    expect(result.counts['halfwidth-punctuation']).toBe(32_999 + 2);
  });
});

describe('unspacedType', () => {
  it('reads a name set in spaced type as the word it spells, alone or beside other names', () => {
    expect(unspacedType('北 京 市 教 育 委 员 会')).toBe('北京市教育委员会');
    expect(unspacedType('中共河南省委高校工委 河 南 省 教 育 厅')).toBe('中共河南省委高校工委 河南省教育厅');
  });

  it('reads a title set in spaced type, its year among the characters, as it spells', () => {
    expect(unspacedType('黄 梅 县 教 育 局 2023 年 工 作 要 点')).toBe('黄梅县教育局2023年工作要点');
    expect(unspacedType('2 0 2 3 年 工 作 要 点')).toBe('2023年工作要点');
    expect(unspacedType('黄梅县教育局2023年 工 作 要 点')).toBe('黄梅县教育局2023年 工作要点');
  });

  it('leaves two characters a space apart, and numbers with their units, as they are', () => {
    expect(unspacedType('坚持稳中求 进工作总基调')).toBe('坚持稳中求 进工作总基调');
    expect(unspacedType('2020 年 3 月 10 日')).toBe('2020 年 3 月 10 日');
  });
});
