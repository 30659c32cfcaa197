import { describe, expect, it } from 'vitest';
import { loadGenre } from '../../scripts/genre/load.ts';
import type { CleanFacts } from '../../scripts/ingest/clean.ts';
import { isoDateOf, namedByPublisher, readMetadata } from '../../scripts/ingest/metadata.ts';
import { yearsIn } from '../../scripts/ingest/numerals.ts';
import { parseDocument } from '../../scripts/ingest/parse.ts';
import { fixtureLines } from './helpers.ts';

const genre = loadGenre();
const noFacts: CleanFacts = { publishedOn: null, publisher: null, docNumber: null, issuedOn: null };
const outline = `一、重点任务
1.加强党建。内容。
2.发展教育。内容。
二、保障措施
3.加强领导。内容。`;

const metadataOf = (text: string, facts: CleanFacts = noFacts) => readMetadata(parseDocument(fixtureLines(text), genre), facts, genre);

describe('yearsIn', () => {
  it('reads years in Arabic and in Chinese numerals, single and school years, and not other numbers', () => {
    expect(yearsIn('2024年工作要点', genre)).toEqual([2024]);
    expect(yearsIn('二〇二四年工作要点', genre)).toEqual([2024]);
    expect(yearsIn('二〇二三—二〇二四学年度工作计划', genre)).toEqual([2023, 2024]);
    expect(yearsIn('2023-2024学年', genre)).toEqual([2023, 2024]);
    expect(yearsIn('新建幼儿园2024所，二〇二四名教师', genre)).toEqual([]);
  });

  it('reads a year printed without 年 only right before the kind of plan', () => {
    expect(yearsIn('山东省教育厅2010工作要点目录', genre)).toEqual([2010]);
    expect(yearsIn('教育局2022工作总结及2023年工作计划', genre)).toEqual([2022, 2023]);
    expect(yearsIn('2023全市教育工作要点', genre)).toEqual([2023]);
    expect(yearsIn('完成2023个项目工作计划', genre)).toEqual([]);
    expect(yearsIn('2023工作室建设', genre)).toEqual([]);
  });
});

describe('readMetadata', () => {
  it('reads the year from the opening sentence under the first heading when the title names none', () => {
    const metadata = metadataOf('晋江市教育意见\n一、指导思想\n2010年是完成“十一五”教育规划的冲刺之年。新的一年，我市教育工作要围绕建设教育强市目标。\n二、主要任务\n1.加强党建。内容。');
    expect(metadata).toMatchObject({ years: [2010], yearInferred: true });
    expect(metadataOf('晋江市教育意见\n一、指导思想\n新的一年，到2012年实现教育强市目标。\n二、主要任务\n1.加强党建。内容。').years).toEqual([]);
  });

  it('reads the date in brackets alone on the line under the title as the date of issue', () => {
    expect(metadataOf(`石家庄市2015年教育工作要点\n（2015年1月30日）\n2015年，是全面推进依法治教的开局之年。\n${outline}`).issuedOn).toBe('2015-01-30');
    expect(metadataOf(`石家庄市2015年教育工作要点\n（2015年1月30日市教育局党委会通过）\n${outline}`).issuedOn).toBeNull();
  });

  it('reads the issuer printed alone on the line under the title', () => {
    expect(metadataOf(`2018年工作总结暨2019年工作思路\n赣州市赣县区教育局\n2018年，全区教育工作稳步推进。\n${outline}`).issuers).toEqual(['赣州市赣县区教育局']);
    expect(metadataOf(`2019年工作思路\n2018年，全区教育工作稳步推进。\n${outline}`).issuers).toEqual([]);
  });

  it('reads issuers, 文号 and date of issue from the notice, and the title printed over two lines', () => {
    const metadata = metadataOf(`中共泰安市委教育工委  泰安市教育局
关于印发2024年工作要点的通知
泰教发〔2024〕1号
各县市区教育和体育局：
现将《2024年工作要点》印发你们。
中共泰安市委教育工委         泰安市教育局
2024年3月26日
中共泰安市委教育工委  泰安市教育局
2024年工作要点
${outline}`);
    expect(metadata).toMatchObject({
      title: '中共泰安市委教育工委 泰安市教育局2024年工作要点',
      issuers: ['中共泰安市委教育工委', '泰安市教育局'],
      docNumber: '泰教发〔2024〕1号',
      issuedOn: '2024-03-26',
      years: [2024],
      yearInferred: false,
      kindInferred: false,
    });
    expect(metadata.kind.name).toBe('工作要点');
  });

  it('reads the issuer a notice heading names before 关于, without a page tag before it', () => {
    for (const heading of ['黄梅县教育局关于印发2023年工作要点的通知', '[官方政策]黄梅县教育局关于印发2023年工作要点的通知']) {
      expect(metadataOf(`${heading}\n各学校：\n现将《2023年工作要点》印发给你们。\n2023年工作要点\n${outline}`).issuers, heading).toEqual(['黄梅县教育局']);
    }
    expect(metadataOf(`通知公告关于印发2023年工作要点的通知\n各学校：\n现将《2023年工作要点》印发给你们。\n2023年工作要点\n${outline}`).issuers).toEqual([]);
  });

  it('reads a year and a date whose zero is typed as a digit (二0二三年, 二00九年三月十七日)', () => {
    const metadata = metadataOf(`黄梅县教育局二0二三年工作要点\n${outline}\n黄梅县教育局\n二0二三年三月十七日`);
    expect(metadata).toMatchObject({ title: '黄梅县教育局二0二三年工作要点', years: [2023], yearInferred: false, issuedOn: '2023-03-17' });
  });

  it('reads a year\'s work set out as 意见, with the issuer printed before 关于', () => {
    for (const [line, issuer] of [['黄梅县教育局关于2023年教育工作的安排意见', '黄梅县教育局'], ['平邑县教育和体育局关于做好2024年全县教育工作的意见', '平邑县教育和体育局']] as const) {
      const metadata = metadataOf(`${line}\n${outline}`);
      expect(metadata, line).toMatchObject({ title: line, issuers: [issuer], kindInferred: false });
      expect(metadata.kind.name).toBe('工作意见');
    }
  });

  it('takes the kind from the line atop a text that prints no title (教育局工作计划), not the default', () => {
    const parsed = parseDocument(fixtureLines(`教育局工作计划\n2009年，衢州市教育局将认真贯彻落实。\n${outline}`), genre);
    expect(readMetadata(parsed, noFacts, genre).kind.name).toBe('工作要点');
    const metadata = readMetadata(parsed, noFacts, genre, '教育局工作计划');
    expect(metadata).toMatchObject({ title: null, kindInferred: false });
    expect(metadata.kind.name).toBe('工作计划');
  });

  it('reads a title printed in title marks as the title they enclose, and keeps the line as printed', () => {
    const metadata = metadataOf(`《黄梅县教育局2023年工作要点》\n${outline}`);
    expect(metadata).toMatchObject({ title: '黄梅县教育局2023年工作要点', printedTitle: '《黄梅县教育局2023年工作要点》', issuers: ['黄梅县教育局'], years: [2023] });
  });

  it('reads a title without the site\'s column tag run in before it, and keeps the line as printed', () => {
    const metadata = metadataOf(`【全面工作总结和工作计划】六安市裕安区教体局2025年工作要点\n${outline}`);
    expect(metadata).toMatchObject({ title: '六安市裕安区教体局2025年工作要点', printedTitle: '【全面工作总结和工作计划】六安市裕安区教体局2025年工作要点', issuers: ['六安市裕安区教体局'] });
    expect(metadata.kind.name).toBe('工作要点');
  });

  it('names a bureau the title names by its level only as the page\'s 发布机构 does, and no other', () => {
    expect(namedByPublisher('市教育局', '潜江市教育局')).toBe('潜江市教育局');
    expect(namedByPublisher('县教体局', '潜江市教育局')).toBe('县教体局');
    expect(namedByPublisher('黄梅县教育局', '湖北省黄梅县教育局')).toBe('黄梅县教育局');
    expect(namedByPublisher('市教育局', null)).toBe('市教育局');
  });

  it('reads a title whose year is printed without 年, with its issuer, year and kind', () => {
    const metadata = metadataOf(`黄梅县教育局2023工作要点
${outline}`);
    expect(metadata).toMatchObject({ title: '黄梅县教育局2023工作要点', issuers: ['黄梅县教育局'], years: [2023], yearInferred: false, kindInferred: false });
    expect(metadata.kind.name).toBe('工作要点');
  });

  it('keeps the full name of an issuer printed both in full and shortened', () => {
    const metadata = metadataOf(`台教体字〔2021〕1号
中共台儿庄区委教育工作委员会
台儿庄区教育和体育局
关于印发2021年教育工作要点的通知
台儿庄区委教育工作委员会    台儿庄区教育和体育局
二〇二一年一月六日
2021年台儿庄区教育工作要点
${outline}`);
    expect(metadata.issuers).toEqual(['中共台儿庄区委教育工作委员会', '台儿庄区教育和体育局']);
    expect(metadata.issuedOn).toBe('2021-01-06');
    expect(metadata.docNumber).toBe('台教体字〔2021〕1号');
  });

  it('titles a summary-and-plan by what its notice issues, not by the heading of its first half', () => {
    const notice = '衢州市教育局关于印发2024年工作总结和2025年工作计划的通知\n（此件依申请公开）';
    const metadata = metadataOf(`${notice}\n衢州市教育局2024年工作总结\n${outline}`);
    expect(metadata).toMatchObject({ title: '2024年工作总结和2025年工作计划', years: [2024, 2025] });
    // The line found as the title heads the summary: it is the text's, and no title of the whole.
    expect(metadata).toMatchObject({ printedTitle: null, titleHeadsAPart: true });
    // Two documents quoted apart (…一并印发) are no one title: the printed title stays.
    const together = '各学校：\n现将《慈溪市教育局2021年工作要点》印发给你们。《慈溪市教育局2020年工作总结》一并印发。\n慈溪市教育局\n2021年2月24日';
    const apart = metadataOf(`${together}\n慈溪市教育局2021年工作要点\n${outline}`);
    expect(apart).toMatchObject({ title: '慈溪市教育局2021年工作要点', printedTitle: '慈溪市教育局2021年工作要点', titleHeadsAPart: false });
    // …nor is the kind theirs together: the plan printed is the 工作要点.
    expect([apart.kind.name, apart.years]).toEqual(['工作要点', [2021]]);
    // Quoted apart, but the notice's heading prints them as one title: that title.
    const headed = '省教育厅关于印发2021年全省教育工作总结和2022年全省教育工作要点的通知\n现将《2021年全省教育工作总结》和《2022年全省教育工作要点》印发给你们。\n省教育厅\n2022年1月25日';
    expect(metadataOf(`${headed}\n2021年全省教育工作总结\n${outline}`).title).toBe('2021年全省教育工作总结和2022年全省教育工作要点');
    // Quoted together with no heading that prints them as one: no title names the whole, and the summary's heading is none.
    const joined = headed.split('\n').slice(1).join('\n');
    expect(metadataOf(`${joined}\n2021年全省教育工作总结\n${outline}`)).toMatchObject({ title: null, years: [2021, 2022] });
    // A heading that names both, over a sentence that issues the printed plan on its own: the plan printed is the 工作要点.
    const batch = `关于印发宁波市教育局2014年工作要点和2013年工作总结的通知\n${together.replaceAll('慈溪', '宁波').replaceAll('2021', '2014').replaceAll('2020', '2013')}`;
    expect(metadataOf(`${batch}\n宁波市教育局2014年工作要点\n${outline}`)).toMatchObject({ title: '宁波市教育局2014年工作要点', years: [2014] });
  });

  it('takes the 文号 a repost\'s lede prints after the notice that issues the plan, and no other number it cites', () => {
    const lede = '1月22日，中共云南省委高校工委、云南省教育厅发出《关于印发2017年工作要点的通知》（云高工办〔2017〕1号）。本刊予以转载。';
    expect(metadataOf(`${lede}\n${outline}`).docNumber).toBe('云高工办〔2017〕1号');
    const policy = '根据《关于印发学前教育行动计划的通知》（云教发〔2016〕3号）的要求，制定本要点。';
    expect(metadataOf(`${policy}\n${outline}`).docNumber).toBeNull();
  });

  it('takes the whole title the notice names when the text prints it bare, without its issuers', () => {
    const notice = '各市州教育局：\n现将《湖南省教育厅 中共湖南省委教育工委2018年工作要点》印发给你们。\n湖南省教育厅\n2018年2月1日';
    expect(metadataOf(`${notice}\n2018年工作要点\n${outline}`)).toMatchObject({ title: '湖南省教育厅 中共湖南省委教育工委2018年工作要点', issuers: ['湖南省教育厅', '中共湖南省委教育工委'] });
    // A notice that names another document leaves the printed title as it is.
    const other = '各学校：\n现将《2018年安全工作要点》印发给你们。';
    expect(metadataOf(`${other}\n2018年工作要点\n${outline}`).title).toBe('2018年工作要点');
  });

  it('takes the issuer a title prints after its year, and none from a title that names no bureau', () => {
    expect(metadataOf(`2024年上海市教育委员会工作要点\n${outline}`).issuers).toEqual(['上海市教育委员会']);
    expect(metadataOf(`2024年杨浦区教育局工作要点\n${outline}`).issuers).toEqual(['杨浦区教育局']);
    expect(metadataOf(`2021年台儿庄区教育工作要点\n${outline}`).issuers).toEqual([]);
  });

  it('reads a title broken before its second part (…2013年工作总结 / 和2014年工作计划) whole, with its kind and years', () => {
    expect(metadataOf(`大连市教育局2013年工作总结\n和2014年工作计划\n${outline}`)).toMatchObject({
      title: '大连市教育局2013年工作总结和2014年工作计划',
      kind: expect.objectContaining({ name: '工作总结和工作计划' }),
      years: [2013, 2014],
      issuers: ['大连市教育局'],
    });
  });

  it('reads a title a line break cut inside its issuer\'s name whole, and no line above a whole name into it', () => {
    expect(metadataOf(`中共黑龙江省委高等学校工作委员会黑龙江省\n教育厅2016年工作要点\n${outline}`)).toMatchObject({
      title: '中共黑龙江省委高等学校工作委员会黑龙江省教育厅2016年工作要点',
      issuers: ['中共黑龙江省委高等学校工作委员会', '黑龙江省教育厅'],
    });
    for (const above of ['附件', '全站搜索', '二〇一〇年二月八日']) {
      expect(metadataOf(`${above}\n吉林省教育厅2015年工作要点\n${outline}`), above).toMatchObject({ title: '吉林省教育厅2015年工作要点', issuers: ['吉林省教育厅'] });
    }
  });

  it('keeps a bureau and its party committee (中共西安市教育局委员会) as two issuers', () => {
    expect(metadataOf(`中共西安市教育局委员会 西安市教育局\n2017年工作要点\n${outline}`).issuers).toEqual(['中共西安市教育局委员会', '西安市教育局']);
  });

  it('reads an organ named twice (省教育厅（省委教育工委）) as its names, and no issuer out of the words between two joined titles', () => {
    const notice = '各市（州）教育局：\n现将《省教育厅（省委教育工委）2016年工作总结》和《省教育厅（省委教育工委）2017年工作要点》印发给你们，请结合实际贯彻落实。\n贵州省教育厅\n中共省委教育工委\n2017年2月9日';
    expect(metadataOf(`${notice}\n省教育厅（省委教育工委）\n2016年工作总结\n${outline}`).issuers).toEqual(['贵州省教育厅', '中共省委教育工委']);
  });

  it('takes a title printed under its issuers one a line, one of them in spaced type', () => {
    const metadata = metadataOf(`中共北京市委教育工作委员会\n北 京 市 教 育 委 员 会\n北京市人民政府教育督导室\n2009年工作要点\n${outline}`);
    expect(metadata.title).toBe('中共北京市委教育工作委员会北京市教育委员会北京市人民政府教育督导室2009年工作要点');
    expect(metadata.issuers).toEqual(['中共北京市委教育工作委员会', '北京市教育委员会', '北京市人民政府教育督导室']);
  });

  it('splits issuers printed without a space between them, and no single organ name', () => {
    const notice = '中共安徽省委教育工委  安徽省教育厅关于印发2015年工作要点的通知\n现将《中共安徽省委教育工委安徽省教育厅2015年工作要点》印发给你们。';
    expect(metadataOf(`${notice}\n中共安徽省委教育工委安徽省教育厅2015年工作要点\n${outline}`).issuers).toEqual(['中共安徽省委教育工委', '安徽省教育厅']);
    expect(metadataOf(`沈阳市人民政府办公室2024年工作要点\n${outline}`).issuers).toEqual(['沈阳市人民政府办公室']);
    // Issuers parted by 、, and a party committee's education committee (党委教育工委) that is one organ.
    expect(metadataOf(`中共重庆市委教育工委、重庆市教委2010年工作要点\n${outline}`).issuers).toEqual(['中共重庆市委教育工委', '重庆市教委']);
    expect(metadataOf(`自治区党委教育工委、自治区教育厅2022年教育工作要点\n${outline}`).issuers).toEqual(['自治区党委教育工委', '自治区教育厅']);
  });

  it('reads a 文号 whose 号 the page dropped only where it ends its line', () => {
    expect(metadataOf(`2019年青海省教育工作要点\n                 青教综〔2019〕28\n${outline}`).docNumber).toBe('青教综〔2019〕28');
    expect(metadataOf(`关于印发工作要点的通知\n按青教综〔2019〕28个方面部署\n2019年工作要点\n${outline}`).docNumber).toBeNull();
  });

  it('keeps a 文号 and the opening paragraph under the title of a plan in plain paragraphs out of its items', () => {
    const text = '2019年青海省教育工作要点\n                 青教综〔2019〕28\n2019年全省教育工作的总体要求是：坚持立德树人。\n2019年全省教育工作的总体目标是：办好人民满意的教育。';
    const doc = parseDocument(fixtureLines(text), genre);
    expect(doc.paragraphs).toBe(true);
    // …and so does its opening paragraph, the year's aims, which sets out no task.
    expect(doc.preamble.map((line) => line.text.trim().slice(0, 16))).toEqual(['青教综〔2019〕28', '2019年全省教育工作的总体要求']);
    expect(doc.outline.map((node) => node.marker.rest.slice(0, 16))).toEqual(['2019年全省教育工作的总体目标']);
    expect(readMetadata(doc, noFacts, genre).docNumber).toBe('青教综〔2019〕28');
  });

  it('takes the title the notice quotes when the plan prints none of its own', () => {
    const text = `关于印发《鹰潭市教育局2021年工作要点》的通知
现将《鹰潭市教育局2021年工作要点》印发给你们，请认真贯彻落实。
鹰潭市教育局
2021年2月24日
2021年，全市教育工作的总体思路是：坚持立德树人。
${outline}`;
    const doc = parseDocument(fixtureLines(text), genre);
    expect(doc.notice.map((line) => line.line)).toEqual([1, 2, 3, 4]);
    expect(doc.preamble.map((line) => line.line)).toEqual([5]);
    const metadata = readMetadata(doc, noFacts, genre);
    expect(metadata.printedTitle).toBeNull();
    expect(metadata.title).toBe('鹰潭市教育局2021年工作要点');
    expect(metadata.issuedOn).toBe('2021-02-24');
    expect(metadata.issuers).toEqual(['鹰潭市教育局']);
  });

  it('takes the issuer from the title when the title names it', () => {
    expect(metadataOf(`鹰潭市教育局2021年工作要点\n${outline}`).issuers).toEqual(['鹰潭市教育局']);
  });

  it('infers kind and years of an untitled summary-and-plan from its top headings', () => {
    const metadata = metadataOf(`2023年，全县教育工作坚持立德树人。
一、2023年主要工作及成效
1.党建引领。内容。
二、存在的主要问题
1.学位紧张。内容。
三、2024年工作计划
1.强化党建。内容。`);
    expect(metadata.title).toBeNull();
    expect(metadata.kind.name).toBe('工作总结和工作计划');
    expect(metadata.kindInferred).toBe(true);
    expect(metadata.years).toEqual([2023, 2024]);
    expect(metadata.yearInferred).toBe(true);
  });

  it('takes no year from the day a page posted the text', () => {
    const posted = metadataOf(`教育局年工作总结暨年工作计划\n一、工作总结\n1.党建引领。内容。`, { ...noFacts, publishedOn: '2023-12-29' });
    expect(posted.years).toEqual([]);
    // The document's own date of issue does.
    expect(metadataOf(`一、工作总结\n1.党建引领。内容。`, { ...noFacts, issuedOn: '2023-12-29' }).years).toEqual([2023]);
  });

  it('reads no year from an untitled plan\'s item sentences or from a document its heading cites', () => {
    const metadata = metadataOf(`2025年，全省教育系统将坚持全域抓质量。
1.研究制定《加快建设特色教育强省三年行动计划（2025—2027年）》。到2027年初步建成特色教育强省。
2.健全《纲要》落实机制。内容。`);
    expect([metadata.years, metadata.yearInferred]).toEqual([[2025], true]);
  });

  it('takes facts from the page (发文字号, 成文日期) where the text prints none', () => {
    const facts: CleanFacts = { publishedOn: '2024-03-27', publisher: '泰安市教育局', docNumber: '泰教发〔2024〕9号', issuedOn: '2024-03-20' };
    const metadata = metadataOf(`2024年工作要点\n${outline}`, facts);
    expect(metadata).toMatchObject({ docNumber: '泰教发〔2024〕9号', issuedOn: '2024-03-20', publishedOn: '2024-03-27', publisher: '泰安市教育局' });
  });

  it('dates the document by the date printed under its signature, not the 成文日期 a portal typed', () => {
    const facts: CleanFacts = { ...noFacts, issuedOn: '2020-01-06' };
    const notice = '关于印发2020年工作要点的通知\n各街镇：现将《2020年工作要点》印发给你们，请认真贯彻落实。\n天津市滨海新区教育体育局\n2020年1月8日';
    expect(metadataOf(`${notice}\n2020年工作要点\n${outline}`, facts).issuedOn).toBe('2020-01-08');
  });

  it.each([
    ['2024年3月26日', '2024-03-26'],
    ['鹰潭市教育局 2021年2月24日', '2021-02-24'],
    ['二〇二四年十二月三十一日', '2024-12-31'],
    ['2024年13月1日', null],
    ['截至2024年3月26日，全市', null],
    // 年, 月 and 日 dropped by the page: read when the digits make one day only.
    ['2024327', '2024-03-27'],
    ['  2022218  ', '2022-02-18'],
    ['20240307', '2024-03-07'],
    ['20241112', '2024-11-12'],
    ['2024111', null],
    ['2024230', null],
    ['2024305', null],
    ['8234567', null],
    ['电话：2024327', null],
  ])('isoDateOf(%s) = %s', (text, iso) => {
    expect(isoDateOf(text, genre)).toBe(iso);
  });

  it('dates a notice whose date the page printed as bare digits (2022218), and only a notice line alone', () => {
    const notice = '关于印发《2022年全市教育工作要点》的通知\n各区县（市）教育局：现将《2022年全市教育工作要点》印发给你单位，请抓好贯彻落实。\n长沙市教育局\n2022218';
    expect(metadataOf(`${notice}\n2022年全市教育工作要点\n${outline}`, noFacts).issuedOn).toBe('2022-02-18');
    const ambiguous = notice.replace('2022218', '2022111');
    expect(metadataOf(`${ambiguous}\n2022年全市教育工作要点\n${outline}`, noFacts).issuedOn).toBeNull();
  });
});

describe('readMetadata: signatures after the text and short organ names', () => {
  it('dates a plan without a notice by its own signature and lists a short and full name once', () => {
    const metadata = metadataOf(`鹿邑县教体局2024年工作计划
${outline}
鹿邑县教育体育局
2024年1月10日`);
    expect(metadata.issuedOn).toBe('2024-01-10');
    expect(metadata.issuers).toEqual(['鹿邑县教育体育局']);
  });

  it('prefers the notice date to the closing signature', () => {
    const metadata = metadataOf(`某县教育局关于印发2024年工作要点的通知
现将《某县教育局2024年工作要点》印发给你们。
某县教育局
2024年2月1日
某县教育局2024年工作要点
${outline}
某县教育局
2024年3月1日`);
    expect(metadata.issuedOn).toBe('2024-02-01');
  });

  it('reads a school-year title: both years, the plan year last', () => {
    const metadata = metadataOf(`佛山市南海区教育局2023—2024学年度工作计划\n${outline}`);
    expect(metadata.title).toBe('佛山市南海区教育局2023—2024学年度工作计划');
    expect(metadata.years).toEqual([2023, 2024]);
    expect(metadata.kind.name).toBe('工作计划');
    expect(metadata.issuers).toEqual(['佛山市南海区教育局']);
  });
});
