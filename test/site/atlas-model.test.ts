import { describe, expect, it } from 'vitest';
import {
  buildRegionTree, chineseDate, itemName, itemsInPlan, plansByYear, plansUnder, regionAncestors, regionChain, regionFullName, sortPlans,
} from '../../src/site/atlas-model.ts';
import { item, plan, section } from './fixtures.ts';

const taian2024 = plan();
const taian2023 = plan({ url: '/shandong/taian/2023/', year: 2023, years: [2023] });
const taierzhuang = plan({
  url: '/shandong/zaozhuang/taierzhuang/2021/',
  year: 2021,
  years: [2021],
  title: '台儿庄区2021年工作要点',
  region: {
    name: '台儿庄区', code: '370405', prefecture: '枣庄市', prefectureCode: '370400', level: 'county',
    path: ['shandong', 'zaozhuang', 'taierzhuang'],
  },
});
const haidian = plan({
  url: '/beijing/haidian/2022/',
  year: 2022,
  years: [2022],
  region: {
    name: '海淀区', code: '110108', province: '北京市', provinceCode: '110000', prefecture: null, prefectureCode: null,
    level: 'county', path: ['beijing', 'haidian'],
  },
});

describe('regionChain', () => {
  it('names every prefix of the region path', () => {
    expect(regionChain(taierzhuang).map((link) => [link.path.join('/'), link.name, link.code])).toEqual([
      ['shandong', '山东省', '370000'],
      ['shandong/zaozhuang', '枣庄市', '370400'],
      ['shandong/zaozhuang/taierzhuang', '台儿庄区', '370405'],
    ]);
    expect(regionFullName(taierzhuang)).toBe('山东省枣庄市台儿庄区');
  });

  it('skips the prefecture under a municipality', () => {
    expect(regionChain(haidian).map((link) => link.name)).toEqual(['北京市', '海淀区']);
  });
});

describe('buildRegionTree', () => {
  it('builds province → prefecture → county, sorted by code, whatever the input order', () => {
    const one = buildRegionTree([taierzhuang, taian2024, haidian, taian2023]);
    const two = buildRegionTree([taian2023, haidian, taian2024, taierzhuang]);
    const outline = (tree: typeof one) => tree.roots.map((root) => [root.name, root.children.map((child) => [child.name, child.children.map((c) => c.name)])]);
    expect(outline(one)).toEqual([
      ['北京市', [['海淀区', []]]],
      ['山东省', [['枣庄市', ['台儿庄区']], ['泰安市', []]]],
    ]);
    expect(outline(two)).toEqual(outline(one));
    expect(one.byUrl.get('/shandong/taian/')?.plans.map((p) => p.year)).toEqual([2024, 2023]);
    expect(one.byUrl.get('/shandong/zaozhuang/')?.plans).toEqual([]);
  });

  it('collects the plans under a region and its ancestors', () => {
    const { byUrl } = buildRegionTree([taierzhuang, taian2024, taian2023]);
    const shandong = byUrl.get('/shandong/')!;
    expect(plansUnder(shandong).map((p) => p.url)).toEqual(['/shandong/taian/2024/', '/shandong/taian/2023/', '/shandong/zaozhuang/taierzhuang/2021/']);
    expect(regionAncestors(byUrl.get('/shandong/zaozhuang/taierzhuang/')!, byUrl).map((node) => node.url)).toEqual([
      '/shandong/', '/shandong/zaozhuang/', '/shandong/zaozhuang/taierzhuang/',
    ]);
  });
});

describe('itemsInPlan', () => {
  it('walks items in document order with their sections and neighbours', () => {
    const url = '/x/2024/';
    const nested = plan({
      url,
      sections: [
        section('1', '一、总结', [item(url, '1.1', '甲', '甲。')], [section('1.1', '（一）党建', [item(url, '1.1.1', '乙', '乙。')])]),
        section('2', '二、计划', [item(url, '2.1', '丙', '丙。')]),
      ],
    });
    const items = itemsInPlan(nested);
    expect(items.map((entry) => entry.item.key)).toEqual(['1.1', '1.1.1', '2.1']);
    expect(items[1]!.sections.map((s) => s.key)).toEqual(['1', '1.1']);
    expect(items[0]!.previous).toBeNull();
    expect(items[1]!.previous?.key).toBe('1.1');
    expect(items[1]!.next?.key).toBe('2.1');
    expect(items[2]!.next).toBeNull();
  });
});

describe('plansByYear and sortPlans', () => {
  it('orders newest first, then by region path', () => {
    expect(sortPlans([taierzhuang, taian2023, haidian, taian2024]).map((p) => p.url)).toEqual([
      '/shandong/taian/2024/', '/shandong/taian/2023/', '/beijing/haidian/2022/', '/shandong/zaozhuang/taierzhuang/2021/',
    ]);
    expect(plansByYear([taian2023, taian2024, taierzhuang]).map((group) => group.year)).toEqual([2024, 2023, 2021]);
  });
});

describe('display helpers', () => {
  it('names an item by its lead phrase, else the start of its text', () => {
    expect(itemName(item('/x/', '1', '巩固成果', '巩固成果。'))).toBe('巩固成果');
    expect(itemName(item('/x/', '1', null, '一二三四五六七八九十'), 4)).toBe('一二三四…');
  });

  it('writes dates the Chinese way', () => {
    expect(chineseDate('2024-03-06')).toBe('2024年3月6日');
    expect(chineseDate(null)).toBeNull();
  });
});
