import { describe, expect, it } from 'vitest';
import { loadRegionGenre } from '../../scripts/genre/regions.ts';
import { buildDivisionIndex, loadDivisionIndex, shortNameOf } from '../../scripts/ingest/divisions.ts';

const index = loadDivisionIndex();
const all = [...index.byCode.values()];
const reserved = ['plans', 'years', 'search', 'topics', 'terms', 'docs', 'about', 'downloads'];

describe('loadDivisionIndex', () => {
  it('loads once and says how long that took', () => {
    expect(loadDivisionIndex()).toBe(index);
    expect(index.loadMs).toBeGreaterThan(0);
    expect(Number.isFinite(index.loadMs)).toBe(true);
  });

  it('holds every province, prefecture and county with its place in the hierarchy', () => {
    expect(all.length).toBeGreaterThan(3_000);
    expect(index.byCode.get('370000')).toMatchObject({ name: '山东省', shortName: '山东', slug: 'shandong', level: 'province', parentCode: null, prefectureCode: null });
    expect(index.byCode.get('370900')).toMatchObject({ name: '泰安市', shortName: '泰安', slug: 'taian', level: 'prefecture', parentCode: '370000', provinceCode: '370000', prefectureCode: '370900' });
    expect(index.byCode.get('370405')).toMatchObject({ name: '台儿庄区', shortName: '台儿庄', slug: 'taierzhuang', level: 'county', parentCode: '370400', provinceCode: '370000', prefectureCode: '370400' });
  });

  it('hangs a municipality’s districts directly under it', () => {
    expect(index.byCode.get('110000')).toMatchObject({ level: 'province', slug: 'beijing' });
    expect(index.byCode.get('110101')).toMatchObject({ name: '东城区', level: 'county', parentCode: '110000', prefectureCode: null });
    expect(index.path('110101')).toEqual(['beijing', 'dongcheng']);
  });

  it('hangs counties of a province’s 直辖 group under the province, with no prefecture', () => {
    expect(index.byCode.get('429004')).toMatchObject({ name: '仙桃市', level: 'county', parentCode: '420000', prefectureCode: null });
    expect(index.path('429004')).toEqual(['hubei', 'xiantao']);
    expect(index.byCode.get('469002')).toMatchObject({ name: '琼海市', parentCode: '460000' });
    expect(index.byCode.has('429000')).toBe(false);
    expect(index.lookup('湖北省-自治区直辖县级行政区划')).toEqual([]);
  });

  it('leaves out the 市辖区 placeholders', () => {
    expect(index.byCode.has('130101')).toBe(false);
    expect(index.lookup('市辖区')).toEqual([]);
  });

  it('finds divisions by full and short name', () => {
    expect(index.lookup('泰安市').map((division) => division.code)).toEqual(['370900']);
    expect(index.lookup('泰安').map((division) => division.code)).toEqual(['370900']);
    expect(index.lookup('朝阳区').map((division) => division.code).sort()).toEqual(['110105', '220104']);
    expect(index.lookup('朝阳').length).toBeGreaterThanOrEqual(4);
    expect(index.lookup('不存在的地方')).toEqual([]);
  });

  it('walks children and ancestors', () => {
    expect(index.children('370400').map((division) => division.name)).toContain('台儿庄区');
    expect(index.ancestors('370405').map((division) => division.name)).toEqual(['山东省', '枣庄市']);
    expect(index.ancestors('370000')).toEqual([]);
  });
});

describe('slugs and paths over the whole dataset', () => {
  it('gives every division a unique path of slugs', () => {
    const paths = new Map<string, string>();
    for (const division of all) {
      const path = index.path(division.code).join('/');
      expect(paths.get(path), `${division.code} ${division.name} and ${paths.get(path)} share /${path}/`).toBeUndefined();
      paths.set(path, division.code);
    }
  });

  it('keeps slugs to [a-z0-9-] and never uses a reserved word', () => {
    for (const division of all) {
      expect(division.slug, division.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(reserved).not.toContain(division.slug);
    }
  });

  it('spells 陕西 Shaanxi so that it never meets 山西', () => {
    expect(index.byCode.get('140000')?.slug).toBe('shanxi');
    expect(index.byCode.get('610000')?.slug).toBe('shaanxi');
  });

  it('gives the pinyin of the short name where no sibling shares it', () => {
    expect(index.path('620724')).toEqual(['gansu', 'zhangye', 'gaotai']);
    expect(index.path('150000')).toEqual(['neimenggu']);
    expect(index.path('422800')).toEqual(['hubei', 'enshi']);
  });
});

describe('sibling slug collisions', () => {
  const genre = loadRegionGenre();
  const built = buildDivisionIndex(
    [
      {
        code: '990000',
        name: '测试省',
        children: [
          {
            code: '990100',
            name: '朝阳市',
            children: [
              { code: '990101', name: '市辖区' },
              { code: '990102', name: '朝阳区' },
              { code: '990121', name: '朝阳县' },
              { code: '990122', name: '长安区' },
              { code: '990123', name: '长安区' },
              { code: '990124', name: '泰山区' },
            ],
          },
        ],
      },
    ],
    genre,
  );

  it('gives both siblings the pinyin of their full names when their short names read alike', () => {
    expect(built.byCode.get('990102')?.slug).toBe('chaoyangqu');
    expect(built.byCode.get('990121')?.slug).toBe('chaoyangxian');
  });

  it('adds the code when even the full names read alike', () => {
    expect(built.byCode.get('990122')?.slug).toBe('changanqu-990122');
    expect(built.byCode.get('990123')?.slug).toBe('changanqu-990123');
  });

  it('leaves a sibling without a clash alone, and a county may share its prefecture’s slug', () => {
    expect(built.byCode.get('990124')?.slug).toBe('taishan');
    expect(built.byCode.get('990100')?.slug).toBe('chaoyang');
  });
});

describe('shortNameOf', () => {
  const genre = loadRegionGenre();
  it.each([
    ['山东省', '山东'],
    ['北京市', '北京'],
    ['内蒙古自治区', '内蒙古'],
    ['广西壮族自治区', '广西'],
    ['宁夏回族自治区', '宁夏'],
    ['新疆维吾尔自治区', '新疆'],
    ['香港特别行政区', '香港'],
    ['恩施土家族苗族自治州', '恩施'],
    ['双江拉祜族佤族布朗族傣族自治县', '双江'],
    ['塔什库尔干塔吉克自治县', '塔什库尔干'],
    ['东乡族自治县', '东乡'],
    ['鄂伦春自治旗', '鄂伦春'],
    ['梅里斯达斡尔族区', '梅里斯'],
    ['锡林郭勒盟', '锡林郭勒'],
    ['阿里地区', '阿里'],
    ['浦东新区', '浦东'],
    ['神农架林区', '神农架'],
    ['六枝特区', '六枝'],
    ['金林区', '金林'],
    ['清新区', '清新'],
    ['台儿庄区', '台儿庄'],
    ['随县', '随县'],
    ['芒市', '芒市'],
    ['石家庄高新技术产业开发区', '石家庄高新技术产业开发区'],
  ])('%s → %s', (name, short) => {
    expect(shortNameOf(name, genre)).toBe(short);
  });
});

describe('scan', () => {
  const surfaces = (text: string, options?: Parameters<typeof index.scan>[1]): string[] => index.scan(text, options).map(({ entry }) => entry.surface);

  it('reads names leftmost-longest without overlaps', () => {
    expect(surfaces('山东省泰安市泰山区')).toEqual(['山东省', '泰安市', '泰山区']);
    expect(surfaces('中共泰安市委教育工委')).toEqual(['泰安市']);
    expect(surfaces('中共台儿庄区委')).toEqual(['台儿庄区']);
  });

  it('finds nothing in an abbreviation like 泰教发', () => {
    expect(surfaces('泰教发〔2024〕1号')).toEqual([]);
  });

  it('skips generic names and words that only spell a name across a boundary', () => {
    expect(surfaces('城区学校、平安校园、乡村振兴、弘扬中华优秀传统文化、党建平台')).toEqual([]);
  });

  it('can skip two-character full names, which running text spells by accident', () => {
    expect(surfaces('建成县级示范校,提高县域教育质量')).toContain('成县');
    expect(surfaces('建成县级示范校,提高县域教育质量', { minFullNameLength: 3 })).toEqual([]);
  });

  it('stops at the limit', () => {
    expect(surfaces('泰安市鹰潭市', { limit: 3 })).toEqual(['泰安市']);
    // A longer name that runs past the limit gives way to a shorter one that ends before it.
    expect(surfaces('泰安市', { limit: 2 })).toEqual(['泰安']);
  });

  it('scans 10 MB of text', () => {
    const text = '全市教育工作坚持以人民为中心,泰安教育扩优提质。'.repeat(400_000);
    const mentions = index.scan(text);
    expect(mentions.length).toBe(400_000);
  });
});
