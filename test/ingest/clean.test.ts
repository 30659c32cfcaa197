import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { compileNoise, loadNoise, parseNoiseTable } from '../../scripts/genre/load-noise.ts';
import { cleanSource, type CleanedSource } from '../../scripts/ingest/clean.ts';
import { decodeSource } from '../../src/model/source-text.ts';

const seed = (name: string): string => decodeSource(readFileSync(new URL(`../../content/sources/${name}.txt`, import.meta.url))).text;
const fixture = (name: string): string => readFileSync(new URL(`./fixtures/clean/${name}`, import.meta.url), 'utf8');

const keptText = (cleaned: CleanedSource): string[] => cleaned.lines.map((line) => line.text);
const removedBy = (cleaned: CleanedSource, rule: string): string[] => cleaned.removed.filter((item) => item.rule === rule).map((item) => item.text);
const removedLines = (cleaned: CleanedSource): number[] => [...new Set(cleaned.removed.map((item) => item.line))];

const han = (text: string): string[] => text.match(/\p{Script=Han}/gu) ?? [];

/**
 * Nothing lost: on every source line the Han characters of the kept text plus
 * those of the removed pieces are exactly the line's own, and the kept ones
 * keep their order. Lines stay in source order, so the whole text does too.
 */
function expectNoHanLost(source: string, cleaned: CleanedSource): void {
  const sourceLines = source.split(/\r\n|\r|\n/u);
  const kept = new Map(cleaned.lines.map((line) => [line.line, line.text]));
  const removedOn = new Map<number, string[]>();
  for (const item of cleaned.removed) removedOn.set(item.line, [...(removedOn.get(item.line) ?? []), item.text]);
  sourceLines.forEach((text, index) => {
    const line = index + 1;
    const original = han(text);
    const keptHan = han(kept.get(line) ?? '');
    const removedHan = (removedOn.get(line) ?? []).flatMap(han);
    expect([...keptHan, ...removedHan].sort(), `line ${line}`).toEqual([...original].sort());
    let cursor = 0;
    for (const char of keptHan) {
      cursor = original.indexOf(char, cursor) + 1;
      expect(cursor, `line ${line} keeps its order`).toBeGreaterThan(0);
    }
  });
  // And overall, in order: every source line's Han, line by line.
  const rebuilt = sourceLines.map((_, index) => [...(removedOn.get(index + 1) ?? []), kept.get(index + 1) ?? ''].join('')).join('\n');
  expect(han(rebuilt).length).toBe(han(source).length);
}

describe('cleanSource: lines', () => {
  it('numbers lines as in the decoded source, whatever the line ends, and drops empty lines', () => {
    const cleaned = cleanSource('一、总体要求\r\n\r\n1.坚持党建引领。\r2.深化改革。\n\u3000\u3000\n3.保障安全。');
    expect(cleaned.lines).toEqual([
      { line: 1, text: '一、总体要求' },
      { line: 3, text: '1.坚持党建引领。' },
      { line: 4, text: '2.深化改革。' },
      { line: 6, text: '3.保障安全。' },
    ]);
    expect(cleaned.normalized).toMatchObject({ crlf: 2, cr: 1, 'ideographic-space': 2, 'empty-line': 2 });
  });

  it('normalizes the text it keeps', () => {
    const cleaned = cleanSource('\u3000\u3000(一)推进２０２４年工作,提高质量');
    expect(keptText(cleaned)).toEqual(['（一）推进2024年工作，提高质量']);
    expect(cleaned.normalized).toEqual({ 'ideographic-space': 2, 'fullwidth-digit': 4, 'halfwidth-punctuation': 3, 'trimmed-line': 1 });
  });

  it('keeps HTML and script tags as text', () => {
    const text = '一、总体要求\n<script>alert("x")</script>\n<p>1.加强党建。</p>';
    expect(keptText(cleanSource(text))).toEqual(['一、总体要求', '<script>alert("x")</script>', '<p>1.加强党建。</p>']);
  });

  it('returns nothing removed and no facts for a clean plan', () => {
    const cleaned = cleanSource('2024年工作要点\n一、总体要求\n1.加强党建。');
    expect(cleaned.removed).toEqual([]);
    expect(cleaned.facts).toEqual({ publishedOn: null, publisher: null, docNumber: null, issuedOn: null });
  });
});

const body = '2024年工作要点\n一、总体要求\n1.坚持立德树人。全面贯彻党的教育方针。\n2.深化教育改革。';
const bodyLines = body.split('\n');

describe('cleanSource: one fixture per noise rule', () => {
  it.each([
    ['publish-date', `发布日期：2024-03-26 09:28 浏览次数：\n${body}`, '发布日期：2024-03-26 09:28 浏览次数：'],
    ['publish-date', `【发布时间：2024年3月26日】\n${body}`, '【发布时间：2024年3月26日】'],
    ['disclosure-field', `索引号：11370900004/2024-00012 主题分类：教育\n${body}`, '索引号：11370900004/2024-00012 主题分类：教育'],
    ['disclosure-field', `发文机关：泰安市教育局\n${body}`, '发文机关：泰安市教育局'],
    ['view-count', `作者：本站 阅读次数：128\n${body}`, '作者：本站 阅读次数：128'],
    ['view-count', `${body}\n【点击数：35】`, '【点击数：35】'],
    ['view-count', `访问量：2048\n${body}`, '访问量：2048'],
    ['source', `${body}\n信息来源：泰安市教育局`, '信息来源：泰安市教育局'],
    ['source', `来源：市教育局\n${body}`, '来源：市教育局'],
    ['editor', `${body}\n责任编辑：王五`, '责任编辑：王五'],
    ['editor', `${body}\n编辑: yy`, '编辑: yy'],
    ['breadcrumb', `当前位置：首页 > 政务公开 > 通知公告\n${body}`, '当前位置：首页 > 政务公开 > 通知公告'],
    ['breadcrumb', `首页 > 教育动态\n${body}`, '首页 > 教育动态'],
    ['produced-by', `${body}\nProduced By 大汉网络 大汉版通发布系统`, 'Produced By 大汉网络 大汉版通发布系统'],
    ['attachment-download', `${body}\n附件下载：2024年工作要点.pdf`, '附件下载：2024年工作要点.pdf'],
    ['timestamp', `2024-03-26 09:28:15\n${body}`, '2024-03-26 09:28:15'],
    ['print-close', `${body}\n打印 关闭`, '打印 关闭'],
    ['print-close', `${body}\n打印本页 关闭窗口`, '打印本页 关闭窗口'],
    ['print-close', `${body}\n关闭`, '关闭'],
    ['previous-next', `${body}\n上一篇：关于开展安全教育的通知`, '上一篇：关于开展安全教育的通知'],
    ['previous-next', `${body}\n下一篇:`, '下一篇：'],
    ['share', `${body}\n分享到：微信 微博`, '分享到：微信 微博'],
    ['qr-caption', `${body}\n扫一扫在手机打开当前页`, '扫一扫在手机打开当前页'],
    ['qr-caption', `${body}\n中国教育信息订阅号二维码`, '中国教育信息订阅号二维码'],
    ['qr-caption', `${body}\n某某市教育局微信公众号`, '某某市教育局微信公众号'],
    ['related-links', `${body}\n相关链接`, '相关链接'],
    ['attachment-file', `${body}\n附件1：2024年重点任务分工.docx`, '附件1：2024年重点任务分工.docx'],
    ['site-footer', `${body}\n版权所有：某某市教育局 鲁ICP备12345678号`, '版权所有：某某市教育局 鲁ICP备12345678号'],
  ])('%s removes "%s"', (rule, text, removed) => {
    const cleaned = cleanSource(text);
    expect(removedBy(cleaned, rule)).toEqual([removed]);
    expect(keptText(cleaned)).toEqual(bodyLines);
  });

  it.each([
    ['docx-bookmark', '[bookmark: _GoBack]14.实现纵横连通。', '[bookmark: _GoBack]', '14.实现纵横连通。'],
    ['docx-bookmark', '加强[bookmark: OLE_LINK1]党建。', '[bookmark: OLE_LINK1]', '加强党建。'],
    ['font-size', '发布日期：2024-03-26 【字体：大 中 小】', '【字体：大 中 小】', null],
    ['font-size', '字体：大中小 一、总体要求', '字体：大中小', '一、总体要求'],
    ['page-button', '【打印本页】【关闭窗口】', '【打印本页】', null],
  ])('%s removes "%s" inside the line', (rule, line, removed, rest) => {
    const cleaned = cleanSource(`${line}\n${body}`);
    expect(removedBy(cleaned, rule)[0]).toBe(removed);
    expect(keptText(cleaned)).toEqual(rest === null ? bodyLines : [rest, ...bodyLines]);
  });

  it('a disclosure table pasted cell by cell loses each label and the value on the next line', () => {
    const cleaned = cleanSource(`发文字号：\n泰教发〔2024〕9号\n成文日期\n2024-03-20\n${body}`);
    expect(removedBy(cleaned, 'disclosure-field')).toEqual(['发文字号：', '泰教发〔2024〕9号', '成文日期', '2024-03-20']);
    expect(cleaned.facts).toMatchObject({ docNumber: '泰教发〔2024〕9号', issuedOn: '2024-03-20' });
    expect(keptText(cleaned)).toEqual(bodyLines);
  });

  it('a disclosure table with spaced labels loses each field, keeps the facts, and keeps the title after 标 题：', () => {
    const table = ['索 引 号：11370983MB2852463C/2023-00041', '发布机构：肥城市教育和体育局', '标 题：肥城市教育和体育局2023年工作要点', '文 号：肥教体发〔2023〕5号', '成 文 日 期：2023-03-08', '主 题 词：'];
    const cleaned = cleanSource(`${table.join('\n')}\n${body}`);
    expect(removedBy(cleaned, 'disclosure-field')).toEqual([table[0], table[1], table[3], table[4], table[5]]);
    expect(removedBy(cleaned, 'disclosure-title-label')).toEqual(['标 题：']);
    expect(cleaned.facts).toMatchObject({ docNumber: '肥教体发〔2023〕5号', issuedOn: '2023-03-08', publisher: '肥城市教育和体育局' });
    expect(keptText(cleaned)).toEqual(['肥城市教育和体育局2023年工作要点', ...bodyLines]);
  });

  it('a disclosure table copied with | between its cells loses each field and keeps its facts and the title after 名 称 |', () => {
    const table = ['索 引 号 | 发布机构 | 淮安市教育局 | |||', '文 号 | 公开日期 | 2019-07-04 | 失效日期 | ||', '名 称 | 淮安市教育局2019年工作要点 | ||||', '关 键 词 | |||||'];
    const cleaned = cleanSource(`${table.join('\n')}\n${body}`);
    expect(cleaned.facts).toMatchObject({ publishedOn: '2019-07-04', publisher: '淮安市教育局' });
    expect(keptText(cleaned)).toEqual(['淮安市教育局2019年工作要点', ...bodyLines]);
  });

  it('a site\'s name at the page edge goes, but a heading of the plan at the foot of an excerpt that ends in 网 stays', () => {
    const cleaned = cleanSource(`3773考试网\n${body}\n加快建设教育专网`);
    expect(removedLines(cleaned)).toEqual([1]);
    expect(keptText(cleaned)).toEqual([...bodyLines, '加快建设教育专网']);
  });

  it('a page\'s date with no label, followed by its source, is kept as the date it was published', () => {
    const cleaned = cleanSource(`2017年03月07日 来源:山东省教育厅\n${body}`);
    expect(cleaned.facts).toMatchObject({ publishedOn: '2017-03-07', publisher: '山东省教育厅' });
    expect(keptText(cleaned)).toEqual(bodyLines);
  });

  it('a law database\'s page: bracketed labels with the value right after them, and its part labels, go; the dates and 文号 are kept', () => {
    const page = ['文章属性', '【制定机关】苏州市教育局', '【公布日期】2023.09.15', '【效力等级】地方规范性文件', '【时效性】现行有效', '正文'];
    const cleaned = cleanSource(`${page.join('\n')}\n${body}`);
    expect(removedLines(cleaned)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(cleaned.facts).toMatchObject({ publishedOn: '2023-09-15' });
    expect(keptText(cleaned)).toEqual(bodyLines);
  });

  it('an empty field of the table does not take the title or a sentence after it as its value', () => {
    const cleaned = cleanSource(`文　　号：\n肥城市教育和体育局2023年工作要点\n主题词：\n全县教育工作坚持稳中求进。\n${body}`);
    expect(removedBy(cleaned, 'disclosure-field')).toEqual(['文  号：', '主题词：']);
    expect(keptText(cleaned)).toEqual(['肥城市教育和体育局2023年工作要点', '全县教育工作坚持稳中求进。', ...bodyLines]);
  });

  it('pinyin-gloss: removes toned and toneless glosses, keeps what is no syllable of pinyin', () => {
    const cleaned = cleanSource(`2018年(nian)深圳教育工作思路計劃(hua)\n深入學(xue)(xue)習貫徹，總結(jié)經驗。\n建成(xx)学校，步道(km)与(ABC)课程。`);
    expect(removedBy(cleaned, 'pinyin-gloss')).toEqual(['（nian）', '(hua)', '(xue)', '(xue)', '（jié）']);
    expect(keptText(cleaned)).toEqual(['2018年深圳教育工作思路計劃', '深入學習貫徹，總結經驗。', '建成（xx）学校，步道（km）与（ABC）课程。']);
    // A mark that stood after a gloss is normalized as one between characters is.
    expect(keptText(cleanSource('一、加强党对教育工作的全面领导(dǎo),落实根本任务。'))).toEqual(['一、加强党对教育工作的全面领导，落实根本任务。']);
  });

  it('page-counter: on a document-sharing page, the counters go and a page broken mid-sentence is joined again', () => {
    const page = [
      '《眉县教育局教育工作要点》由会员分享，可在线阅读，更多相关《眉县教育局教育工作要点（4页珍藏版）》请在金锄头文库上搜索。',
      '1、眉县教育局教育工作要点眉县教育局教育工作要点眉县教育局 2017 年教育工作要点 一、牢固树立“育人为本，',
      '2、德育为首”的观念 1、深入贯彻落实意见。',
    ];
    const cleaned = cleanSource(page.join('\n'));
    // The file's name printed twice: the first copy goes, the second stands on a line of its own.
    expect(removedBy(cleaned, 'page-counter')).toEqual(['1、', '眉县教育局教育工作要点', '2、']);
    expect(keptText(cleaned)).toEqual(['眉县教育局教育工作要点', '眉县教育局 2017 年教育工作要点 一、牢固树立“育人为本，德育为首”的观念 1、深入贯彻落实意见。']);
  });

  it('page-counter: without the site\'s chrome, counters go only where each opens a line as long as a page', () => {
    const first = `1、射阳县教育局 2018 年 3 月 30 日 2018 年全县教育工作要点2018 年全县教育工作总体要求是：${'以建设教育强县为目标，坚持教育优先发展。'.repeat(16)}实施内涵提升、项目攻坚、教育惠民`;
    const cleaned = cleanSource([first, '2、、共建共享、开放融合五大行动，全力办好人民满意的教育。'].join('\n'));
    expect(removedBy(cleaned, 'page-counter')).toEqual(['1、', '2、']);
    expect(keptText(cleaned)).toEqual([`${first.slice(2)}、共建共享、开放融合五大行动，全力办好人民满意的教育。`]);
    // An outline of headings numbered so is the plan's own.
    const outline = ['1、坚持立德树人', '2、提高教育质量', '3、促进教育公平'];
    expect(keptText(cleanSource(outline.join('\n')))).toEqual(outline);
  });

  it('page-counter: a file named as its plan keeps that title where the first page starts, on a line of its own', () => {
    const page = ['《教育局2022工作总结及2022年工作计划.docx》由会员分享，可在线阅读', '1、教育局2022工作总结及2022年工作计划今年是开局之年。一、加强党建，深入', '2、学习贯彻。'];
    expect(keptText(cleanSource(page.join('\n')))).toEqual(['教育局2022工作总结及2022年工作计划', '今年是开局之年。一、加强党建，深入学习贯彻。']);
  });

  it('auto-summary: the 摘要 label and the paragraphs that only repeat later text, truncated or not', () => {
    const notice = '各县区教育局：现将《2024年工作要点》印发给你们，请认真贯彻落实。';
    const text = `摘要\n${notice.slice(0, 20)}...\n${notice}\n关于印发2024年工作要点的通知\n${notice}\n${body}`;
    const cleaned = cleanSource(text);
    expect(removedBy(cleaned, 'auto-summary')).toEqual(['摘要', `${notice.slice(0, 20)}...`, notice]);
    expect(removedLines(cleaned)).toEqual([1, 2, 3]);
    expect(keptText(cleaned)[0]).toBe('关于印发2024年工作要点的通知');
  });

  it('auto-summary: a summary that ran the body lines together and dropped a label dot', () => {
    const preamble = '2014年全省教育工作的总体要求是：全面贯彻党的十八大精神，深化教育领域综合改革。';
    const summary = `${preamble}一、深化教育领域综合改革1 深入学习贯彻党的十八届三...`;
    const cleaned = cleanSource(`摘要\n${summary}\n${preamble}\n一、深化教育领域综合改革\n1.深入学习贯彻党的十八届三中全会精神。内容。`);
    expect(removedBy(cleaned, 'auto-summary')).toEqual(['摘要', summary]);
    expect(keptText(cleaned)[0]).toBe(preamble);
  });

  it('page-title: a plan\'s title as the page\'s headline, printed again below the notice', () => {
    const page = ['宜昌市教育局2015年工作要点', '现将《宜昌市教育局2015年工作要点》印发给你们，请认真贯彻执行。', '宜昌市教育局', '2015年2月28日', '宜昌市教育局2015年工作要点', '一、加强党建。内容。'];
    const cleaned = cleanSource(page.join('\n'));
    expect(removedLines(cleaned)).toEqual([1]);
    expect(keptText(cleaned)).toEqual(page.slice(1));
    // Printed once, it is the title.
    expect(cleanSource(page.slice(4).join('\n')).removed).toEqual([]);
  });

  it('site-navigation: menu bars, the site named as its 官方网站 with its name alone above, the search box; not a table row', () => {
    const page = ['成都市教育局', '成都市教育局官方网站', '教育概况 | 规划计划 | 人事招考 | 数据公报', '全站搜索', '成都市教育局2018年工作总结', '序号 | 重点任务 | 责任单位 | 完成时限', '一、加强党建。内容。'];
    const cleaned = cleanSource(page.join('\n'));
    expect(removedBy(cleaned, 'site-navigation')).toEqual(['成都市教育局', '成都市教育局官方网站', '教育概况 | 规划计划 | 人事招考 | 数据公报', '全站搜索']);
    expect(keptText(cleaned)).toEqual(page.slice(4));
  });

  it('site-navigation: a portal\'s log-in strip and menu button, and the site\'s name above a trail that begins with it, go', () => {
    const page = ['一网搜 登录| 注册', '政府信息公开', '首页 > 政府信息公开 > 五公开 > 结果公开 > 工作总结', '二道区教育局2023年工作总结', '一是党建工作全面加强。'];
    expect(keptText(cleanSource(page.join('\n')))).toEqual(page.slice(3));
    const mirror = ['草莓视频在线下载', '菜單', '草莓视频在线下载 > 教育局主站 > 信息公開 > 重點領域信息公開 > 發展規劃', '深圳市教育局2023年工作要點', '一、總體思路'];
    const cleaned = cleanSource(mirror.join('\n'));
    expect(removedBy(cleaned, 'site-navigation')).toEqual(['菜單']);
    expect(keptText(cleaned)).toEqual(mirror.slice(3));
  });

  it('page-time: a portal\'s byline with its address gives the date, and the portal\'s owner as the publisher', () => {
    const cleaned = cleanSource(['2019年度教育工作总结', '沅陵县人民政府门户网站 www.yuanling.gov.cn 发布时间:2020-01-11 11:22', '今年以来，全县教育工作稳步推进。'].join('\n'));
    expect(keptText(cleaned)).toEqual(['2019年度教育工作总结', '今年以来，全县教育工作稳步推进。']);
    expect(cleaned.facts).toMatchObject({ publishedOn: '2020-01-11', publisher: '沅陵县人民政府' });
  });

  it('disclosure-field: a table copied with a | after each label\'s colon keeps its dates and publisher, and its title without the pipes', () => {
    const page = ['索引号: | 11500106009290649X/2025-00149 | 信息分类名称: | 科技、教育/其他 | ||', '发布机构: | 沙坪坝区教委 | 生成日期: | 2025-04-28 | 发布日期: | 2025-04-28 |', '名称: | 沙坪坝区2025年教育工作要点 | ||||', '文号: | 主题词: |', '一、加强党建统领'];
    const cleaned = cleanSource(page.join('\n'));
    expect(keptText(cleaned)).toEqual(['沙坪坝区2025年教育工作要点', '一、加强党建统领']);
    expect(cleaned.facts).toMatchObject({ publishedOn: '2025-04-28', publisher: '沙坪坝区教委', docNumber: null });
  });

  it('disclosure-field: a table whose labels stand in spaced brackets, each value on a bullet of its own, goes with its facts', () => {
    const page = ['    • [ 索引号 ]', '    • 11500112450511511J/2022-00108 ', '    • [ 发布机构 ]', '    • 渝北区教委 ', '    • [ 发布日期 ]', '    • 2022-11-08 ', '渝北区人民政府2022年履行教育职责自评报告', '一、自查情况'];
    const cleaned = cleanSource(page.join('\n'));
    expect(keptText(cleaned)).toEqual(page.slice(6));
    expect(cleaned.facts.publisher).toBe('渝北区教委');
  });

  it('doc-sharing: a sharing site\'s date is its upload\'s, never the plan\'s publication', () => {
    const page = ['xx县教育局2010年教育工作要点', 'ID:24694308', '大小:59.62 KB', '时间:2018-11-14', '资源描述:', '《xx县教育局2010年教育工作要点》由会员上传分享,免费在线阅读,更多相关内容在工程资料-天天文库', '一、加强党建。内容。'];
    const cleaned = cleanSource(page.join('\n'));
    expect(cleaned.facts.publishedOn).toBeNull();
    expect(keptText(cleaned)).toEqual(['xx县教育局2010年教育工作要点', '一、加强党建。内容。']);
    // The same date on a page without such chrome is the page's.
    expect(cleanSource(['xx县教育局2010年教育工作要点', '时间:2010-03-14', '一、加强党建。内容。'].join('\n')).facts.publishedOn).toBe('2010-03-14');
  });

  it('page-time: a bare date alone on its line is the page\'s and gives no fact, but after a disclosure label it is the label\'s value', () => {
    const stamped = cleanSource('清丰县教育局2020年工作总结\n2020-11-26\n2020年，清丰县教育局深入贯彻上级教育大会精神。');
    expect(removedBy(stamped, 'page-time')).toEqual(['2020-11-26']);
    expect(stamped.facts.publishedOn).toBeNull();
    const labelled = cleanSource('成文日期\n2020-11-26\n清丰县教育局2020年工作要点');
    expect(removedBy(labelled, 'disclosure-field')).toEqual(['成文日期', '2020-11-26']);
    expect(labelled.facts.issuedOn).toBe('2020-11-26');
  });

  it('a disclosure field whose two-character label is spread over six spaces', () => {
    expect(removedBy(cleanSource('文      号:\n关于印发2024年工作要点的通知\n一、加强党建。内容。'), 'disclosure-field')).toEqual(['文      号：']);
  });

  it('auto-summary: a summary on the label line itself', () => {
    const notice = '各县区教育局：现将《2024年工作要点》印发给你们，请认真贯彻落实。';
    const cleaned = cleanSource(`摘要：${notice.slice(0, 25)}…\n关于印发的通知\n${notice}\n${body}`);
    expect(removedLines(cleaned)).toEqual([1]);
  });

  it('auto-summary: keeps an abstract that says something the text does not', () => {
    const text = `摘要：本要点提出全年七个方面二十三项重点任务和保障措施。\n${body}`;
    expect(cleanSource(text).removed).toEqual([]);
  });

  it('page-title: a first line that repeats the heading lines after it', () => {
    const text = `某某市教育局关于印发2024年工作要点的通知\n发布日期：2024-03-26\n某某市教育局\n关于印发2024年工作要点的通知\n${body}`;
    const cleaned = cleanSource(text);
    expect(removedBy(cleaned, 'page-title')).toEqual(['某某市教育局关于印发2024年工作要点的通知']);
    expect(keptText(cleaned).slice(0, 2)).toEqual(['某某市教育局', '关于印发2024年工作要点的通知']);
  });

  it('page-title: with the name of the site appended', () => {
    const text = `2024年工作要点_某某市教育局\n${body}`;
    expect(removedBy(cleanSource(text), 'page-title')).toEqual(['2024年工作要点_某某市教育局']);
  });

  it('page-title: repeated again below the date and a share line', () => {
    const text = `阳朔县教育局2024年工作要点_阳朔县人民政府门户网站\n首页 > 信息公开 > 计划总结\n阳朔县教育局2024年工作要点\n发布时间：2024-02-29 16:20 来源：阳朔县教育局\n分享到：\n阳朔县教育局2024年工作要点\n${body}`;
    const cleaned = cleanSource(text);
    expect(removedBy(cleaned, 'page-title')).toEqual(['阳朔县教育局2024年工作要点_阳朔县人民政府门户网站', '阳朔县教育局2024年工作要点']);
    expect(keptText(cleaned)[0]).toBe('阳朔县教育局2024年工作要点');
    expect(cleaned.lines[0]?.line).toBe(6);
  });

  it('repost-preface: a repost\'s lead-in, up to and with 全文如下, is removed and reported', () => {
    const text = `看全文!自治区教育厅2022年教育工作要点\n一起来看↓↓↓\n微信图片_20220311084545.png\n全文如下\n自治区教育厅\n《2022年教育工作要点》\n${body}`;
    const cleaned = cleanSource(text);
    expect(removedBy(cleaned, 'repost-preface')).toEqual(['看全文！自治区教育厅2022年教育工作要点', '一起来看↓↓↓', '全文如下']);
    expect(removedLines(cleaned)).toEqual([1, 2, 3, 4]);
    expect(keptText(cleaned).slice(0, 2)).toEqual(['自治区教育厅', '《2022年教育工作要点》']);
    expectNoHanLost(text, cleaned);
  });

  it('repost-preface: keeps the text when 全文如下 comes only far down', () => {
    const text = `${body}\n${'加强党的建设。\n'.repeat(40)}全文如下\n`;
    expect(removedBy(cleanSource(text), 'repost-preface')).toEqual([]);
  });

  it('page-title: keeps a first line that is the only title', () => {
    expect(cleanSource(body).removed).toEqual([]);
  });
});

describe('cleanSource: edge chrome stays in the body', () => {
  it('keeps 关闭, 打印, 上一篇, QR words and 分享 in the middle of the text', () => {
    const middle = ['关闭', '打印', '打印 关闭', '上一篇：总结经验', '扫一扫二维码参与问卷', '教师微信公众号', '分享到：各学校'];
    const text = `${bodyLines.slice(0, 3).join('\n')}\n${middle.join('\n')}\n${bodyLines[3]}\n打印 关闭`;
    const cleaned = cleanSource(text);
    expect(keptText(cleaned)).toEqual([...bodyLines.slice(0, 3), ...middle, bodyLines[3]]);
    expect(removedBy(cleaned, 'print-close')).toEqual(['打印 关闭']);
  });

  it('keeps a plan title that mentions a 公众号', () => {
    const text = '关于加强中小学微信公众号管理的通知\n一、总体要求\n1.加强管理。';
    expect(cleanSource(text).removed).toEqual([]);
  });

  it('keeps body sentences that speak of views, sources and editing', () => {
    const text = `${body}\n3.网站访问量达到120万人次。\n4.资金来源：市财政。\n5.编辑出版校本教材。\n6.加强课外阅读：\n（1）每天阅读一小时。`;
    expect(cleanSource(text).removed).toEqual([]);
  });
});

describe('cleanSource: facts', () => {
  it.each([
    ['发布日期：2024-03-26 09:28', '2024-03-26'],
    ['发布时间：2024年3月6日', '2024-03-06'],
    ['发布时间: 2021/1/8 10:12:30', '2021-01-08'],
    ['【发布日期：2019.12.31】', '2019-12-31'],
    ['来源:龙华区教育局日期:2025年03月07日 【 字体: 打印打印', '2025-03-07'],
    ['整理自：贵阳市教育局 2009-3-10 17:40:05', '2009-03-10'],
  ])('publishedOn from %s', (line, date) => {
    expect(cleanSource(`${line}\n${body}`).facts.publishedOn).toBe(date);
  });

  it('ignores an impossible date', () => {
    expect(cleanSource(`发布日期：2024-02-30\n${body}`).facts.publishedOn).toBeNull();
  });

  it('publisher from 信息来源 / 来源 / 发布机构, without what follows on the line', () => {
    expect(cleanSource(`${body}\n信息来源：泰安市教育局`).facts.publisher).toBe('泰安市教育局');
    expect(cleanSource(`来源：某某区教育和体育局  作者：张三\n${body}`).facts.publisher).toBe('某某区教育和体育局');
    expect(cleanSource(`来源：某某区教育局作者：张三\n${body}`).facts.publisher).toBe('某某区教育局');
    expect(cleanSource(`发布机构：某某市教育局\n${body}`).facts.publisher).toBe('某某市教育局');
  });

  it('publisher from a bureau the page\'s place in the site names, and from no other step of it', () => {
    const cleaned = cleanSource(`政务公开 > 巴州区教育科技和体育局 > 规划信息\n${body}`);
    expect(cleaned.facts.publisher).toBe('巴州区教育科技和体育局');
    // A step with no space after it ends at the next mark.
    expect(cleanSource(`您当前所在位置： 首页>部门信息公开目录>教科体局>计划总结>计划总结\n${body}`).facts.publisher).toBe('教科体局');
    expect(cleaned.removed.map((piece) => piece.rule)).toContain('breadcrumb');
    expect(cleanSource(`当前位置：首页 > 政务公开 > 通知公告\n${body}`).facts.publisher).toBeNull();
  });

  it('docNumber from 发文字号 and issuedOn from 成文日期', () => {
    const facts = cleanSource(`发文字号：泰教发〔2024〕1号 成文日期：2024年03月20日\n${body}`).facts;
    expect(facts).toMatchObject({ docNumber: '泰教发〔2024〕1号', issuedOn: '2024-03-20' });
  });

  it('takes the first value when the page prints a fact twice', () => {
    expect(cleanSource(`发布日期：2024-03-26\n${body}\n发布日期：2024-04-01`).facts.publishedOn).toBe('2024-03-26');
  });
});

describe('cleanSource: whole pages', () => {
  it('a government information-disclosure page', () => {
    const text = fixture('disclosure-page.txt');
    const cleaned = cleanSource(text);
    expect(keptText(cleaned)).toEqual([
      '某某市教育局2024年工作要点',
      '一、总体要求',
      '1.坚持立德树人。全面贯彻党的教育方针。',
      '2.打印资料与关闭窗口的规定。上一篇文章中提到的二维码管理。',
    ]);
    expect(cleaned.facts).toEqual({ publishedOn: '2024-03-27', publisher: null, docNumber: '某教发〔2024〕9号', issuedOn: '2024-03-20' });
    expectNoHanLost(text, cleaned);
  });

  it('a news page with chrome above and below', () => {
    const text = fixture('news-page.txt');
    const cleaned = cleanSource(text);
    expect(keptText(cleaned)).toEqual(['2021年教育工作要点', '一、主要任务', '1.强化党建引领。把学习贯彻作为首要任务。']);
    expect(cleaned.facts).toEqual({ publishedOn: '2021-01-08', publisher: '某某区教育和体育局', docNumber: null, issuedOn: null });
    expect(cleaned.removed.map((item) => item.rule)).toEqual([
      'breadcrumb', 'view-count', 'font-size', 'print-close', 'qr-caption', 'share', 'previous-next', 'previous-next', 'editor',
    ]);
    expectNoHanLost(text, cleaned);
  });
});

describe('cleanSource: the five bundled plans', () => {
  it('taian: 发布日期 gives publishedOn; the page title and the chrome after the text go, the body stays', () => {
    const text = seed('taian-2024');
    const cleaned = cleanSource(text);
    expect(cleaned.facts).toEqual({ publishedOn: '2024-03-26', publisher: '泰安市教育局', docNumber: null, issuedOn: null });
    expect(removedLines(cleaned)).toEqual([1, 2, 89, 90, 91, 92]);
    expect(cleaned.removed.map((item) => item.rule)).toEqual(['page-title', 'publish-date', 'source', 'print-close', 'print-close', 'produced-by']);
    expect(cleaned.lines[0]).toEqual({ line: 4, text: '中共泰安市委教育工委  泰安市教育局' });
    expect(cleaned.lines.map((line) => line.line)).toContain(86);
    expect(cleaned.lines.at(-1)?.text).toMatch(/^23\.维护教育系统安全稳定。/u);
    expectNoHanLost(text, cleaned);
  });

  it('yingtan: the 摘要 block (lines 1-5) and the QR captions (79-80) go', () => {
    const text = seed('yingtan-2021');
    const cleaned = cleanSource(text);
    expect(removedLines(cleaned)).toEqual([1, 3, 5, 79, 80]);
    expect(cleaned.removed.map((item) => item.rule)).toEqual(['auto-summary', 'auto-summary', 'auto-summary', 'qr-caption', 'qr-caption']);
    expect(cleaned.lines[0]).toEqual({ line: 7, text: '关于印发《鹰潭市教育局2021年工作要点》的通知' });
    expect(cleaned.lines.at(-1)?.line).toBe(77);
    expectNoHanLost(text, cleaned);
  });

  it('taierzhuang: the docx bookmark goes from line 57, item 14 stays', () => {
    const text = seed('taierzhuang-2021');
    const cleaned = cleanSource(text);
    expect(cleaned.removed).toEqual([{ line: 57, text: '[bookmark: _GoBack]', rule: 'docx-bookmark' }]);
    expect(cleaned.lines.find((line) => line.line === 57)?.text).toMatch(/^14\.实现纵横连通，推进职业教育多样化发展。/u);
    expectNoHanLost(text, cleaned);
  });

  it('dalian: 编辑, 打印 关闭, 上一篇, 下一篇 and Produced By go; the title line stays', () => {
    const text = seed('dalian-2018');
    const cleaned = cleanSource(text);
    expect(cleaned.removed).toEqual([
      { line: 40, text: '编辑: yy', rule: 'editor' },
      { line: 41, text: '打印 关闭', rule: 'print-close' },
      { line: 43, text: '上一篇：', rule: 'previous-next' },
      { line: 45, text: '下一篇：', rule: 'previous-next' },
      { line: 47, text: 'Produced By 大汉网络 大汉版通发布系统', rule: 'produced-by' },
    ]);
    expect(cleaned.lines[0]).toEqual({ line: 1, text: '2018年工作要点' });
    expect(cleaned.lines.at(-1)?.line).toBe(39);
    expectNoHanLost(text, cleaned);
  });

  it('gaotai: nothing to remove; its ASCII punctuation becomes Chinese', () => {
    const text = seed('gaotai-2024');
    const cleaned = cleanSource(text);
    expect(cleaned.removed).toEqual([]);
    expect(cleaned.lines).toHaveLength(25);
    expect(cleaned.lines[2]?.text).toBe('（一）聚焦“培源强基”，党建引领呈现新气象');
    expect(cleaned.normalized['halfwidth-punctuation']).toBeGreaterThan(100);
    expectNoHanLost(text, cleaned);
  });
});

describe('cleanSource: size', () => {
  it('cleans a 10 MB text', () => {
    const page = seed('taian-2024');
    const text = page.repeat(Math.ceil(10_000_000 / Buffer.byteLength(page)));
    const cleaned = cleanSource(text);
    expect(cleaned.lines.length).toBeGreaterThan(10_000);
  });

  it('cleans a 100,000-character line and keeps it whole', () => {
    const line = `1.${'深化教育综合改革,推进教育现代化。'.repeat(6000)}`.slice(0, 100_000);
    const cleaned = cleanSource(`${body}\n${line}\n打印 关闭`);
    expect(cleaned.lines.at(-1)?.text).toHaveLength(100_000);
    expect(removedBy(cleaned, 'print-close')).toEqual(['打印 关闭']);
  });
});

describe('noise table', () => {
  const table = parseYaml(readFileSync(new URL('../../scripts/genre/noise.yaml', import.meta.url), 'utf8')) as {
    rules: Array<Record<string, unknown>>;
  };

  it('gives every rule an id, a plain description and a scope', () => {
    const noise = loadNoise();
    expect(noise.rules.length).toBeGreaterThan(15);
    for (const rule of noise.rules) expect(rule.description.length).toBeGreaterThan(10);
  });

  it('refuses an invalid pattern, naming the rule', () => {
    const broken = { ...table, rules: [{ id: 'broken', description: 'x', scope: 'line', patterns: ['(['] }] };
    expect(() => parseNoiseTable(broken)).toThrow(/rule broken: .*not a valid regular expression/u);
  });

  it('refuses duplicate ids, labels outside line scope and a block rule without its block', () => {
    const rule = table.rules[0]!;
    expect(() => parseNoiseTable({ ...table, rules: [rule, rule] })).toThrow(/duplicate rule id/u);
    expect(() => parseNoiseTable({ ...table, rules: [{ id: 'x', description: 'x', scope: 'edge', labels: ['索引号'] }] })).toThrow(/labels only/u);
    expect(() => parseNoiseTable({ ...table, rules: [{ id: 'x', description: 'x', scope: 'block', patterns: ['^摘要'] }] })).toThrow(/scope: block/u);
  });

  it('compiles label rules so a bare label is recognised', () => {
    const noise = compileNoise(parseNoiseTable({ ...table, rules: [{ id: 'x', description: 'x', scope: 'line', labels: ['索引号'] }] }));
    expect(noise.rules[0]?.labelOnly?.test('索引号：')).toBe(true);
    expect(noise.rules[0]?.patterns[0]?.test('索引号：123')).toBe(true);
    expect(noise.rules[0]?.patterns[0]?.test('索引号码很长')).toBe(false);
  });
});

describe('facts in a disclosure table that say there is none', () => {
  it('takes no 文号 from 文号：无号', () => {
    expect(cleanSource('文号: 无号 主题词:\n泰安市教育局2024年工作要点\n').facts.docNumber).toBeNull();
    expect(cleanSource('发文字号: 泰教发〔2024〕1号\n泰安市教育局2024年工作要点\n').facts.docNumber).toBe('泰教发〔2024〕1号');
  });
});
