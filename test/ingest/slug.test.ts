import { describe, expect, it } from 'vitest';
import { pinyinSlug } from '../../scripts/ingest/slug.ts';

describe('pinyinSlug', () => {
  it.each([
    ['泰安', 'taian'],
    ['台儿庄', 'taierzhuang'],
    ['内蒙古', 'neimenggu'],
    ['重庆', 'chongqing'],
    ['鹰潭', 'yingtan'],
    ['高台', 'gaotai'],
  ])('reads %s as %s', (chinese, slug) => {
    expect(pinyinSlug(chinese)).toBe(slug);
  });

  it('writes ü as v so that slugs stay ASCII', () => {
    expect(pinyinSlug('吕梁')).toBe('lvliang');
    expect(pinyinSlug('绿春')).toBe('lvchun');
  });

  it.each([
    ['乐亭', 'laoting'],
    ['洪洞', 'hongtong'],
    ['于都', 'yudu'],
    ['都江堰', 'dujiangyan'],
    ['喀什', 'kashi'],
    ['六安', 'luan'],
    ['单县', 'shanxian'],
    ['闵行', 'minhang'],
    ['繁峙', 'fanshi'],
    ['珲春', 'hunchun'],
    ['泌阳', 'biyang'],
    ['筠连', 'junlian'],
    ['牟定', 'mouding'],
    ['大城', 'dacheng'],
    ['民乐', 'minle'],
    ['阿图什', 'atushi'],
  ])('uses the place-name reading of %s (%s), not the everyday one', (chinese, slug) => {
    expect(pinyinSlug(chinese)).toBe(slug);
  });

  it('keeps Latin letters and digits, drops punctuation and spaces', () => {
    expect(pinyinSlug('第2 中学·A区')).toBe('di2zhongxueaqu');
    expect(pinyinSlug('（泰安）')).toBe('taian');
  });

  it('gives only lowercase letters and digits', () => {
    for (const name of ['香港特别行政区', '中沙群岛的岛礁及其海域', '新疆维吾尔自治区', 'Ａ１区', '']) {
      expect(pinyinSlug(name)).toMatch(/^[a-z0-9]*$/);
    }
  });
});
