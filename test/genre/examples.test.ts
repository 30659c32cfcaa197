/**
 * Every genre table shows what its entries are for: each numbering style reads
 * its own examples (and no earlier style takes them), and each noise rule removes
 * its examples. An editor who adds an entry adds its examples, and this test
 * holds the entry to them.
 */
import { loadRegionGenre } from '../../scripts/genre/regions.ts';
import { loadDivisionIndex } from '../../scripts/ingest/divisions.ts';
import { namedAsPartner, scopeUses, unnamedIssuerScope } from '../../scripts/ingest/region.ts';
import { describe, expect, it } from 'vitest';
import { loadGenre } from '../../scripts/genre/load.ts';
import { loadNoise } from '../../scripts/genre/load-noise.ts';
import { isIssuerLine, isPlanTitle, isTitleSecondPart, matchMarker } from '../../scripts/ingest/parse.ts';
import { isoDateOf } from '../../scripts/ingest/metadata.ts';
import { yearsIn } from '../../scripts/ingest/numerals.ts';
import { citedMeetings, fiveYearMilestones } from '../../scripts/ingest/year-conflict.ts';
import { cleanSource } from '../../scripts/ingest/clean.ts';
import { createParser } from '../../scripts/ingest/parser.ts';
import { loadGarbles } from '../../scripts/genre/garbles.ts';
import { loadQuotedTermRules } from '../../scripts/genre/quoted-terms.ts';

const genre = loadGenre();
const parser = createParser({ divisionsFile: null, tablesFile: null });
const noise = loadNoise();

describe('numbering styles', () => {
  // A style listed as in another's lists (a label that lost its dot) reads as that style.
  const cases = genre.numbering.flatMap((style) => style.examples.map((example) => [style.id, style.listOf ?? style.id, example] as const));
  it.each(cases)('%s (in lists as %s) reads %s', (_id, listId, example) => {
    const marker = matchMarker(`${example}加强党的建设`, genre);
    expect(marker?.style.id).toBe(listId);
    expect(marker?.number).toBeGreaterThan(0);
    expect(marker?.rest).toBe('加强党的建设');
  });
});

describe('party meetings', () => {
  it.each(genre.partyMeetings.examples.map((example) => [example.text, example.latest] as const))('%s cites a meeting of %i as its latest', (text, latest) => {
    expect(Math.max(...citedMeetings([{ line: 1, text }], genre).map((meeting) => meeting.year))).toBe(latest);
  });

  it.each(genre.partyMeetings.fiveYearPlans.examples.map((example) => [example.text, example.year] as const))('%s names a five-year plan\'s start or end in %i', (text, year) => {
    expect(fiveYearMilestones([{ line: 1, text }], genre).map((milestone) => milestone.year)).toEqual([year]);
  });
});

describe('metadata patterns', () => {
  const patterns = { docNumber: genre.docNumber, issueDate: genre.issueDate, issueDateRunIn: genre.issueDateRunIn, bareIssueDate: genre.bareIssueDate, year: genre.year, issuingNotice: genre.issuingNotice, issuingSentence: genre.issuingSentence, yearAims: genre.yearAims, preambleOpening: genre.preambleOpening, attachmentList: genre.attachmentList };
  const cases = Object.entries(genre.metadataExamples).flatMap(([name, examples]) => examples.map((example) => [name, example] as const));
  it.each(cases)('%s matches %s', (name, example) => {
    // A copy without the global flag: test() on the shared global pattern would move its lastIndex.
    const pattern = patterns[name as keyof typeof patterns];
    expect(new RegExp(pattern.source, pattern.flags.replace('g', '')).test(example)).toBe(true);
  });

  it('put the shared pieces in: a year in Chinese numerals is read as a number, a quantifier stays one', () => {
    expect(isoDateOf('二○二四年三月二十六日', genre)).toBe('2024-03-26');
    expect(yearsIn('二〇二三—二〇二四学年工作计划', genre)).toEqual([2023, 2024]);
    expect(genre.docNumber.test('泰教发〔2024〕1号')).toBe(true);
    expect(genre.docNumber.exec('关于印发2024年工作要点的通知泰教发〔2024〕1号')?.[0]).toBe('泰教发〔2024〕1号');
    expect(genre.docNumber.exec('泰安市教育局文件泰教发〔2024〕1号')?.[0]).toBe('泰教发〔2024〕1号');
    expect(genre.issuingNotice.exec('关于印发2024年工作要点的通知')?.groups?.['title']).toBe('2024年工作要点');
    expect(genre.attachmentList.test('各学校附件下载')).toBe(false);
  });
});

describe('plan titles', () => {
  it.each(genre.planTitle.examples)('%s is a plan title', (line) => expect(isPlanTitle(line, genre)).toBe(true));
  it.each(genre.planTitle.notExamples)('%s is not', (line) => expect(isPlanTitle(line, genre)).toBe(false));
  it.each(genre.planTitle.secondPart.examples)('%s continues the title line above it', (line) => expect(isTitleSecondPart(line, genre)).toBe(true));
  it.each(genre.pageTag.examples)('%s opens with a page tag, and the name after it is an issuer', (line) => {
    expect(genre.pageTag.pattern.test(line)).toBe(true);
    expect(isIssuerLine(line.replace(genre.pageTag.pattern, ''), genre)).toBe(true);
  });

  it('a bureau the title names by its level only is named as the page\'s 发布机构 names it', () => {
    const outcome = parser.parse({ file: 'x.txt', bytes: Buffer.from('市教育局2025年工作要点\n发布时间：2025-03-11 发布机构：潜江市教育局\n2025年全市教育工作的总体要求是：坚持立德树人。\n一、加强党建\n1.强化理论。学习。\n2.加强组织。建设。\n'), sidecar: null });
    if ('error' in outcome) throw outcome.error;
    expect(outcome.document.plan).toMatchObject({ title: '市教育局2025年工作要点', issuers: ['潜江市教育局'], publisher: '潜江市教育局' });
  });

  it('a title set in spaced type is a plan title, read as it spells', () => {
    expect(isPlanTitle('黄 梅 县 教 育 局 2023 年 工 作 要 点', genre)).toBe(true);
    const outcome = parser.parse({ file: 'x.txt', bytes: Buffer.from('黄梅县教育局\n2 0 2 3 年 工 作 要 点\n一、加强党建\n1.强化理论。学习。\n2.加强组织。建设。\n'), sidecar: null });
    if ('error' in outcome) throw outcome.error;
    expect(outcome.document.plan).toMatchObject({ title: '黄梅县教育局2023年工作要点', titleInferred: false, year: 2023, kind: '工作要点', issuers: ['黄梅县教育局'] });
  });

  it('a plan printed as 关于做好…工作的意见 is read with its title and kind', () => {
    const outcome = parser.parse({ file: 'x.txt', bytes: Buffer.from('平邑县教育和体育局关于做好2024年全县教育工作的意见\n一、加强党建\n1.强化理论。学习。\n2.加强组织。建设。\n'), sidecar: null });
    if ('error' in outcome) throw outcome.error;
    expect(outcome.document.plan).toMatchObject({ title: '平邑县教育和体育局关于做好2024年全县教育工作的意见', titleInferred: false, kind: '工作意见', url: '/shandong/linyi/pingyi/2024/yijian/' });
  });
});

describe('quoted phrases as policy terms', () => {
  const rules = loadQuotedTermRules();
  const admitted = rules.names.flatMap((rule) => rule.examples.map((example) => [rule.id, example] as const));
  it.each(admitted)('%s admits “%s”', (id, example) => {
    expect(rules.nameOf(example)).toBe(id);
  });
  const refused = [...rules.notTerms, ...rules.notPatterns.flatMap((rule) => rule.examples)];
  it.each(refused)('refuses “%s”', (example) => {
    expect(rules.nameOf(example)).toBeNull();
  });
  it('refuses what is quoted for emphasis, names no programme, or is a sentence’s fragment', () => {
    for (const phrase of ['教育发展', '全员参与', '师徒', '健康第一', '小切口']) expect(rules.nameOf(phrase), phrase).toBeNull();
  });
});

describe('masked words', () => {
  it.each(loadGarbles().maskedExamples)('are found in %s', (example) => {
    expect([...example.matchAll(loadGarbles().maskedWords)].length).toBeGreaterThan(0);
  });

  it('are reported by the ingest with their line, and the text kept', () => {
    const outcome = parser.parse({ file: 'x.txt', bytes: Buffer.from('泰安市教育局2024年工作要点\n一、加强党建\n1.强化理论。达标有X个，建经费X万元。\n2.加强组织。建设。\n'), sidecar: null });
    if ('error' in outcome) throw outcome.error;
    expect(outcome.document.warnings).toContainEqual({ line: 3, message: expect.stringMatching(/2 masked figure\(s\).*X个/u) });
    expect(outcome.document.markdown).toContain('达标有X个');
  });
});

describe('what is not a plan', () => {
  const cases = genre.notPlans.flatMap((rule) => rule.examples.map((example) => [rule.id, example] as const));
  it.each(cases)('%s refuses a text headed %s', (id, example) => {
    const outcome = parser.parse({ file: 'example.txt', bytes: Buffer.from(`${example}\n一、加强党的建设\n1.强化理论武装。学习贯彻。\n2.加强组织建设。建设组织。\n`), sidecar: null });
    expect('error' in outcome && outcome.error.code).toBe('not-a-plan');
    expect('error' in outcome && outcome.error.message).toContain(`[${id}]`);
  });

  const reports = genre.reportSigns.flatMap((rule) => rule.examples.map((example) => [rule.id, example] as const));
  it.each(reports)('%s refuses a text with no plan title or notice that reads %s', (id, example) => {
    const outcome = parser.parse({ file: 'example.txt', bytes: Buffer.from(`2022年全区教育重点工作\n一、加强党的建设\n二、发展各类教育\n${example}\n今年，全区将深入推进教育改革。\n`), sidecar: null });
    expect('error' in outcome && outcome.error.code).toBe('not-a-plan');
    expect('error' in outcome && outcome.error.message).toContain(`[${id}]`);
  });

  it('quotes a report\'s sign from the start of its clause, never from inside a number', () => {
    const outcome = parser.parse({ file: 'example.txt', bytes: Buffer.from('一、总体情况\n2024年，教育局深入贯彻落实党的二十大精神，按照《中华人民共和国政府信息公开条例》要求，扎实推进政务公开。\n（一）主动公开情况\n'), sidecar: null });
    expect('error' in outcome && outcome.error.message).toContain('[disclosure-report]: "按照《中华人民共和国政府信息公开条例》要求，扎实推进政务公开。"');
  });

  /** What the ingest makes of a text: its refusal, or the URL it publishes it at. */
  const verdict = (text: string): string => {
    const outcome = parser.parse({ file: 'plan.txt', bytes: Buffer.from(text), sidecar: null });
    return 'error' in outcome ? outcome.error.message : outcome.document.plan.url;
  };
  const items = '1.强化理论武装。学习贯彻。\n2.加强组织建设。建设组织。\n';

  it('refuses news that a bureau issued its plan, but not a repost that prints the plan in full after saying so', () => {
    const plan = `2013年全省教育工作总体要求是：深入学习贯彻党的十八大精神。\n一、深入学习贯彻十八大精神\n${items}`;
    expect(verdict(`日前，陕西省委教育工委、省教育厅印发了2013年工作要点，全文如下：\n${plan}`)).toBe('/shaanxi/2013/');
    expect(verdict(`日前，陕西省委教育工委、省教育厅印发了2013年工作要点，对全年工作作出部署。\n${plan}`)).toContain('[news-report]');
  });

  it('refuses a budget that shows what it is only in its part headings, and reads no budget in a plan\'s items', () => {
    expect(verdict('目录\n第一部分 部门概况\n一、部门主要职责\n二、部门基本情况\n第二部分 2021年度部门决算表\n一、收入支出决算总表\n二、收入决算表\n')).toContain('[budget]: "第二部分 2021年度部门决算表"');
    // …nor in a site's menu above the title (预决算公开, 部门预算).
    expect(verdict(`政务公开\n预决算公开\n部门预算\n鹰潭市教育局2021年工作要点\n一、加强经费保障。规范部门预算编制，做好部门决算公开。\n${items}`)).toBe('/jiangxi/yingtan/2021/');
  });

  it('reads a five-year plan\'s title below a page\'s advertisement, but not in a plan\'s section heading', () => {
    const advert = ['联华众创空间', '微信扫码', '咨询洽谈 · 预约考察', '电话 010-61256989', '手机 17319287279', '工位出租 600~1000元/月', '公司注册 500元起', '服务单位 联华众创', '高效便捷'].join('\n');
    expect(verdict(`${advert}\n海淀区“十四五”时期教育改革和发展规划\n经区政府研究同意，现印发给你们。\n一、发展基础\n${items}`)).toContain('[five-year-plan]: "海淀区“十四五”时期教育改革和发展规划"');
    expect(verdict(`鹰潭市教育局2021年工作要点\n一、编制“十四五”教育事业发展规划\n${items}`)).toBe('/jiangxi/yingtan/2021/');
  });

  it('reads no report of a speech in 对江苏工作重要讲话精神, which a plan\'s first paragraph cites', () => {
    const text = `2025年是关键之年。全市教育工作的总体思路是：深入贯彻习近平总书记关于教育的重要论述和对江苏工作重要讲话精神，认真落实全国和全省教育大会部署要求。\n一、坚持强党建谋发展\n${items}`;
    expect(verdict(text)).not.toMatch(/meeting-report/u);
  });

  it('reads a speech\'s title below the list of its parts, but no speech in a plan that studies one', () => {
    const parts = '一、担当作为、砥砺奋进\n（一）党对教育工作的领导全面加强\n二、锚定目标、真抓实干\n（一）实施党建引领铸魂工程\n';
    expect(verdict(`${parts}在2026年全县教育工作会议上的讲话\n同志们：\n今天，我们召开2026年全县教育工作会议。\n`)).toContain('[speech]: "在2026年全县教育工作会议上的讲话"');
    expect(verdict(`鹰潭市教育局2021年工作要点\n一、加强党的建设\n深入学习习近平总书记在全国教育大会上的讲话精神\n${items}`)).toBe('/jiangxi/yingtan/2021/');
  });

  it('refuses a summary and plan whose title prints the summary\'s year only, and reads both years where it prints them', () => {
    const parts = '一、2020年工作总结\n1.加强党建。内容。\n二、下一步工作安排\n2.发展教育。内容。\n';
    expect(verdict(`鹰潭市教育局2020年工作总结及下一步工作安排\n${parts}`)).toContain('the title names the year of its summary only');
    expect(verdict(`鹰潭市教育局2020年工作总结及2021年工作安排\n${parts}`)).toBe('/jiangxi/yingtan/2021/zongjie-jihua/');
    expect(verdict(`鹰潭市教育局2020年工作总结及下一步工作安排\n一、2020年工作总结\n1.加强党建。内容。\n二、2021年工作安排\n2.发展教育。内容。\n`)).toBe('/jiangxi/yingtan/2021/zongjie-jihua/');
  });

  it('refuses a page torn from a document, beginning at its 三、 with no title or notice, but not an excerpt that lost only its 一、', () => {
    const rest = '（一）抓好暑期安全。各县区教育局和各学校要扎实开展暑期各项工作。\n四、加强督查\n（二）强化检查。全区各学校要认真自查。\n';
    expect(verdict(`三、认真落实2015年暑期学校各项工作\n${rest}`)).toContain('this is part of a document, not a whole one: it begins at its part 三、');
    expect(verdict(`2015年全市教育工作的总体要求是：办好人民满意的教育。鹰潭市教育局。\n二、认真落实2015年暑期学校各项工作\n${rest}`)).not.toContain('part of a document');
  });

  it('reads no report signs in a plan that prints its title', () => {
    const text = '鹰潭市教育局2021年工作要点\n一、加强党的建设\n1.强化理论武装。3月5日，召开全市教育系统党建工作会议。\n2.加强组织建设。建设组织。\n';
    const outcome = parser.parse({ file: 'example.txt', bytes: Buffer.from(text), sidecar: null });
    expect('error' in outcome ? outcome.error.message : outcome.document.plan.url).toBe('/jiangxi/yingtan/2021/');
  });

  it('admits a year\'s work set out as 意见 (关于做好2024年全市教育工作的意见)', () => {
    const text = '关于做好2024年全市教育工作的意见\n鹰潭市教育局\n一、加强党的建设\n1.强化理论武装。学习贯彻。\n2.加强组织建设。建设组织。\n';
    const outcome = parser.parse({ file: 'example.txt', bytes: Buffer.from(text), sidecar: null });
    expect('error' in outcome ? outcome.error.message : 'admitted').toBe('admitted');
  });

  it('does not take 制定本计划 in a sentence of an untitled, unnumbered text for a title naming a plan', () => {
    const lede = '宜丰县人民政府\n根据《江西省“十四五”教育事业发展规划》和《宜丰县第十四个五年规划和二〇三五年远景目标纲要》，结合我县实际，制定本计划。\n近年来，宜丰县教育事业发展站在了新的起点上。\n';
    const outcome = parser.parse({ file: 'example.txt', bytes: Buffer.from(lede), sidecar: null });
    expect('error' in outcome && outcome.error.message).toMatch(/nothing shows this is a work plan/u);
    // A heading that names the plan admits the same paragraphs.
    const titled = parser.parse({ file: 'example.txt', bytes: Buffer.from(lede.replace('宜丰县人民政府', '宜丰县教育体育局2024年工作计划')), sidecar: null });
    expect('error' in titled ? titled.error.message : titled.document.plan.url).toBe('/jiangxi/yichun/yifeng/2024/jihua/');
  });

  it('admits a plan whose preamble names a speech it carries out (…在全市教育大会上的讲话精神)', () => {
    const text = '鹰潭市教育局2021年工作要点\n深入贯彻市委书记在全市教育大会上的讲话精神，办好人民满意的教育。\n一、加强党的建设\n1.强化理论武装。学习贯彻。\n2.加强组织建设。建设组织。\n';
    const outcome = parser.parse({ file: 'example.txt', bytes: Buffer.from(text), sidecar: null });
    expect('error' in outcome ? outcome.error.message : outcome.document.plan.url).toBe('/jiangxi/yingtan/2021/');
  });
});

describe('noise rules', () => {
  const withExamples = noise.rules.filter((rule) => rule.scope !== 'block' && rule.examples.length > 0);

  it('gives examples for the rules added for real pages', () => {
    const ids = withExamples.map((rule) => rule.id);
    for (const id of ['doc-sharing', 'paywall', 'image-placeholder', 'page-number', 'spam-injection', 'accessibility-switch', 'breadcrumb']) expect(ids).toContain(id);
  });

  const cases = withExamples.flatMap((rule) => rule.examples.map((example) => [rule.id, example] as const));
  it.each(cases)('%s removes %s', (id, example) => {
    // Between two lines of plan text, so that edge rules are tested where they apply: at the top.
    const text = `${example}\n杭州市教育局2016年工作要点\n一、加强党的建设\n1.强化理论武装。学习贯彻。\n`;
    const cleaned = cleanSource(text);
    expect(cleaned.removed.map((removed) => removed.rule)).toContain(id);
    const plan = ['杭州市教育局2016年工作要点', '一、加强党的建设', '1.强化理论武装。学习贯彻。'];
    const rule = noise.rules.find((candidate) => candidate.id === id);
    // An inline rule removes its match and keeps the rest of the line.
    const rest = rule?.scope === 'inline' ? [rule.patterns.reduce((line, pattern) => line.replace(pattern, ''), example).trim()].filter(Boolean) : [];
    expect(cleaned.lines.map((line) => line.text)).toEqual([...rest, ...plan]);
  });
});

describe('region genre', () => {
  const regions = loadRegionGenre();
  const divisions = loadDivisionIndex();

  it.each(regions.maskedExamples)('%s hides its place', (example) => {
    expect(regions.masked.some((pattern) => pattern.test(example))).toBe(true);
  });

  it.each(regions.unnamedIssuerExamples)('%s claims a level without naming its place', (example) => {
    expect(unnamedIssuerScope(example, regions)).not.toBeNull();
  });

  it.each(regions.addresseeExamples)('%s lists the addressees of a notice', (example) => {
    expect(regions.addressees.some((pattern) => example.replace(pattern, '') !== example)).toBe(true);
  });

  it.each(regions.zoneLeadershipExamples)('%s names a development zone\'s leadership', (example) => {
    expect(regions.zoneLeadership.some((pattern) => pattern.test(example))).toBe(true);
  });

  it.each(regions.areaExamples)('%s names a wider area after a place', (example) => {
    const mentions = divisions.scan(example);
    expect(mentions.some(({ entry, index: at }) => regions.areaWords.some((word) => example.startsWith(word, at + entry.surface.length)))).toBe(true);
  });

  it.each(regions.townshipExamples)('%s names a township after its county\'s short name', (example) => {
    const mentions = divisions.scan(example);
    expect(mentions.some(({ entry, index: at }) => !entry.full && regions.township.test(example.slice(at + entry.surface.length, at + entry.surface.length + 2)))).toBe(true);
  });

  it.each(regions.schoolNameExamples)('%s names a school after a place\'s short name', (example) => {
    const mentions = divisions.scan(example);
    expect(mentions.some(({ entry, index: at }) => !entry.full && regions.schoolName.test(example.slice(at + entry.surface.length, at + entry.surface.length + 4)))).toBe(true);
  });

  it.each(regions.rankingExamples)('%s ranks within a scope rather than claiming it', (example) => {
    const scope = regions.scopes.find((each) => example.includes(each.word))!;
    expect(scope).toBeDefined();
    expect(scopeUses(example, scope.word, regions)).toBe(0);
  });

  it.each(regions.partnerExamples)('%s names its place as a partner', (example) => {
    const [mention] = divisions.scan(example);
    expect(mention).toBeDefined();
    expect(namedAsPartner(example, mention!.index, regions)).toBe(true);
  });
});
