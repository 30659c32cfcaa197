import { describe, expect, it } from 'vitest';
import { loadGenre } from '../../scripts/genre/load.ts';
import { isIssuerLine, matchMarker, parseDocument, type OutlineNode } from '../../scripts/ingest/parse.ts';
import { joinBrokenNumbers, joinBrokenTitles, joinLoneLabels, splitFlattenedLines } from '../../scripts/ingest/flattened-lines.ts';
import { createParser } from '../../scripts/ingest/parser.ts';
import { itemsOf } from '../../src/model/plan.ts';
import { fixtureLines } from './helpers.ts';

const genre = loadGenre();

function shape(nodes: readonly OutlineNode[]): unknown[] {
  return nodes.map((node) => (node.children.length ? [node.marker.label, shape(node.children)] : node.marker.label));
}

describe('matchMarker: every common numbering style', () => {
  it.each([
    ['一、加强党的建设', 'chinese-comma', 1, '加强党的建设'],
    ['十二、其他工作', 'chinese-comma', 12, '其他工作'],
    ['（一）坚持从严治党', 'chinese-bracket', 1, '坚持从严治党'],
    ['(三)突出优化提升', 'chinese-bracket', 3, '突出优化提升'],
    ['1.巩固提升主题教育成果。', 'arabic-dot', 1, '巩固提升主题教育成果。'],
    ['2、加强教育系统党的建设', 'arabic-dot', 2, '加强教育系统党的建设'],
    ['3．纵深推进全面从严治党', 'arabic-dot', 3, '纵深推进全面从严治党'],
    ['（4）完善机制', 'arabic-bracket', 4, '完善机制'],
    ['5）完善机制', 'arabic-bracket', 5, '完善机制'],
    ['②推进课后服务', 'circled', 2, '推进课后服务'],
    ['三是落实责任，思想阵地更加稳固。', 'chinese-shi', 3, '落实责任，思想阵地更加稳固。'],
    ['第二，深化改革', 'chinese-ordinal', 2, '深化改革'],
    ['第一部分 2023年工作总结', 'part', 1, '2023年工作总结'],
    ['一、一以贯之抓战略规划', 'chinese-comma', 1, '一以贯之抓战略规划'],
    ['三、一体化推进大中小学思政课建设', 'chinese-comma', 3, '一体化推进大中小学思政课建设'],
  ])('%s → %s %i', (text, style, number, rest) => {
    const marker = matchMarker(text, genre);
    expect(marker?.style.id).toBe(style);
    expect(marker?.number).toBe(number);
    expect(marker?.rest).toBe(rest);
  });

  it.each(['2024年，全市教育工作', '3.5亿元用于校舍改造', '一是', '１２３', '一年来，全县教育', '一、二年级学生', '一、二、三年级'])('%s is not a marker', (text) => {
    expect(matchMarker(text, genre)).toBeNull();
  });
});

describe('parseDocument', () => {
  it('nests styles in the order the document opens them, and numbers running through the plan', () => {
    const doc = parseDocument(
      fixtureLines(`2024年工作要点
全市教育工作的总体思路是：坚持立德树人。
一、加强党的建设
1.强化理论武装。学习。
2.加强组织建设。建设。
二、发展各类教育
3.推进学前教育普惠发展。普惠。
4.推进义务教育优质均衡。均衡。`),
      genre,
    );
    expect(doc.titleLines.map((line) => line.text)).toEqual(['2024年工作要点']);
    expect(doc.preamble.map((line) => line.text)).toEqual(['全市教育工作的总体思路是：坚持立德树人。']);
    expect(shape(doc.outline)).toEqual([
      ['一、', ['1.', '2.']],
      ['二、', ['3.', '4.']],
    ]);
  });

  it('keeps three levels: 一、 › （一） › 一是, and restarts the inner lists', () => {
    const doc = parseDocument(
      fixtureLines(`一、2023年主要工作
（一）党建引领
一是坚持标准，党建加强。
二是筑牢防线，廉政绷紧。
（二）立德树人
一是科学谋划，质量提高。
二、2024年工作计划
一是强化党建引领。
二是推进项目建设。`),
      genre,
    );
    expect(shape(doc.outline)).toEqual([
      ['一、', [['（一）', ['一是', '二是']], ['（二）', ['一是']]]],
      ['二、', ['一是', '二是']],
    ]);
  });

  it('puts the covering notice before the title and joins an issuers line printed above the title', () => {
    const doc = parseDocument(
      fixtureLines(`关于印发2024年工作要点的通知
泰教发〔2024〕1号
各县市区教育和体育局：
现将《2024年工作要点》印发你们，请认真贯彻落实。
中共泰安市委教育工委  泰安市教育局
2024年工作要点
2024年，全市教育工作的总体思路是：扩优提质。
一、擎旗定向
1.巩固提升主题教育成果。内容。
2.加强教育系统党的建设。内容。
二、育人为本
3.深化思政。内容。`),
      genre,
    );
    expect(doc.notice.map((line) => line.line)).toEqual([1, 2, 3, 4]);
    expect(doc.titleLines.map((line) => line.text)).toEqual(['中共泰安市委教育工委  泰安市教育局', '2024年工作要点']);
    expect(doc.preamble).toHaveLength(1);
  });

  it('joins no site\'s name printed above the page\'s table of facts to the title, though blank lines may stand between an issuer and its title', () => {
    const body = '2017年，全县教育工作的总体要求是：办好人民满意的教育。\n一、主要工作\n1.加强党建。内容。\n2.发展教育。内容。';
    // The disclosure table the cleaning removed stood on lines 2–6: the name is the site's.
    const site = parseDocument([{ line: 1, text: '施甸县人民政府' }, ...fixtureLines(`\n\n\n\n\n\n2017年工作要点\n${body}`)], genre);
    expect(site.titleLines.map((line) => line.text)).toEqual(['2017年工作要点']);
    const issuer = parseDocument(fixtureLines(`施甸县教育局\n\n\n2017年工作要点\n${body}`), genre);
    expect(issuer.titleLines.map((line) => line.text)).toEqual(['施甸县教育局', '2017年工作要点']);
  });

  it('treats a sentence that starts like a number as text, not as an item', () => {
    const doc = parseDocument(
      fixtureLines(`一、改善办学条件
1.推进校舍建设。新建学校。
2.实施项目。具体如下：
5.新建幼儿园10所，这是正文里的一句话。
3.加强管理。内容。
二、保障措施
4.加强领导。内容。`),
      genre,
    );
    expect(shape(doc.outline)).toEqual([
      ['一、', ['1.', '2.', '3.']],
      ['二、', ['4.']],
    ]);
    const second = doc.outline[0]?.children[1];
    expect(second?.body.map((line) => line.text)).toEqual(['5.新建幼儿园10所，这是正文里的一句话。']);
  });

  it('starts the outline at the highest style even when a lower one appears earlier', () => {
    const doc = parseDocument(
      fixtureLines(`2022年工作要点
总体要求：一是坚持方向；二是突出重点。
一是坚持方向。
二是突出重点。
一、重点任务
1.任务一。内容。
2.任务二。内容。
二、保障措施
3.加强领导。内容。`),
      genre,
    );
    expect(doc.preamble.map((line) => line.text)).toEqual(['总体要求：一是坚持方向；二是突出重点。', '一是坚持方向。', '二是突出重点。']);
    expect(shape(doc.outline)).toEqual([
      ['一、', ['1.', '2.']],
      ['二、', ['3.']],
    ]);
  });

  it('marks a second list that restarts the top numbering as a new part', () => {
    const doc = parseDocument(
      fixtureLines(`一、学前教育
二、义务教育
2024年工作计划
一、强化党建
二、推进改革`),
      genre,
    );
    expect(doc.outline.map((node) => [node.marker.label, node.startsPart])).toEqual([
      ['一、', false],
      ['二、', false],
      ['一、', true],
      ['二、', false],
    ]);
  });

  it('publishes a plan with no numbered list paragraph by paragraph, and warns', () => {
    const doc = parseDocument(fixtureLines('2024年工作要点\n全市教育工作要坚持立德树人。\n要办好人民满意的教育。'), genre);
    expect(doc.paragraphs).toBe(true);
    expect(doc.titleLines.map((line) => line.text)).toEqual(['2024年工作要点']);
    expect(doc.outline.map((node) => [node.marker.number, node.marker.label, node.line.text])).toEqual([
      [1, '', '全市教育工作要坚持立德树人。'],
      [2, '', '要办好人民满意的教育。'],
    ]);
    expect(doc.warnings).toEqual([{ line: 2, message: expect.stringMatching(/no numbered outline.*items 1–2/u) }]);
  });

  it('warns, with the line, wherever a numbered heading is kept as text of the item above', () => {
    const doc = parseDocument(fixtureLines('2024年工作要点\n一、加强党建\n1.强化理论。学习。\n2.加强组织。建设。\n（三）强化作风建设\n3.改进作风。落实。\n六、发展教育\n4.推进改革。改革。'), genre);
    expect(doc.warnings).toEqual([
      { line: 5, message: expect.stringMatching(/"（三）" starts no list here.*kept as text of the item above/u) },
      { line: 7, message: expect.stringMatching(/"六、" does not continue its list \(last was 1\).*kept as text of the item above/u) },
    ]);
  });

  it('reads items numbered past 999 as their own items', () => {
    const items = Array.from({ length: 1002 }, (_, index) => `${index + 1}.第${index + 1}项工作。内容。`).join('\n');
    const doc = parseDocument(fixtureLines(`2024年工作要点\n${items}`), genre);
    expect(doc.outline.map((node) => node.marker.number).slice(-4)).toEqual([999, 1000, 1001, 1002]);
    expect(doc.outline.at(-1)?.body).toEqual([]);
  });

  it('opens the outline with a lone 一、 above its items when the text stops before 二、', () => {
    const doc = parseDocument(fixtureLines('2024年工作要点\n总体思路：坚持立德树人。\n一、加强党的建设\n1.强化理论武装。学习。\n2.加强组织建设。建设。'), genre);
    expect(doc.paragraphs).toBe(false);
    expect(doc.outline.map((node) => node.marker.label)).toEqual(['一、']);
    expect(doc.outline[0]?.children.map((node) => node.marker.label)).toEqual(['1.', '2.']);
    expect(doc.preamble.map((line) => line.text)).toEqual(['总体思路：坚持立德树人。']);
  });

  it('counts an item whose dot was lost in copying (2落实…) in the list of 1. and 3. around it', () => {
    const doc = parseDocument(fixtureLines('2009年工作要点\n一、深入学习贯彻全会精神\n1.以科学发展观统领全局。切实落实。\n2落实保增长的要求，推动经费增长。做好论证。\n3.大力加强教育法制建设。组织制定。'), genre);
    expect(shape(doc.outline)).toEqual([['一、', ['1.', '2', '3.']]]);
    expect(doc.outline[0]?.children[1]?.marker.rest).toBe('落实保增长的要求，推动经费增长。做好论证。');
  });

  it('opens it with the highest of stacked lone headings (一、 over （一） over 1. 2.), not the one just above the items', () => {
    const doc = parseDocument(fixtureLines('2021年工作要点\n一、全面加强党的领导\n（一）持续加强思想理论武装\n1.强化政治理论学习。学习。\n2.加强组织建设。建设。'), genre);
    expect(doc.outline.map((node) => node.marker.label)).toEqual(['一、']);
    expect(doc.outline[0]?.children.map((node) => node.marker.label)).toEqual(['（一）']);
    expect(doc.outline[0]?.children[0]?.children.map((node) => node.marker.label)).toEqual(['1.', '2.']);
  });

  it('opens it with the one label of a higher style right above the list in a text that starts past it (四、 over （一） （二）)', () => {
    const doc = parseDocument(fixtureLines('2012年工作安排\n（六）工程建设的力度有待加强。\n（七）财政压力过大。\n四、2012年工作安排\n（一）抓好党建。内容。\n（二）抓好招生。内容。'), genre);
    expect(shape(doc.outline)).toEqual([['四、', ['（一）', '（二）']]]);
    expect(doc.preamble.map((line) => line.text)).toEqual(['（六）工程建设的力度有待加强。', '（七）财政压力过大。']);
  });

  it('takes 一是… lines that each stand right above a numbered list for headings over it', () => {
    const doc = parseDocument(fixtureLines('2023年工作要点\n一是坚持党建引领，提升治理水平。\n1.深化理论武装。学习。\n2.加强组织建设。建设。\n二是坚持普惠发展，办好学前教育。\n3.扩大普惠资源。新建。'), genre);
    expect(shape(doc.outline)).toEqual([['一是', ['1.', '2.']], ['二是', ['3.']]]);
    expect(doc.preamble).toEqual([]);
    // …and the excerpt cut before 二是 has its one heading too.
    const cut = parseDocument(fixtureLines('2010工作要点\n一是坚持素质教育主题，提高基础教育实施水平。\n1.深化课程改革。推进。\n2.完善长效机制。建立。'), genre);
    expect(shape(cut.outline)).toEqual([['一是', ['1.', '2.']]]);
  });

  it('leaves 一是… enumerations inside an item\'s text, and one that heads no list, as they are', () => {
    const doc = parseDocument(fixtureLines('2023年工作要点\n一、加强党建\n1.深化理论武装。一是学习。二是研讨。\n2.加强组织建设。建设。\n二是坚持普惠发展。\n3.扩大普惠资源。新建。'), genre);
    expect(shape(doc.outline)).toEqual([['一、', ['1.', '2.', '3.']]]);
  });
});

describe('parseDocument: parts and closings', () => {
  it('takes the short line above the first of several lists as its part heading, not as the title', () => {
    const doc = parseDocument(
      fixtureLines(`泗洪县教育局2023年工作总结和2024年工作思路
现将有关情况报告如下：
2023年工作总结
一、党的建设全面加强。内容。
二、教育资源持续扩优。内容。
2024年工作思路
一、坚持党建引领。内容。
二、坚持优质均衡。内容。`),
      genre,
    );
    expect(doc.titleLines.map((line) => line.text)).toEqual(['泗洪县教育局2023年工作总结和2024年工作思路']);
    expect(doc.firstPartHeading?.text).toBe('2023年工作总结');
    expect(doc.preamble.map((line) => line.text)).toEqual(['现将有关情况报告如下：']);
  });

  it('keeps a combined title as the title when a line naming its first part stands between it and a paragraph', () => {
    const doc = parseDocument(
      fixtureLines(`中卫市教育局2020年工作总结暨2021年工作思路
2020年工作总结
一年来，市教育局坚持稳中求进。
一、主要工作完成情况
（一）党的领导全面加强。内容。`),
      genre,
    );
    expect(doc.titleLines.map((line) => line.text)).toEqual(['中卫市教育局2020年工作总结暨2021年工作思路']);
    expect(doc.notice).toEqual([]);
    expect(doc.preamble.map((line) => line.text)).toEqual(['2020年工作总结', '一年来，市教育局坚持稳中求进。']);
  });

  it('takes no 附件：… line for the title of a plan in plain paragraphs, but the title printed under it', () => {
    const doc = parseDocument(fixtureLines(`现将《吉林省教育厅2018年工作要点》印发给你们。\n附件:吉林省教育厅2018 年工作要点\n吉林省教育厅\n2018年3月8日\n附件\n吉林省教育厅2018 年工作要点\n2018年全省教育工作的总体要求是：全面贯彻落实党的十九大精神。\n加强党的建设，推进教育改革。`), genre);
    expect(doc.paragraphs).toBe(true);
    expect(doc.titleLines.map((line) => line.text)).toEqual(['吉林省教育厅2018 年工作要点']);
  });

  it('keeps the combined title when the line naming its first part has a slip (2020年作工总结)', () => {
    const doc = parseDocument(fixtureLines(`丽水市教育局2020年工作总结和2021年工作要点\n2020年作工总结\n2020年是“十三五”规划收官之年。\n一、加强党的领导\n一是加强党对教育工作的领导。内容。`), genre);
    expect(doc.titleLines.map((line) => line.text)).toEqual(['丽水市教育局2020年工作总结和2021年工作要点']);
  });

  it('keeps a notice\'s own numbered requirements in the notice, not as the plan\'s first part', () => {
    const doc = parseDocument(
      fixtureLines('关于下发教育局2011年工作要点的通知\n现将《教育局2011年工作要点》发给你们，并提出如下要求：\n1、认真组织学习。认真学习《要点》。\n2、制定配套措施。制定计划。\n附：教育局2011年工作要点\n教育局2011年工作要点\n2011年的总体思路是：加快发展。\n1、加强党的建设。深入学习。\n2、推进均衡发展。加大投入。'),
      genre,
    );
    expect(shape(doc.outline)).toEqual(['1、', '2、']);
    expect(doc.outline[0]?.marker.rest).toBe('加强党的建设。深入学习。');
    expect(doc.notice.map((line) => line.text)).toContain('1、认真组织学习。认真学习《要点》。');
  });

  it('takes the title printed under a notice, not the notice\'s 附件： line that names the same plan', () => {
    const doc = parseDocument(
      fixtureLines(`现将《崇明区教育局2022年工作要点》印发给你们，请认真贯彻落实。
附件：崇明区教育局2022年工作要点
上海市崇明区教育局
附件
崇明区教育局2022年工作要点
2022年是关键之年。
一、落实立德树人根本任务
（一）坚持立德树人。内容。`),
      genre,
    );
    expect(doc.titleLines.map((line) => line.text)).toEqual(['崇明区教育局2022年工作要点']);
    expect(doc.notice.map((line) => line.text)).toContain('附件：崇明区教育局2022年工作要点');
  });

  it('leaves out of the title a page header that names the bureau the title names again', () => {
    const doc = parseDocument(fixtureLines(`鄂尔多斯市教育局\n鄂尔多斯市教育局2012年工作安排\n一、加强党的建设。内容。\n二、发展各类教育。内容。`), genre);
    expect(doc.titleLines.map((line) => line.text)).toEqual(['鄂尔多斯市教育局2012年工作安排']);
    // …nor a header naming the second of the organs a joint title names.
    const joint = parseDocument(fixtureLines(`海南省教育厅\n中共海南省委教育工委 海南省教育厅2013年工作要点\n一、加强党的建设。内容。\n二、发展各类教育。内容。`), genre);
    expect(joint.titleLines.map((line) => line.text)).toEqual(['中共海南省委教育工委 海南省教育厅2013年工作要点']);
    // Issuers printed one a line above a title that does not name them stay its part.
    const above = parseDocument(fixtureLines(`中共北京市委教育工作委员会\n北京市教育委员会\n2009年工作要点\n一、加强党的建设。内容。\n二、发展各类教育。内容。`), genre);
    expect(above.titleLines).toHaveLength(3);
  });

  it('keeps a title printed right above a plan of several lists as the title', () => {
    const doc = parseDocument(
      fixtureLines(`2024年工作要点
一、重点任务。内容。
二、保障措施。内容。
2024年重点项目
一、学校建设项目。内容。
二、教育信息化项目。内容。`),
      genre,
    );
    expect(doc.titleLines.map((line) => line.text)).toEqual(['2024年工作要点']);
    expect(doc.firstPartHeading).toBeNull();
  });

  it('finds the signature block, with its attachment list, after the last item', () => {
    const doc = parseDocument(
      fixtureLines(`当阳市教育局2022年工作计划
一、强化安全管理
1.抓好疫情防控工作。落实措施。
2.加强校园安全管理。开展专项行动。
附件：
1.当阳市2022年教育重点工作任务分解表
2.当阳市2022年教育民生实事项目清单
当阳市教育局
2022年2月15日`),
      genre,
    );
    expect(doc.closing.map((line) => line.text)).toEqual([
      '附件：',
      '1.当阳市2022年教育重点工作任务分解表',
      '2.当阳市2022年教育民生实事项目清单',
      '当阳市教育局',
      '2022年2月15日',
    ]);
    const lastItem = doc.outline.at(-1)?.children.at(-1);
    expect(lastItem?.marker.label).toBe('2.');
    expect(lastItem?.body).toEqual([]);
  });

  it('finds no closing when the plan ends with a sentence', () => {
    const doc = parseDocument(fixtureLines(`2024年工作要点\n一、任务\n1.加强党建。内容。\n2.发展教育。内容。`), genre);
    expect(doc.closing).toEqual([]);
  });

  it('keeps a disclosure note after the signature in the notice of an untitled plan', () => {
    const doc = parseDocument(
      fixtureLines(`湄潭县教育局关于印发《湄潭县教育局2024年工作要点》的通知
现将《湄潭县教育局2024年工作要点》印发给你们。
湄潭县教育局
2024年2月2日
（此件公开发布）
一、党的建设
（一）深化理论武装。内容。
（二）加强基层党组织建设。内容。
二、教育发展
（三）扩大学前教育资源。内容。`),
      genre,
    );
    expect(doc.notice.at(-1)?.text).toBe('（此件公开发布）');
    expect(doc.preamble).toEqual([]);
  });
});

describe('parseDocument: a copy that lost its beginning', () => {
  const genre = loadGenre();

  it('starts its first list past 1 when the text starts past 一、 and the next label continues it', () => {
    const doc = parseDocument(fixtureLines('2019年教育工作的基本要求是：坚持立德树人。\n二、以服务保障庆祝活动为主线，办好人民满意的首都教育\n6.服务保障各项重大活动。做好服务保障工作。\n7.切实维护教育系统安全稳定。健全机制。'), genre);
    expect(doc.outline.map((node) => node.marker.label)).toEqual(['二、']);
    expect(doc.outline[0]?.children.map((node) => node.marker.label)).toEqual(['6.', '7.']);
    expect(doc.warnings.map((warning) => warning.message)).toContain('the outline starts at 二、 and its first list at 6.: check that the text is whole');
  });

  it('keeps a lone list label past 1 as text when nothing continues it, or when the text starts at 一、', () => {
    const lone = parseDocument(fixtureLines('二、以服务保障庆祝活动为主线\n6.服务保障各项重大活动。做好服务保障工作。\n三、切实维护教育系统安全稳定'), genre);
    expect(lone.outline[0]?.children).toEqual([]);
    const whole = parseDocument(fixtureLines('一、加强党的建设\n1.强化理论武装。学习。\n二、发展各类教育\n6.推进学前教育。扩大资源。\n7.办好职业教育。深化改革。'), genre);
    expect(whole.outline[1]?.children).toEqual([]);
  });

  it('opens at the higher labels that run on (三、 四、) when each heads a list of its own from （一）', () => {
    const doc = parseDocument(fixtureLines('2011年工作总结及2012年工作安排\n三、存在的问题\n（一）学校布局不合理。内容。\n（二）师资不足。内容。\n四、2012年工作安排\n（一）抓好党建。内容。\n（二）抓好招生。内容。'), genre);
    expect(shape(doc.outline)).toEqual([['三、', ['（一）', '（二）']], ['四、', ['（一）', '（二）']]]);
    expect(doc.warnings.map((warning) => warning.message).join('\n')).toContain('the outline starts at 三、');
  });
});

describe('splitFlattenedLines', () => {
  const genre = loadGenre();
  const flattened = `2024年县教育局工作计划一、工作思路以习近平新时代中国特色社会主义思想为指导，以推动教育强县建设为目标，牢牢把握教育高质量发展内涵，全面贯彻党的教育方针，落实立德树人根本任务。二、工作目标1.全面加强党的领导。推动党的二十大精神学习教育常态化长效化。2.着力提升教学质量。`;

  it('splits a flattened page at its labels, and at the first one right after the plan title', () => {
    const lines = splitFlattenedLines(fixtureLines(flattened), genre).map((line) => line.text);
    expect(lines[0]).toBe('2024年县教育局工作计划');
    expect(lines[1]).toMatch(/^一、工作思路/u);
    // A list's first label right after its short heading with no closing mark (工作目标1.) is cut too.
    expect(lines.slice(2)).toEqual(['二、工作目标', '1.全面加强党的领导。推动党的二十大精神学习教育常态化长效化。', '2.着力提升教学质量。']);
    expect(lines.join('')).toBe(flattened);
  });

  // A flattened excerpt that ends inside its first item: one label of each level, as the genre corpus has it (henan-2020).
  const opening = '现将工作要点印发给你们，请结合实际，认真贯彻落实。全省教育工作的总体要求是：以习近平新时代中国特色社会主义思想为指导，办好人民满意的教育，为决胜全面建成小康社会贡献力量。 一、加强党对教育工作的全面领导 1.完善学习机制。巩固主题教育成果，推动建立长效机制，引导教育系统各级党组织';

  it('splits a line at a lone outline opening (一、… 1.…) only when asked', () => {
    expect(splitFlattenedLines(fixtureLines(opening), genre).map((line) => line.text)).toEqual([opening]);
    const lines = splitFlattenedLines(fixtureLines(opening), genre, { opening: true }).map((line) => line.text);
    expect(lines.map((line) => line.slice(0, 4))).toEqual(['现将工作', '一、加强', '1.完善']);
    expect(lines.join(' ')).toBe(opening);
  });

  it('does not cut a first label after a long heading or a sentence that runs on without a mark', () => {
    const text = `2024年县教育局工作计划一、工作思路以习近平新时代中国特色社会主义思想为指导1.全面加强党的领导。推动党的二十大精神学习教育常态化长效化，深入推进党组织领导的校长负责制。二、工作目标，全面提升质量1.推动发展。2.着力提升教学质量。严格按照国家课程方案开齐开足课程。`;
    const lines = splitFlattenedLines(fixtureLines(text), genre).map((line) => line.text);
    expect(lines.map((line) => line.slice(0, 3))).toEqual(['202', '一、工', '二、工', '2.着']);
  });

  it('puts a plan title run into its first paragraph after a space on a line of its own', () => {
    const text = '山东省教育厅(中共山东省委教育工委)2018年工作要点 2018年,省教育厅(省委教育工委)工作的总体要求是:高举中国特色社会主义伟大旗帜,以习近平新时代中国特色社会主义思想为指导,全面贯彻党的十九大精神,全面贯彻党的教育方针,以立德树人为根本任务,加快推进教育现代化。';
    expect(splitFlattenedLines(fixtureLines(text), genre).map((line) => line.text.slice(0, 12))).toEqual(['山东省教育厅(中共山东省', '2018年,省教育厅(省']);
    // A sentence that opens with a year and a space is no title: the line stays whole.
    const sentence = `2018年工作要点已经印发 ${'全面贯彻党的教育方针，'.repeat(12)}`;
    expect(splitFlattenedLines(fixtureLines(sentence), genre).map((line) => line.text)).toEqual([sentence]);
  });

  it('puts a signature run into a flattened notice on a line of its own, then its page number, then the title', () => {
    const text = '现将《中共河南省委高校工委 河南省教育厅 2020 年工作要点》 印发给你们，请结合本地、本单位实际，认真贯彻落实。 中共河南省委高校工委 河 南 省 教 育 厅 2020 年 3 月 10 日 — 1 — 中共河南省委高校工委 河南省教育厅 2020 年工作要点 2020 年全省教育工作的总体要求是：高举中国特色社会主义伟大旗帜，以习近平新时代中国特色社会主义思想为指导，深入贯彻党的十九大和十九届二中、三中、四中全会精神，认真落实习近平总书记关于教育的重要论述，坚持稳中求进工作总基调，坚持高质量发展。';
    const lines = splitFlattenedLines(fixtureLines(text), genre).map((line) => line.text);
    expect(lines.slice(1, 4)).toEqual(['中共河南省委高校工委 河 南 省 教 育 厅 2020 年 3 月 10 日', '— 1 —', '中共河南省委高校工委 河南省教育厅 2020 年工作要点']);
    expect(lines[0]).toMatch(/认真贯彻落实。$/u);
    expect(lines.join(' ')).toBe(text);
  });

  it('leaves a date inside a sentence where it is: the words before it name no issuer', () => {
    const text = `${'全面贯彻党的教育方针，落实立德树人根本任务。'.repeat(5)} 各学校要在 2020 年 3 月 10 日 前报送材料，${'认真贯彻落实。'.repeat(3)}`;
    expect(splitFlattenedLines(fixtureLines(text), genre).map((line) => line.text)).toEqual([text]);
  });

  it('puts a title run into its first paragraph with no space between on a line of its own, but keeps a combined title whole', () => {
    const body = '全市教育工作的总体思路是：以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的十九大和十九届历次全会精神，聚焦书写好港城现代化建设新答卷，全面落实立德树人根本任务，努力让港城人民共享教育成果。';
    const run = `2022年张家港市教育工作要点2022年，${body}`;
    expect(splitFlattenedLines(fixtureLines(run), genre).map((line) => line.text)).toEqual(['2022年张家港市教育工作要点', `2022年，${body}`]);
    const combined = `张家港市教育局2021年工作总结和2022年工作要点今年，${body}`;
    expect(splitFlattenedLines(fixtureLines(combined), genre)[0]!.text).toBe('张家港市教育局2021年工作总结和2022年工作要点');
  });

  it('does not split after a title-like phrase that is no plan title (统一、规范)', () => {
    const text = `${'坚持统一、规范管理，加强党的建设。'.repeat(8)}`;
    expect(splitFlattenedLines(fixtureLines(text), genre).map((line) => line.text)).toEqual([text]);
  });
});

describe('a flattened page with no other outline', () => {
  const parse = (text: string) => {
    const outcome = createParser({ divisionsFile: null, tablesFile: null }).parse({ file: 'plan.txt', bytes: new TextEncoder().encode(text), sidecar: null });
    if ('error' in outcome) throw new Error(outcome.error.message);
    return outcome.document.plan;
  };

  it('is read at its lone outline opening: the section and the item the excerpt begins', () => {
    const plan = parse(`中共河南省委高校工委 河南省教育厅 2020 年工作要点 全省教育工作的总体要求是：以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针，办好人民满意的教育，为决胜全面建成小康社会贡献力量。 一、加强党对教育工作的全面领导 1.完善学习机制。巩固主题教育成果，推动建立长效机制，引导教育系统各级党组织`);
    expect(plan.sections[0]?.heading).toBe('一、加强党对教育工作的全面领导');
    expect([...itemsOf(plan.sections)].map((item) => item.text.slice(0, 6))).toEqual(['完善学习机制']);
  });

  it('is read at its opening under a section heading as long as headings are, with a comma in it', () => {
    const plan = parse(`2022年张家港市教育工作要点 2022年，全市教育工作的总体思路是：以习近平新时代中国特色社会主义思想为指导，全面落实立德树人根本任务，努力让港城人民共享教育成果。一、强化政治意识，增强党对教育工作的全面领导1.突出党的方向引领。巩固拓展教育系统党史学习教育成果，常态化长效化开展党史学习教育`);
    expect(plan.sections[0]?.heading).toBe('一、强化政治意识，增强党对教育工作的全面领导');
    expect([...itemsOf(plan.sections)].map((item) => item.title)).toEqual(['突出党的方向引领']);
  });

  it('is read at its run-in enumerations first, when it has them under the opening (一、…（一）…一是…二是…)', () => {
    const plan = parse(`乐清市教育局2018年工作总结和2019年工作思路一、2018年工作总结2018年，市教育局深入实施教育改革和发展规划纲要，全市教育工作取得显著成效。（一）教育资源供给得到新加强一是教育现代化市创建强力推进。召开创建省教育基本现代化市推进会。二是校网布局调整优化。合理调整和科学规划学校布局。三是学校建设步伐加快。新建中小学校舍面积约8万平方米。`);
    expect([...itemsOf(plan.sections)].map((item) => item.title)).toEqual(['教育现代化市创建强力推进', '校网布局调整优化', '学校建设步伐加快']);
  });
});

describe('joinLoneLabels', () => {
  const genre = loadGenre();

  it('joins a label printed alone to its heading on the next line (01 / 坚守教育初心使命), so the outline reads', () => {
    const text = '2026年工作要点\n一、全面加强党建引领\n01\n坚守教育初心使命\n深刻领悟教育的政治属性。\n02\n夯实学校党建根基\n出台指导性意见。';
    const lines = joinLoneLabels(fixtureLines(text), genre);
    expect(lines.map((line) => line.text)).toEqual(['2026年工作要点', '一、全面加强党建引领', '01 坚守教育初心使命', '深刻领悟教育的政治属性。', '02 夯实学校党建根基', '出台指导性意见。']);
    expect(lines[2]?.line).toBe(3);
    const doc = parseDocument(lines, genre);
    expect(doc.outline[0]?.children.map((node) => node.marker.label.trim())).toEqual(['01', '02']);
  });

  it('joins a label printed alone to its item\'s paragraph when the paragraph opens with a lead phrase (1. / 认真学习…精神。…)', () => {
    const paragraph = `认真学习宣传贯彻党的二十大精神。${'全员覆盖抓好主题教育，引导广大党员深刻领悟。'.repeat(3)}`;
    const lines = joinLoneLabels(fixtureLines(`一、加强党的建设\n1.\n${paragraph}\n2.\n${paragraph}`), genre);
    expect(lines.map((line) => line.text)).toEqual(['一、加强党的建设', `1. ${paragraph}`, `2. ${paragraph}`]);
  });

  it('leaves a label alone when the next line is a long paragraph or another label', () => {
    const paragraph = `${'加强党的建设，'.repeat(8)}。`;
    const lines = fixtureLines(`一、\n${paragraph}\n02\n03 夯实基础`);
    expect(joinLoneLabels(lines, genre).map((line) => line.text)).toEqual(['一、', paragraph, '02', '03 夯实基础']);
  });
});

describe('joinBrokenTitles', () => {
  const genre = loadGenre();

  it('joins a plan title wrapped after its year (…及2018年 / 工作要点), and no line that is a title or a signature', () => {
    const lines = joinBrokenTitles(fixtureLines('施甸县2017年教育工作总结及2018年\n工作要点\n一、2017年教育工作总结'), genre);
    expect(lines.map((line) => line.text)).toEqual(['施甸县2017年教育工作总结及2018年工作要点', '一、2017年教育工作总结']);
    const signed = fixtureLines('沈阳市浑南区教育局2024年3月1日\n2024年教育工作要点\n一、加强党的建设');
    expect(joinBrokenTitles(signed, genre).map((line) => line.text)).toEqual(signed.map((line) => line.text));
    const dated = fixtureLines('二○一○年二月九日\n工作要點\n2010年是我省实施规划的最后一年。');
    expect(joinBrokenTitles(dated, genre).map((line) => line.text)).toEqual(dated.map((line) => line.text));
  });
});

describe('joinBrokenNumbers', () => {
  it('joins a number wrapped away from its unit (2016 / 年), and no other line', () => {
    const lines = joinBrokenNumbers(fixtureLines('泰安市教育局2016\n年工作要点\n1.强化理论武装。深入学习精\n神。\n新增学位4950\n个。'));
    expect(lines.map((line) => line.text)).toEqual(['泰安市教育局2016年工作要点', '1.强化理论武装。深入学习精', '神。', '新增学位4950', '个。']);
    expect(lines[0]?.line).toBe(1);
  });
});

describe('isIssuerLine', () => {
  it('reads names that end as organs do, in spaced type too', () => {
    expect(isIssuerLine('中共泰安市委教育工委  泰安市教育局', genre)).toBe(true);
    expect(isIssuerLine('北 京 市 教 育 委 员 会', genre)).toBe(true);
    expect(isIssuerLine('省教育厅（省委教育工委）', genre)).toBe(true);
    expect(isIssuerLine('县教育局（盖章）', genre)).toBe(false);
    expect(isIssuerLine('（县教育体育局）', genre)).toBe(false);
  });

  it('reads no notice heading broken after a name as a name', () => {
    expect(isIssuerLine('关于印发《中共湖南省委教育工委', genre)).toBe(false);
    expect(isIssuerLine('福建省教育厅关于印发福建省教育厅', genre)).toBe(false);
  });

  it('reads no sentence that a cut excerpt ends after 党组 as a name', () => {
    expect(isIssuerLine('全面履行教育工作领导小组职责。加强对我市教育重大工作的研究部署、统筹协调，进一步增强党组', genre)).toBe(false);
  });
});

describe('a summary-and-plan its notice issues whole', () => {
  it('opens its text with the heading of its first part, which titles no page', () => {
    const text = ['穗教发〔2022〕9号', '市属各高校，各区教育局：', '现将《2021年广州教育工作总结和2022年工作要点》印发给你们，请认真贯彻执行。', '广州市教育局', '2022年3月17日', '2021年广州教育工作总结', '2021年，全市教育系统坚持立德树人。', '一、突出党的政治建设', '（一）深入学习贯彻。内容。', '（二）加强基层党建。内容。'].join('\n');
    const outcome = createParser({ divisionsFile: null, tablesFile: null }).parse({ file: 'plan.txt', bytes: new TextEncoder().encode(text), sidecar: null });
    if ('error' in outcome) throw new Error(outcome.error.message);
    const { plan } = outcome.document;
    expect(plan).toMatchObject({ title: '2021年广州教育工作总结和2022年工作要点', printedTitle: null, year: 2022 });
    expect(plan.preamble.split('\n')).toEqual(['2021年广州教育工作总结', '2021年，全市教育系统坚持立德树人。']);
  });
});
