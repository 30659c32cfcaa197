import { describe, expect, it } from 'vitest';
import { itemsOf } from '../../src/model/plan.ts';
import { loadGenre } from '../../scripts/genre/load.ts';
import { parseDocument } from '../../scripts/ingest/parse.ts';
import { buildSections, leadPhraseOf } from '../../scripts/ingest/structure.ts';
import { fixtureLines } from './helpers.ts';

const genre = loadGenre();

function build(text: string) {
  const doc = parseDocument(fixtureLines(text), genre);
  return buildSections(doc.outline, '/shandong/taian/2024/', genre).sections;
}

describe('leadPhraseOf', () => {
  it('ends a heading where a page that ran its paragraphs together left a gap of spaces, not at a gap inside a clause list', () => {
    expect(leadPhraseOf('主要目标任务  抓好一个重点：区域教育优质均衡发展；遵守两个基本原则。', genre)).toEqual({ title: '主要目标任务', printed: '主要目标任务' });
    expect(leadPhraseOf('加强党建，强化理论  学习。深入学习贯彻。', genre).title).toBe('加强党建，强化理论  学习');
  });

  it('ends the lead phrase at the first full stop or colon', () => {
    expect(leadPhraseOf('巩固提升主题教育成果。加强思想政治引领。', genre)).toEqual({ title: '巩固提升主题教育成果', printed: '巩固提升主题教育成果。' });
    expect(leadPhraseOf('目标任务：全面完成。', genre).title).toBe('目标任务');
  });

  it('finds the lead phrase when the writer forgot the full stop', () => {
    const lead = leadPhraseOf(
      '扩增普通高中优质资源出台《大连市高中阶段教育普及攻坚计划（2017-2020年）》，推动普通高中多样化有特色发展。',
      genre,
    );
    expect(lead).toEqual({ title: '扩增普通高中优质资源', printed: '扩增普通高中优质资源' });
  });

  it('gives no lead phrase to a long sentence of several clauses', () => {
    const text = '实施素质教育提升工程，提高课后服务质量，健全思想政治理论课设置和加强思政课师资配备，加强青少年学生思想道德教育。';
    expect(leadPhraseOf(text, genre)).toEqual({ title: null, printed: '' });
  });

  it('does not cut a title a sentence cites before a verb inside it (《…纲要实施方案》)', () => {
    expect(leadPhraseOf('研究制定《教育强国建设规划纲要实施方案》《加快建设特色教育强省三年行动计划（2025—2027年）》。对标教育强国建设规划纲要，细化重点工作任务', genre).title).not.toBe('研究制定《教育强国建设规划纲要');
  });

  it('ends a lead phrase before 深化, and not inside 党组织', () => {
    expect(leadPhraseOf('加强基层党组织建设深化中小学校党组织领导的校长负责制,完善学校党组织会议和校长办公会议制度。', genre).title).toBe('加强基层党组织建设');
  });

  it('does not cut a noun phrase before a verb (政策的实施)', () => {
    expect(leadPhraseOf('随着“二孩”“三胎”政策的实施,适龄儿童逐年增多，城区学位紧张', genre).title).toBeNull();
  });

  it('does not cut a chain of verbs that opens a sentence (深入学习宣传贯彻, 坚持落实)', () => {
    expect(leadPhraseOf('深入学习宣传贯彻习近平总书记“七一”重要讲话精神、党的十九大及历次全会精神和习近平总书记关于教育的重要论述，推动党的创新理论进校园。', genre).title).toBeNull();
    expect(leadPhraseOf('各级党组织坚持落实“第一议题”、中心组理论学习、“三会一课”制度，用好“学习强国”等平台。', genre).title).toBeNull();
  });
});

describe('buildSections', () => {
  it('titles a section and an item without the full stop that ends them, nor a space before it', () => {
    const sections = build('一、聚焦纲举目张，推动教育强省建设实现高质量开局。\n1.持续巩固教育督导体制机制改革成果 。深化改革。\n2.加强组织建设。建设组织。');
    expect(sections[0]?.title).toBe('聚焦纲举目张，推动教育强省建设实现高质量开局');
    expect(sections[0]?.heading).toBe('一、聚焦纲举目张，推动教育强省建设实现高质量开局。');
    expect([...itemsOf(sections)].map((item) => item.title)).toEqual(['持续巩固教育督导体制机制改革成果', '加强组织建设']);
  });

  it('keys items by their own number when the numbering runs through the plan', () => {
    const sections = build(`一、党的建设
1.强化理论武装。学习。
2.加强组织建设。建设。
二、各类教育
3.推进学前教育普惠发展。普惠。`);
    const items = [...itemsOf(sections)];
    expect(items.map((item) => [item.key, item.title, item.url, item.anchor])).toEqual([
      ['1', '强化理论武装', '/shandong/taian/2024/1/', 'item-1'],
      ['2', '加强组织建设', '/shandong/taian/2024/2/', 'item-2'],
      ['3', '推进学前教育普惠发展', '/shandong/taian/2024/3/', 'item-3'],
    ]);
    expect(sections.map((section) => [section.key, section.title, section.anchor])).toEqual([
      ['1', '党的建设', 'section-1'],
      ['2', '各类教育', 'section-2'],
    ]);
  });

  it('takes a label line standing alone before its text as the item\'s lead phrase, not a line a PDF broke', () => {
    const alone = build('一、加强党的领导\n1.深入学习习近平新时代中国特色社会主义思想\n\n目标任务：准确领会核心要义。\n2.加强组织建设。建设。');
    expect([...itemsOf(alone)].map((item) => item.title)).toEqual(['深入学习习近平新时代中国特色社会主义思想', '加强组织建设']);
    const wrapped = build('一、加强党的领导\n1.推进学前教育普及普惠安全优质发展持续扩大普惠\n性资源供给。扩大资源。\n2.加强组织建设。建设。');
    expect([...itemsOf(wrapped)][0]?.title).not.toBe('推进学前教育普及普惠安全优质发展持续扩大普惠');
    // A list of —— entries right under the line shows it is a heading too.
    const listed = build('一、主要目标\n（一）全面提升教育体育质量\n——学前三年入园率达到95%以上；\n——促进特殊教育发展。\n（二）加强组织建设。建设。');
    expect([...itemsOf(listed)].map((item) => item.title)).toEqual(['全面提升教育体育质量', '加强组织建设']);
    // Every item of a list printed as a short heading with its text right under it.
    const headed = build('一、主要工作\n1. 深化教育改革\n推动义务教育优质均衡发展。\n2. 强化教师队伍建设\n开展教师培训。\n3. 推进学前教育普及普惠\n新建幼儿园。');
    expect([...itemsOf(headed)].map((item) => item.title)).toEqual(['深化教育改革', '强化教师队伍建设', '推进学前教育普及普惠']);
    // …but not a list where one item runs on as a sentence (a PDF's wrap).
    const mixed = build('一、主要工作\n1. 深化教育改革\n推动义务教育优质均衡发展。\n2. 推进学前教育普及普惠安全优质发展持续扩大普惠\n性资源供给。');
    expect([...itemsOf(mixed)][1]?.title).not.toBe('推进学前教育普及普惠安全优质发展持续扩大普惠');
    // A label line clearly shorter than the line under it: no page's width broke it.
    const short = build('一、2018年全市教育工作总结\n过去的一年，在市委、市政府的正确领导下，全市教育事业健康协调快速发展。');
    expect([...itemsOf(short)].map((item) => item.title)).toEqual(['2018年全市教育工作总结']);
    // A numbered list of sentences right under the line, kept as the item's text.
    const overList = build('一、加强党的建设\n（一）深化理论武装\n1.持续深入学习贯彻党的二十大精神。\n2.落实第一议题制度。\n（二）加强基层党组织建设\n1.推进党建与业务深度融合。\n2.开展示范党支部创建。');
    expect([...itemsOf(overList)].map((item) => [item.label, item.title])).toEqual([['（一）', '深化理论武装'], ['（二）', '加强基层党组织建设']]);
    expect([...itemsOf(overList)][0]?.text).toBe('深化理论武装\n1.持续深入学习贯彻党的二十大精神。\n2.落实第一议题制度。');
    // …a heading of two clauses too, since its writer, not a page's width, broke the line before the list.
    const clauses = build('一、加强党的建设\n（一）强化党建统领，加强党对教育工作的全面领导\n1.持续深入学习贯彻党的二十大精神。\n2.落实第一议题制度。\n（二）加强基层党组织建设\n1.推进党建与业务深度融合。');
    expect([...itemsOf(clauses)].map((item) => item.title)).toEqual(['强化党建统领，加强党对教育工作的全面领导', '加强基层党组织建设']);
    // …but not a line with a sentence's mark in it.
    const sentence = build('一、加强党的建设\n（一）强化党建统领。加强党对教育工作的全面领导\n1.持续深入学习贯彻党的二十大精神。\n2.落实第一议题制度。');
    expect([...itemsOf(sentence)][0]?.title).toBe('强化党建统领');
    // A heading label's line of two clauses, clearly shorter than its text right under it…
    const headingOverText = build('一、2010年工作完成情况\n（一）以创先争优为载体，扎实推进各项工作\n按照县委的统一部署，教育局党委各直属支部、各学校相继开展了创先争优活动。\n（二）坚持教育优先发展，巩固成果\n全县“普九”成果得到了巩固提高，义务教育阶段学生入学率达到了100%。');
    expect([...itemsOf(headingOverText)].map((item) => item.title)).toEqual(['以创先争优为载体，扎实推进各项工作', '坚持教育优先发展，巩固成果']);
    // …but not an item's line that runs on into the next (2.推进…活动，将开学第一课 / 作为一项政治任务，…).
    const runOn = build('一、加强德育\n1.加强理想信念教育。教育。\n2.推进“大学习”活动，将开学第一课\n作为一项政治任务，开展一次集中培训、进行一次专题学习讨论。');
    expect([...itemsOf(runOn)][1]?.title).not.toBe('推进“大学习”活动，将开学第一课');
  });

  it('prefixes keys with section numbers when numbering restarts in each part', () => {
    const sections = build(`一、主要目标任务
1.强化党建统领作用，擦亮党建品牌。
2.实施素质教育提升工程，提高课后服务质量。
二、主要工作内容
（一）坚持从严治党
1.强化科学理论武装。内容。
（二）坚持人才立教
2.为年轻教师寻找引路人。内容。`);
    expect([...itemsOf(sections)].map((item) => item.key)).toEqual(['1.1', '1.2', '2.1', '2.2']);
    expect(sections[1]?.sections.map((section) => section.key)).toEqual(['2.1', '2.2']);
  });

  it('uses the full path when inner lists restart under every subsection', () => {
    const sections = build(`一、2023年主要工作
（一）党建引领
一是坚持标准，党建加强。内容。
二是筑牢防线，廉政绷紧。内容。
（二）立德树人
一是科学谋划，质量提高。内容。
二、2024年工作计划
一是强化党建引领。内容。`);
    expect([...itemsOf(sections)].map((item) => [item.key, item.url])).toEqual([
      ['1.1.1', '/shandong/taian/2024/1-1-1/'],
      ['1.1.2', '/shandong/taian/2024/1-1-2/'],
      ['1.2.1', '/shandong/taian/2024/1-2-1/'],
      ['2.1', '/shandong/taian/2024/2-1/'],
    ]);
  });

  it('keeps sub-points (（1）（2）) inside their item instead of making sections of a few items', () => {
    const sections = build(`一、重点任务
1.推进项目建设。具体是：
（1）新建学校。
（2）改扩建幼儿园。
2.加强队伍建设。内容。
3.深化改革。内容。
二、保障措施
4.加强领导。内容。`);
    const items = [...itemsOf(sections)];
    expect(items.map((item) => item.key)).toEqual(['1', '2', '3', '4']);
    expect(items[0]?.text).toBe('推进项目建设。具体是：\n（1）新建学校。\n（2）改扩建幼儿园。');
  });

  it('wraps a flat list in one unnamed section', () => {
    const sections = build(`1.加强党建。内容。
2.发展教育。内容。`);
    expect(sections).toHaveLength(1);
    expect(sections[0]?.heading).toBe('');
    expect(sections[0]?.items.map((item) => item.key)).toEqual(['1', '2']);
  });

  it('gives each restarted list its own part, headed by the short line printed before it', () => {
    const sections = build(`一、学前教育
学前教育普及普惠。
二、义务教育
义务教育优质均衡。
2024年工作计划
一、强化党建
二、推进改革`);
    expect(sections.map((section) => [section.key, section.heading])).toEqual([
      ['1', ''],
      ['2', '2024年工作计划'],
    ]);
    expect([...itemsOf(sections)].map((item) => [item.key, item.anchor])).toEqual([
      ['1.1', 'item-1-1'],
      ['1.2', 'item-1-2'],
      ['2.1', 'item-2-1'],
      ['2.2', 'item-2-2'],
    ]);
    expect(sections[0]?.items[1]?.text).toBe('义务教育\n义务教育优质均衡。');
  });

  it('splits a section heading that runs on into text at its full stop', () => {
    const sections = build(`一、指导思想。以习近平新时代中国特色社会主义思想为指导，落实立德树人根本任务。
二、重点任务
1.加强党建。内容。`);
    expect(sections[0]).toMatchObject({
      title: '指导思想',
      heading: '一、指导思想。',
      text: '以习近平新时代中国特色社会主义思想为指导，落实立德树人根本任务。',
    });
  });
});

describe('leadPhraseOf: genre variants', () => {
  it('reads a half-width full stop between Chinese characters as a terminator, not a decimal point', () => {
    expect(leadPhraseOf('加强思想政治教育.推进大中小学思政课一体化建设。', genre).title).toBe('加强思想政治教育');
    expect(leadPhraseOf('新增学位1.5万个，完成学校建设任务。', genre).title).toBe('新增学位1.5万个，完成学校建设任务');
  });

  it('ends a lead phrase before a body verb inside a long first clause, though a full stop follows', () => {
    expect(leadPhraseOf('巩固控辍保学成果落实“双线四级”责任制，确保适龄儿童少年应入尽入。', genre).title).toBe('巩固控辍保学成果');
    // A short first clause is a lead phrase of its own (Taierzhuang 1.1).
    expect(leadPhraseOf('强化党建统领作用，实施“党建+”工程。', genre).title).toBe('强化党建统领作用，实施“党建+”工程');
  });
});

describe('buildSections: sub-points', () => {
  it('keeps items with （1）（2） or ①② sub-points as items, even when most of a section has them', () => {
    const sections = build(`一、推进均衡发展
1.实施学前教育提升行动。主要做到：
①新建城区公办幼儿园2所；
②开展幼儿园保教质量评估。
2.推进义务教育优质均衡。补齐短板：
（1）完成6所薄弱学校改造；
（2）推进城乡学校结对帮扶全覆盖。
3.发展职业教育。深化产教融合。
二、守住安全底线
4.加强校园安全管理。落实责任。`);
    expect([...itemsOf(sections)].map((item) => [item.key, item.title])).toEqual([
      ['1', '实施学前教育提升行动'],
      ['2', '推进义务教育优质均衡'],
      ['3', '发展职业教育'],
      ['4', '加强校园安全管理'],
    ]);
    expect(sections[0]?.sections).toEqual([]);
  });

  it('still nests a list whose entries are items with lead phrases and bodies', () => {
    const sections = build(`一、主要任务
（一）坚持党建引领。学年度内，全面推进校长负责制。
1.加强理论武装。深入学习。
2.加强基层党组织建设。推进融合。
（二）坚持五育并举。健全培养体系。
1.深化思政教育。推进一体化建设。
二、保障措施
（一）加强组织领导。明确责任分工。`);
    expect(sections[0]?.sections.map((section) => section.heading)).toEqual(['（一）坚持党建引领。', '（二）坚持五育并举。']);
    expect([...itemsOf(sections)].map((item) => item.key)).toEqual(['1.1.1', '1.1.2', '1.2.1', '2.1']);
  });
});

describe('lead phrases around quoted titles and addresses', () => {
  it('does not end a lead phrase at the colon of a ratio (6:4)', () => {
    expect(leadPhraseOf('扩大职高招生规模，逐步实现6:4的普职比。职高招生500人。', genre).title).toBe('扩大职高招生规模，逐步实现6:4的普职比');
  });

  it('does not end a lead phrase inside 《》 or “”, nor at the colon of an address', () => {
    expect(leadPhraseOf('落实《关于做好2024年工作：若干意见》要求。全面推进。', genre).title).toBe('落实《关于做好2024年工作：若干意见》要求');
    expect(leadPhraseOf('开展“强基：提质”行动。全面推进。', genre).title).toBe('开展“强基：提质”行动');
    expect(leadPhraseOf('推广平台https://edu.example.cn应用。全面推进。', genre).title).toBe('推广平台https://edu.example.cn应用');
  });
});

describe('parts of a summary and a plan', () => {
  it('heads each part with its heading and keeps the part\'s own paragraph as its text, out of the preamble and the last item', () => {
    const text = [
      '广州市教育局2023年工作总结和2024年工作要点',
      '2023年工作总结',
      '2023年，全市教育系统办好人民满意的教育。',
      '一、加强党的领导',
      '（一）强化理论武装。深入学习。',
      '（二）加强组织建设。建强组织。',
      '2024年工作要点',
      '2024年全市教育工作的总体要求是：深入贯彻党的二十大精神。',
      '一、坚持党建引领',
      '（一）加强政治建设。内容。',
      '（二）加强作风建设。内容。',
    ].join('\n');
    const doc = parseDocument(fixtureLines(text), genre);
    expect(doc.preamble).toEqual([]);
    const parts = buildSections(doc.outline, '/guangdong/guangzhou/2024/zongjie-jihua/', genre, doc.firstPartHeading, doc.firstPartIntro).sections;
    expect(parts.map((part) => [part.heading, part.text])).toEqual([
      ['2023年工作总结', '2023年，全市教育系统办好人民满意的教育。'],
      ['2024年工作要点', '2024年全市教育工作的总体要求是：深入贯彻党的二十大精神。'],
    ]);
    expect([...itemsOf(parts)].map((item) => item.text)).toContain('加强组织建设。建强组织。');
  });
});
