import { readFileSync } from 'node:fs';
import { loadRegionGenre } from '../../scripts/genre/regions.ts';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { regionSchema } from '../../src/model/plan.ts';
import { loadDivisionIndex, type Division } from '../../scripts/ingest/divisions.ts';
import { AtlasError } from '../../src/model/errors.ts';
import { regionForDivision, resolveRegion, scopeUses, type RegionEvidence } from '../../scripts/ingest/region.ts';

const index = loadDivisionIndex();

function evidence(parts: Partial<RegionEvidence>): RegionEvidence {
  return { sidecar: null, title: null, issuers: [], notice: '', body: '', ...parts };
}

function failure(parts: Partial<RegionEvidence>): AtlasError {
  try {
    resolveRegion(evidence(parts), index);
  } catch (error) {
    if (error instanceof AtlasError) return error;
    throw error;
  }
  throw new Error('expected an AtlasError');
}

const division = (code: string): Division => index.byCode.get(code) as Division;

describe('the five bundled plans', () => {
  const seeds = ['taian-2024', 'yingtan-2021', 'dalian-2018', 'taierzhuang-2021', 'gaotai-2024'];
  it.each(seeds)('%s', (name) => {
    const fixture = parseYaml(readFileSync(new URL(`fixtures/region/${name}.yaml`, import.meta.url), 'utf8')) as RegionEvidence & {
      expect: Record<string, unknown>;
    };
    const { expect: expected, ...parts } = fixture;
    const region = resolveRegion({ ...parts, sidecar: null }, index);
    expect(regionSchema.parse(region)).toEqual(region);
    expect(region).toMatchObject(expected);
  });

  it('dalian: counts 大连 and 大连市 in the body, its province, and 全市', () => {
    const fixture = parseYaml(readFileSync(new URL('fixtures/region/dalian-2018.yaml', import.meta.url), 'utf8')) as RegionEvidence;
    const region = resolveRegion({ ...fixture, sidecar: null }, index);
    expect(region.evidence).toMatch(/全市×\d+/u);
    expect(region.evidence).toMatch(/大连市×\d+/u);
    expect(region.evidence).toMatch(/辽宁省×1/u);
    expect(region.evidence).not.toMatch(/六盘水/u);
  });
});

describe('sidecar', () => {
  it('wins with a code over everything the document says', () => {
    const region = resolveRegion(evidence({ sidecar: { code: '370405' }, title: '鹰潭市教育局2021年工作要点' }), index);
    expect(region).toMatchObject({ code: '370405', source: 'sidecar', evidence: '370405', level: 'county' });
  });

  it('wins with an official or short name', () => {
    expect(resolveRegion(evidence({ sidecar: { name: '泰安市' }, title: '鹰潭市教育局' }), index)).toMatchObject({ code: '370900', source: 'sidecar' });
    expect(resolveRegion(evidence({ sidecar: { name: '高台' } }), index)).toMatchObject({ code: '620724' });
  });

  it('reads a name with its parents', () => {
    expect(resolveRegion(evidence({ sidecar: { name: '北京市朝阳区' } }), index)).toMatchObject({ code: '110105', path: ['beijing', 'chaoyang'] });
  });

  it('settles an ambiguous name by the places the document names', () => {
    expect(resolveRegion(evidence({ sidecar: { name: '朝阳区' }, body: '长春市教育局……吉林省' }), index)).toMatchObject({ code: '220104' });
  });

  it('refuses a code that is no division, naming it', () => {
    const error = failure({ sidecar: { code: '379999' }, title: '泰安市教育局' });
    expect(error.code).toBe('region-unknown');
    expect(error.message).toContain('379999');
  });

  it('refuses a name that is no division, naming it', () => {
    const error = failure({ sidecar: { name: '桃花源市' } });
    expect(error.code).toBe('region-unknown');
    expect(error.message).toContain('桃花源市');
  });

  it('refuses an ambiguous name, listing the candidates with their codes', () => {
    const error = failure({ sidecar: { name: '朝阳区' } });
    expect(error.code).toBe('region-ambiguous');
    expect(error.message).toContain('110105');
    expect(error.message).toContain('220104');
  });

  it('is ignored when it gives neither code nor name', () => {
    expect(resolveRegion(evidence({ sidecar: { code: null, name: null }, title: '鹰潭市教育局' }), index)).toMatchObject({ code: '360600', source: 'title' });
  });
});

describe('title, issuers and notice', () => {
  it('takes the title before the issuers and the notice', () => {
    const region = resolveRegion(evidence({ title: '2021年台儿庄区教育工作要点', issuers: ['枣庄市教育局'], notice: '泰安市' }), index);
    expect(region).toMatchObject({ code: '370405', source: 'title', evidence: '台儿庄区' });
  });

  it('takes the most specific division of a chain of names', () => {
    expect(resolveRegion(evidence({ title: '山东省泰安市教育局2024年工作要点' }), index)).toMatchObject({ code: '370900', evidence: '山东省、泰安市' });
    expect(resolveRegion(evidence({ title: '枣庄市台儿庄区2021年教育工作要点' }), index)).toMatchObject({ code: '370405', prefecture: '枣庄市' });
  });

  it('takes the district the issuers name inside the city the title names', () => {
    const region = resolveRegion(evidence({ title: '2022年青岛西海岸新区教育体育工作要点', issuers: ['中共青岛市黄岛区委教育工作委员会', '青岛西海岸新区教育和体育局'] }), index);
    expect(region).toMatchObject({ code: '370211', source: 'issuer' });
    // Issuers of the city itself leave the title's city.
    expect(resolveRegion(evidence({ title: '青岛市教育局2022年工作要点', issuers: ['青岛市教育局'] }), index)).toMatchObject({ code: '370200', source: 'title' });
  });

  it('finds names inside organ names', () => {
    expect(resolveRegion(evidence({ title: '2024年工作要点', issuers: ['中共泰安市委教育工委', '泰安市教育局'] }), index)).toMatchObject({
      code: '370900',
      source: 'issuer',
    });
    expect(resolveRegion(evidence({ issuers: ['中共台儿庄区委教育工作委员会'] }), index)).toMatchObject({ code: '370405', source: 'issuer' });
  });

  it('reads the notice when title and issuers name nothing', () => {
    expect(resolveRegion(evidence({ notice: '现将《鹰潭市教育局2021年工作要点》印发给你们' }), index)).toMatchObject({ code: '360600', source: 'notice' });
  });

  it('does not take an abbreviation like 泰教发 as a place', () => {
    const error = failure({ notice: '泰教发〔2024〕1号\n各县市区教育和体育局:' });
    expect(error.code).toBe('region-unresolved');
  });

  it('takes the prefecture when a notice addresses several of its counties', () => {
    const region = resolveRegion(evidence({ notice: '泰安市教育局\n泰山区、岱岳区教育和体育局,新泰市、肥城市教育和体育局:' }), index);
    expect(region).toMatchObject({ code: '370900', source: 'notice' });
  });

  it('settles an ambiguous name by other places in the same text, then anywhere', () => {
    expect(resolveRegion(evidence({ title: '北京市朝阳区教育委员会2024年工作要点' }), index)).toMatchObject({ code: '110105' });
    expect(resolveRegion(evidence({ title: '朝阳区教育局2024年工作要点', body: '全区教育工作深入贯彻吉林省和长春市部署' }), index)).toMatchObject({
      code: '220104',
      source: 'title',
    });
  });

  it('refuses an ambiguous name nothing settles, listing the candidates with codes', () => {
    const error = failure({ title: '鼓楼区教育局2024年工作要点' });
    expect(error.code).toBe('region-ambiguous');
    for (const code of ['320106', '350102', '410204', '320302']) expect(error.message).toContain(code);
  });
});

describe('generic names', () => {
  it('count right after their parent’s name', () => {
    expect(resolveRegion(evidence({ title: '晋城市城区教育局2024年工作要点' }), index)).toMatchObject({ code: '140502', path: ['shanxi', 'jincheng', 'chengqu'] });
    expect(resolveRegion(evidence({ issuers: ['济南市中区教育体育局'] }), index)).toMatchObject({ code: '370103', source: 'issuer' });
  });

  it('name the region in a title when the document’s places settle which one', () => {
    expect(resolveRegion(evidence({ title: '城区教育局2024年工作要点', body: '全区教育工作,落实阳泉市部署' }), index)).toMatchObject({ code: '140302', source: 'title' });
  });

  it('are refused in a title when nothing settles which one, listing the candidates', () => {
    const error = failure({ title: '市中区教育局2024年工作要点' });
    expect(error.code).toBe('region-ambiguous');
    for (const code of ['370103', '370402', '511002', '511102']) expect(error.message).toContain(code);
  });

  it('say nothing in a notice or the body', () => {
    expect(failure({ notice: '各城区教育局:', body: '城区学校' }).code).toBe('region-unresolved');
  });

  it('are no name inside a new area\'s name: 雄安新区 and 贵安新区 are not 安新县', () => {
    expect(failure({ title: '雄安新区公共服务局2023年教育工作要点' }).code).toBe('region-unresolved');
    expect(failure({ title: '贵安新区教育局2023年工作要点' }).code).not.toBe('region-ambiguous');
    expect(resolveRegion(evidence({ title: '安新县教育体育局2023年工作要点' }), index)).toMatchObject({ code: '130632' });
  });
});

describe('every division of the dataset', () => {
  it('is resolved from a title that names it with its parent', () => {
    const wrong: string[] = [];
    // The dataset keeps some abolished divisions beside their successors under one parent
    // (三明市 三元区 350403 and 350404; 沙县 and 沙县区): those names are truly ambiguous.
    const twinned = (code: string, name: string, parentCode: string | null): boolean =>
      index.lookup(name).some((other) => other.code !== code && other.parentCode === parentCode);
    for (const division of index.byCode.values()) {
      if (twinned(division.code, division.name, division.parentCode)) continue;
      const parent = division.parentCode === null ? '' : (index.byCode.get(division.parentCode)?.name ?? '');
      const title = `${parent}${division.name}教育局2024年工作要点`;
      try {
        const region = resolveRegion(evidence({ title }), index);
        if (region.code !== division.code) wrong.push(`${title} → ${region.code}`);
      } catch (error) {
        wrong.push(`${title} → ${error instanceof AtlasError ? error.code : String(error)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('body', () => {
  it('counts names, full names weighing more than short ones', () => {
    // 大连 three times as a short name (3) against 沈阳市 twice as a full name (4).
    const region = resolveRegion(evidence({ body: '大连教育、大连城市、大连发展。沈阳市经验,沈阳市' }), index);
    expect(region).toMatchObject({ code: '210100', source: 'body' });
  });

  it('lets a scope word choose the level', () => {
    const county = resolveRegion(evidence({ body: '全县教育工作。泰安泰安泰安泰安,东平县、东平县' }), index);
    expect(county).toMatchObject({ code: '370923', level: 'county' });
    const prefecture = resolveRegion(evidence({ body: '全市教育工作。泰安市,泰安,东平县东平县东平县' }), index);
    expect(prefecture).toMatchObject({ code: '370900', level: 'prefecture' });
    expect(prefecture.evidence).toContain('全市×1');
  });

  it('does not file a county\'s text (我县) under the city it names', () => {
    expect(failure({ body: '2010年以来，县教育体育局坚持科学发展。我县学校建设进展顺利，争创济宁市教育工作先进单位，济宁市表彰。' }).code).toBe('region-unresolved');
  });

  it('gives equal scope words to the lower level, and counts a place named before what it is to show (常州实践)', () => {
    // A city plan citing its province's documents: 全市 and 全省 once each, 江苏 twice.
    const body = '全市教育工作的总体思路是：贯彻对江苏工作重要讲话精神，紧扣《江苏教育强省建设规划纲要》，落实全省部署，服务中国式现代化常州实践，作出常州贡献。';
    expect(resolveRegion(evidence({ body }), index)).toMatchObject({ code: '320400', level: 'prefecture' });
    // Without the city's name the text does not say whose plan it is: not the province's.
    expect(failure({ body: body.replace(/常州/gu, '') }).code).toBe('region-unresolved');
    // Nor is a level sure that the body speaks of as often as of another: one passing city is no region.
    const tied = '全市教育工作的总体思路是：为我市加快打造武汉都市圈重要增长极贡献力量。全市进入全省第一方阵。全市、全省、全省。';
    expect(failure({ body: tied }).code).toBe('region-unresolved');
  });

  it('falls back on the page\'s publisher when it is a bureau, or a government the text speaks for, and the text names no region, and only then', () => {
    const organs = ['教育局', '教育厅'];
    const text = { body: '全年工作目标任务全面完成。', organs };
    expect(resolveRegion(evidence({ ...text, publisher: '无锡市教育局' }), index)).toMatchObject({ code: '320200', source: 'publisher', evidence: '无锡市教育局' });
    // A publisher that is no bureau (a newspaper, a portal) says nothing of whose plan it is.
    expect(failure({ ...text, publisher: '无锡日报' }).code).toBe('region-unresolved');
    // A government that published a text speaking for its level (全县) is its place; not one that speaks for another (全市).
    const county = { body: '今年以来，我们认真贯彻全县教育大会精神，建设教育强县。', organs };
    expect(resolveRegion(evidence({ ...county, publisher: '沅陵县人民政府' }), index)).toMatchObject({ code: '431222', source: 'publisher' });
    expect(failure({ ...county, body: county.body.replaceAll('县', '市'), publisher: '沅陵县人民政府' }).code).toBe('region-unresolved');
    expect(failure({ ...text, publisher: '沅陵县人民政府' }).code).toBe('region-unresolved');
    // …nor a county-level city's portal with a text of 全市, which may be its prefecture's.
    expect(failure({ body: '今年以来，全市教育系统认真贯彻全市教育大会精神。', organs, publisher: '义乌市人民政府' }).code).toBe('region-unresolved');
    // A text that names its region keeps it, whoever reposted it.
    const city = { body: '全市教育工作。常州市教育局，常州市，常州市。', organs };
    expect(resolveRegion(evidence({ ...city, publisher: '江苏省教育厅' }), index)).toMatchObject({ code: '320400', source: 'body' });
  });

  it('settles which of two places a title names by the page\'s 来源 (上海普陀)', () => {
    const putuo = { title: '2016年普陀区教育局工作要点', body: '普陀教育工作总的要求是：在区委、区政府的领导下。' };
    expect(failure(putuo).code).toBe('region-ambiguous');
    expect(resolveRegion(evidence({ ...putuo, publisher: '上海普陀' }), index)).toMatchObject({ code: '310107', source: 'title' });
  });

  it('reads a bureau the text names by a generic name (城中区教育局) as its own when the text says which and speaks for that level', () => {
    const organs = ['教育局'];
    const body = '全区教育工作的总体思路是：深入学习贯彻对青海工作的重大要求，锻造西宁铁军，深化城中区教育局“一个中心”不动摇。';
    expect(resolveRegion(evidence({ body, organs }), index)).toMatchObject({ code: '630103', source: 'body' });
    // Without the names that say which 城中区, or without the level it speaks for, it is no evidence.
    expect(() => resolveRegion(evidence({ body: body.replace(/青海|西宁/gu, ''), organs }), index)).toThrow(AtlasError);
    const codeOf = (text: string): string | null => {
      try {
        return resolveRegion(evidence({ body: text, organs }), index).code;
      } catch (error) {
        if (error instanceof AtlasError) return null;
        throw error;
      }
    };
    expect(codeOf(body.replace('全区', '全市'))).not.toBe('630103');
    // Nor is a partner's bureau: 与城中区教育局结对.
    expect(codeOf(body.replace('深化城中区', '与城中区'))).not.toBe('630103');
  });

  it('leaves a text of 全县 that names only places above it (浙江, 绍兴) unresolved, not in doubt between them', () => {
    const body = '2024年全县教育工作的总体思路是：深入贯彻习近平总书记考察浙江重要讲话和考察绍兴重要指示精神，推动教育高质量发展。';
    expect(failure({ body, organs: ['教育局'] }).code).toBe('region-unresolved');
  });

  it('takes no school\'s name (新昌一小) as the one place of a plan that says 全县, though the same place named as such would do', () => {
    const body = '2023年全县教育工作的总体要求是：办好人民满意的教育。加快推进新昌一小综合楼建设，全县义务教育学校全部达标。统筹全县资源，提升全县教育质量。';
    expect(() => resolveRegion(evidence({ body, organs: ['教育局'] }), index)).toThrow(/school’s name/u);
    expect(resolveRegion(evidence({ body: body.replace('新昌一小', '新昌县第一小学'), organs: ['教育局'] }), index)).toMatchObject({ code: '330624' });
    // …nor a town's kindergarten, where the city centre (新昌中心城区) is the place itself.
    expect(() => resolveRegion(evidence({ body: body.replace('新昌一小', '新昌幼儿园'), organs: ['教育局'] }), index)).toThrow(/school’s name/u);
    expect(resolveRegion(evidence({ body: body.replace('新昌一小综合楼', '新昌中心城区学校'), organs: ['教育局'] }), index)).toMatchObject({ code: '330624' });
  });

  it('reads a generic name that ends a longer place name (北区 in 渝北区教委) as that place, not the generic one', () => {
    const body = ['[ 发布机构 ]', '渝北区教委', '2021年以来，渝北区坚持以习近平新时代中国特色社会主义思想为指导，推进全区教育高质量发展。', '全面加强渝北区教育工作领导小组的职能职责，开创全区教育新局面。'].join('\n');
    expect(resolveRegion(evidence({ body, organs: ['教委'] }), index)).toMatchObject({ code: '500112', name: '渝北区' });
  });

  it('reads no scope from a ranking (排名全省第一) and no place from a wider area named after it (武汉都市圈)', () => {
    const genre = loadRegionGenre();
    expect(scopeUses('成为全省实施学前教育提升试点。信息化发展指数排名全省第一。首次获评全省业绩考核优秀。全省', '全省', genre)).toBe(2);
    const xiaoshan = '2023年是萧山教育变中寻机的一年。在区委、区政府的坚强领导下，成为全省实施学前教育提升试点，排名全省第一，首次获评全省业绩考核优秀。召开全区教育高质量发展大会，出台萧山教育高质量发展意见，打造杭州市教育改革的萧山范例，萧山教育，萧山教育。浙江省';
    expect(resolveRegion(evidence({ body: xiaoshan }), index)).toMatchObject({ code: '330109', source: 'body' });
    expect(failure({ body: '2024年全市教育工作的总体思路是：为我市加快打造武汉都市圈重要增长极贡献更大力量。全市教育，全市学校。' }).code).toBe('region-unresolved');
  });

  it('reads a town that bears its county\'s name (黄梅镇) as no mention of the county', () => {
    const body = '2023年，黄梅镇中心学校组织营造良好环境，黄梅镇教育宣传工作，黄梅镇各校。全县教育系统。';
    expect(failure({ body }).code).toBe('region-unresolved');
    expect(resolveRegion(evidence({ body: body.replace(/黄梅镇/gu, '黄梅') }), index)).toMatchObject({ code: '421127', source: 'body' });
  });

  it('refuses a development zone\'s own text, which names its city but is no division\'s', () => {
    const body = '高新区教文体工作在区党工委和管委会的坚强领导下，获评宁波市先进集体，宁波市卓越团队，全市仅3所，全市。';
    const error = failure({ title: '教育文体局2020年工作总结', body });
    expect(error.code).toBe('region-unresolved');
    expect(error.message).toContain('development zone');
    // A title that names its division keeps it, whatever its text says of a zone.
    expect(resolveRegion(evidence({ title: '宁波市教育局2020年工作总结', body }), index)).toMatchObject({ code: '330200', source: 'title' });
  });

  it('boosts a division whose ancestors are named too', () => {
    // 朝阳 alone is four places; 北京 tells which.
    expect(resolveRegion(evidence({ body: '全区教育工作。朝阳区、朝阳区,首都北京' }), index)).toMatchObject({ code: '110105' });
  });

  it('keeps a place above its own parts named as often', () => {
    expect(resolveRegion(evidence({ body: '全市教育。泰安市,新泰市。泰安市,新泰市' }), index)).toMatchObject({ code: '370900' });
  });

  it('refuses a province named exactly as often as one of its cities: either could be the plan’s', () => {
    const error = failure({ body: '落实对广东工作的批示,把握佛山教育新方位,开启佛山教育新征程,为广东实现前列作出贡献。' });
    expect(error.code).toBe('region-ambiguous');
    expect(error.message).toContain('广东省 440000');
    expect(error.message).toContain('广东省佛山市 440600');
    // Named once more, the city is the plan's.
    expect(resolveRegion(evidence({ body: '落实对广东工作的批示,把握佛山教育新方位,开启佛山教育新征程,佛山教育系统为广东实现前列作出贡献。' }), index)).toMatchObject({ code: '440600' });
  });

  it('does not file a text that cites its own 《区教育…》 under the city whose honours it lists', () => {
    const body = '大力实施《区教育优质倍增工程五年行动计划》。新增成都市新优质学校3所,获评首批成都市基地校,创建为成都市新优质学校,承办成都市研讨会。';
    expect(failure({ body }).code).toBe('region-unresolved');
    // Without the district's own document, the city it names four times is its region.
    expect(resolveRegion(evidence({ body: body.replace('《区教育优质倍增工程五年行动计划》', '行动计划') }), index)).toMatchObject({ code: '510100' });
    // A county plan citing the city bureau's document claims no city's level by it.
    expect(resolveRegion(evidence({ body: '落实《市教育局关于加强教研的通知》。全县教育工作,全县学校,东平县实验学校。' }), index)).toMatchObject({ code: '370923' });
  });

  it('files a plan that prints a former name under the division as it is now, and says so', () => {
    const region = resolveRegion(evidence({ title: '襄樊市教育局2009年工作要点' }), index);
    expect(region).toMatchObject({ code: '420600', name: '襄阳市', source: 'title' });
    expect(region.evidence).toContain('襄樊市 is 襄阳市 since 2010');
    expect(resolveRegion(evidence({ title: '开县教育委员会2015年工作要点' }), index)).toMatchObject({ code: '500154', level: 'county' });
    // Every former name in the table names a division of GB/T 2260.
    for (const former of loadRegionGenre().formerNames) expect(index.byCode.get(former.now), former.name).toBeDefined();
  });

  it('says what the text printed when it found a district by the name of the county or city it was', () => {
    expect(resolveRegion(evidence({ title: '富阳市教育局2012年工作要点' }), index).evidence).toContain('(富阳市 is now 富阳区)');
    expect(resolveRegion(evidence({ title: '赣县教育局2012年工作要点' }), index).evidence).toContain('(赣县 is now 赣县区)');
    expect(resolveRegion(evidence({ title: '富阳区教育局2022年工作要点' }), index).evidence).not.toContain(' is now ');
  });

  it('reads a former county whose short name is its city\'s as the district it became, not as the city', () => {
    expect(resolveRegion(evidence({ title: '绍兴县教育局2012年工作要点' }), index)).toMatchObject({ code: '330603' });
    expect(resolveRegion(evidence({ title: '遵义县教育局2012年工作要点' }), index)).toMatchObject({ code: '520304' });
    expect(resolveRegion(evidence({ title: '绍兴市教育局2012年工作要点' }), index)).toMatchObject({ code: '330600' });
  });

  it('takes the region from the heading atop a text that prints no plan title, as printed evidence', () => {
    const region = resolveRegion(evidence({ heading: '2019年汉阴县政府重点工作任务公开承诺——县教体科技局', body: '全县教育工作。' }), index);
    expect(region).toMatchObject({ code: '610921', source: 'heading' });
  });

  it('takes no region from a single passing mention', () => {
    expect(failure({ body: '全县教育工作。与东平县结对帮扶,坚持立德树人。' }).code).toBe('region-unresolved');
  });

  it('takes no region from a name inside an ordinary word', () => {
    // 利通区 (宁夏), 安顺市, 上党区, 海棠区: each hidden in everyday words, twice.
    const body = '全区教育工作。顺利通过验收,顺利通过评估。平安顺利,平安顺利。书记上党课,书记上党课。海棠花红,海棠花红。';
    expect(failure({ body }).code).toBe('region-unresolved');
  });

  it('takes a name that stands as a name (首都北京, 泰安教育)', () => {
    expect(resolveRegion(evidence({ body: '全市教育工作。服务首都北京,首都北京发展。' }), index)).toMatchObject({ code: '110000' });
    expect(resolveRegion(evidence({ body: '全市教育工作。泰安教育,泰安教育。' }), index)).toMatchObject({ code: '370900' });
  });

  it('takes the one place of the level the title claims, named once (区教体局 … 庐阳区)', () => {
    const region = resolveRegion(evidence({ title: '区教体局2020年工作计划', body: '一、重点项目\n1.创建优质均衡发展区。\n2.加快推进庐阳区全民健身中心建设。' }), index);
    expect(region).toMatchObject({ code: '340103', source: 'body' });
    expect(region.evidence).toContain('全区 (the level the title or issuer claims)');
  });

  it('does not take the one place of the claimed level named once in a template copy (教师×人)', () => {
    const body = '一、师资建设\n1.接收凤台籍在县外工作申请回乡教师×人。\n2.招聘教师×名。';
    expect(failure({ title: '县教育局2022年工作总结及2023年工作安排', body }).code).toBe('region-unresolved');
    expect(resolveRegion(evidence({ title: '县教育局2022年工作总结及2023年工作安排', body: body.replaceAll('×', '12') }), index)).toMatchObject({ code: '340421' });
  });

  it('takes the one place of the level the body speaks for, named once (全省 … 湖北)', () => {
    const body = '2017年全省教育工作的总体要求是:为湖北在中部地区率先全面建成小康社会提供人才保障。引导全省教育战线。';
    expect(resolveRegion(evidence({ body }), index)).toMatchObject({ code: '420000', source: 'body' });
  });

  it('does not take a place named once as a partner, though it is the one of its level', () => {
    expect(failure({ body: '全县教育工作,全县学校。与东平县结对帮扶,坚持立德树人。' }).code).toBe('region-unresolved');
    expect(failure({ title: '县教育局2020年工作计划', body: '组织校长赴昆山市跟岗学习。' }).code).toBe('region-unresolved');
  });

  it('does not take a place named once when two of the claimed level are named', () => {
    expect(failure({ title: '区教体局2020年工作计划', body: '推进庐阳区全民健身中心与蜀山区体育公园建设。' }).code).toBe('region-ambiguous');
  });

  it('reads a name as a name where jieba reads it so (对内蒙古重要讲话), and not where it does not (顺利通过)', () => {
    const body = '全区教育工作的总体要求是:贯彻对内蒙古重要讲话精神,全区教育系统。';
    expect(resolveRegion(evidence({ issuers: ['自治区党委教育工委', '自治区教育厅'], body }), index)).toMatchObject({ code: '150000' });
    expect(failure({ issuers: ['自治区教育厅'], body: '全区教育工作,全区学校。顺利通过验收。' }).code).toBe('region-unresolved');
  });

  it('reads a two-character county standing as a word (房县教育), not inside a word (示范县, 完成县级) or after a linking word (和县)', () => {
    const title = '2024年县教育局工作计划';
    expect(resolveRegion(evidence({ title, body: '争创示范县,打响房县教育品牌。' }), index)).toMatchObject({ code: '420325' });
    expect(failure({ title, body: '建设示范县,完成县级验收。' }).code).toBe('region-unresolved');
    expect(failure({ title, body: '推动和县教育发展。' }).code).toBe('region-unresolved');
  });

  it('does not take a place named once inside a cited title (《黑龙江省…规划》)', () => {
    const body = '全省教育工作,全省高校。出台《黑龙江省普通高等学校干部教育培训五年规划》。';
    expect(failure({ body }).code).toBe('region-unresolved');
  });

  it('does not file a district plan under the prefecture it names in passing', () => {
    expect(failure({ title: '区教育局2020年工作计划', body: '全区教育工作,全区学校。落实阜阳市要求,阜阳市部署。' }).code).toBe('region-unresolved');
  });

  it('refuses a masked region, whatever the text mentions', () => {
    const error = failure({ title: 'XX县教育局2021年工作计划', body: '全县教育工作。东平县、东平县。' });
    expect(error.code).toBe('region-masked');
    expect(error.message).toContain('XX县');
    expect(error.hint).toContain('region:');
  });

  it('names the masked name as printed: a popup\'s close button × at a line\'s end is no mask of the line under it', () => {
    expect(failure({ title: '区教育局2022年工作汇报材料', body: '加入我们\n×\n区教育局工作。*区教育工作稳步推进。' }).message).toContain('"*区"');
  });

  it('refuses a title whose place a copying site replaced with its own name', () => {
    expect(failure({ title: '288563.com2018年工作要点', body: '全面开启佛山教育新征程,佛山教育系统。广东。' }).message).toContain('288563.com');
    expect(failure({ title: '2006年工作总结', body: '出台了《best365官网登录入口_365bet官方网投教育现代化建设实施意见》。佛山,佛山教育' }).code).toBe('region-masked');
  });

  it('does not count generic names', () => {
    expect(failure({ body: '城区学校与郊区学校,平安校园,乡村振兴' }).code).toBe('region-unresolved');
  });

  it('refuses an ambiguous name nothing settles', () => {
    const error = failure({ body: '全区教育工作。鼓楼区' });
    expect(error.code).toBe('region-ambiguous');
    expect(error.message).toContain('320106');
  });

  it('finds the region in a 10 MB body', () => {
    const body = `全县教育工作。高台县,张掖市,高台县。${'坚持立德树人,办好人民满意的教育。'.repeat(600_000)}`;
    expect(body.length).toBeGreaterThan(10_000_000);
    expect(resolveRegion(evidence({ body }), index)).toMatchObject({ code: '620724' });
  });
});

describe('nothing found', () => {
  it('says how to supply the region in a sidecar', () => {
    const error = failure({ title: '2018年工作要点', body: '坚持立德树人' });
    expect(error.code).toBe('region-unresolved');
    expect(error.hint).toContain('region:');
    expect(error.hint).toContain('.meta.yaml');
  });
});

describe('regionForDivision', () => {
  it('describes a county under a prefecture', () => {
    expect(regionForDivision(division('370405'), 'title', '台儿庄区', index)).toEqual({
      name: '台儿庄区',
      code: '370405',
      province: '山东省',
      provinceCode: '370000',
      prefecture: '枣庄市',
      prefectureCode: '370400',
      level: 'county',
      path: ['shandong', 'zaozhuang', 'taierzhuang'],
      source: 'title',
      evidence: '台儿庄区',
    });
  });

  it('describes a prefecture as its own prefecture', () => {
    expect(regionForDivision(division('370900'), 'issuer', '泰安市', index)).toMatchObject({ prefecture: '泰安市', prefectureCode: '370900', path: ['shandong', 'taian'] });
  });

  it('describes a municipality and its districts without a prefecture', () => {
    expect(regionForDivision(division('110000'), 'title', '北京市', index)).toMatchObject({ province: '北京市', prefecture: null, level: 'province', path: ['beijing'] });
    expect(regionForDivision(division('110101'), 'title', '东城区', index)).toMatchObject({ province: '北京市', prefecture: null, level: 'county', path: ['beijing', 'dongcheng'] });
  });

  it('describes a county the province governs directly', () => {
    const region = regionForDivision(division('429004'), 'title', '仙桃市', index);
    expect(region).toMatchObject({ province: '湖北省', prefecture: null, prefectureCode: null, level: 'county', path: ['hubei', 'xiantao'] });
    expect(regionSchema.safeParse(region).success).toBe(true);
  });
});
