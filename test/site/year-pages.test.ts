import { describe, expect, it } from 'vitest';
import { fitsOnePage, planCountOfYear, provinceRegionPath, provinceYearPath, provinceYears, provincesOfYear, yearPath } from '../../src/site/year-pages.ts';
import { plan } from './fixtures.ts';

const taian2024 = plan();
const taian2023 = plan({ url: '/shandong/taian/2023/', year: 2023, years: [2023] });
const jinan2024 = plan({ url: '/shandong/jinan/2024/', region: { name: '济南市', code: '370100', prefecture: '济南市', prefectureCode: '370100', path: ['shandong', 'jinan'] } });
const beijing2024 = plan({
  url: '/beijing/haidian/2024/',
  region: { name: '海淀区', code: '110108', province: '北京市', provinceCode: '110000', prefecture: null, prefectureCode: null, level: 'county', path: ['beijing', 'haidian'] },
});
const gansu2024 = plan({
  url: '/gansu/zhangye/gaotai/2024/',
  region: { name: '高台县', code: '620724', province: '甘肃省', provinceCode: '620000', prefecture: '张掖市', prefectureCode: '620700', level: 'county', path: ['gansu', 'zhangye', 'gaotai'] },
});
// Read in no particular order, as files are.
const plans = [gansu2024, taian2023, taian2024, beijing2024, jinan2024];

describe('provincesOfYear', () => {
  it("gives the year's provinces in division-code order, each with its plans of that year in region order", () => {
    const provinces = provincesOfYear(plans, 2024);
    expect(provinces.map((province) => [province.slug, province.name, province.code])).toEqual([
      ['beijing', '北京市', '110000'],
      ['shandong', '山东省', '370000'],
      ['gansu', '甘肃省', '620000'],
    ]);
    expect(provinces[1]!.plans.map((each) => each.url)).toEqual(['/shandong/jinan/2024/', '/shandong/taian/2024/']);
    expect(provinces.every((province) => province.year === 2024)).toBe(true);
  });

  it('lists every plan of the year once and no plan of another year; a year without plans has no provinces', () => {
    const listed = provincesOfYear(plans, 2024).flatMap((province) => province.plans);
    expect(listed.map((each) => each.url).sort()).toEqual(plans.filter((each) => each.year === 2024).map((each) => each.url).sort());
    expect(provincesOfYear(plans, 2023).flatMap((province) => province.plans)).toEqual([taian2023]);
    expect(provincesOfYear(plans, 1999)).toEqual([]);
  });

  it('counts the plans of a year', () => {
    expect(planCountOfYear(plans, 2024)).toBe(4);
    expect(planCountOfYear(plans, 2023)).toBe(1);
    expect(planCountOfYear(plans, 1999)).toBe(0);
  });
});

describe('provinceYears', () => {
  it('gives one entry per province and year, newest year first, every plan in exactly one', () => {
    const all = provinceYears(plans);
    expect(all.map((province) => `${province.year}/${province.slug}`)).toEqual(['2024/beijing', '2024/shandong', '2024/gansu', '2023/shandong']);
    expect(all.flatMap((province) => province.plans).length).toBe(plans.length);
  });
});

describe('paths and layout', () => {
  it('puts a province of a year under its year, and its region page at its own segment', () => {
    expect(yearPath(2024)).toBe('/years/2024/');
    expect(provinceYearPath(2024, 'shandong')).toBe('/years/2024/shandong/');
    expect(provinceRegionPath(provincesOfYear(plans, 2024)[1]!)).toBe('/shandong/');
  });

  it('shows a list of plans whole while it fits on a page, and by province or year past that', () => {
    expect(fitsOnePage(100, 100)).toBe(true);
    expect(fitsOnePage(101, 100)).toBe(false);
    expect(fitsOnePage(0, 1)).toBe(true);
  });
});
