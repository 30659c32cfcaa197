/**
 * The web-page extractor on saved CMS article pages written by hand after the
 * markup of real sites: TRS, 政府网站集约化平台, Hanweb (in GBK), pages with
 * <br> paragraphs, data tables and attachments, a page with no known container
 * and pages with no article at all.
 */
import iconv from 'iconv-lite';
import { parse as parseYaml } from 'yaml';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeHtml, extractHtml, readHtmlPage } from '../../scripts/extract/html.ts';
import { compileCmsGenre, loadCmsGenre, validateCmsTable } from '../../scripts/genre/cms.ts';
import { AtlasError } from '../../src/model/errors.ts';

const utf8 = (html: string): Uint8Array => new TextEncoder().encode(html);
const lines = (text: string): string[] => text.split('\n');

function caught(action: () => unknown): AtlasError {
  try {
    action();
  } catch (error) {
    if (error instanceof AtlasError) return error;
    throw error;
  }
  throw new Error('expected an AtlasError');
}

/** A TRS WCM article page: disclosure table above the title, body in .TRS_Editor. */
const trsPage = `<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>泰安市教育局2024年工作要点_通知公告_泰安市教育局</title>
<meta name="ColumnName" content="通知公告">
<style>.TRS_Editor p { text-indent: 2em; }</style>
<script src="/js/jquery.js"></script>
</head>
<body>
<div class="header">
  <div class="logo"><img src="/images/logo.png" alt="泰安市教育局"></div>
  <ul class="menu"><li><a href="/">首页</a></li><li><a href="/col/zwgk/">政务公开</a></li><li><a href="/col/hdjl/">互动交流</a></li></ul>
</div>
<div class="main">
  <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/col/tzgg/">通知公告</a></div>
  <table class="xxgk_table" cellspacing="0">
    <tr><td>索&nbsp;&nbsp;引&nbsp;&nbsp;号：</td><td>11370900004397133X/2024-00123</td><td>主题分类：</td><td>教育</td></tr>
    <tr><td>发布机构：</td><td>泰安市教育局</td><td>发布日期：</td><td>2024-03-26</td></tr>
    <tr><td>发文字号：</td><td>泰教发〔2024〕1号</td><td>成文日期：</td><td>2024年03月20日</td></tr>
    <tr><td>名　　称：</td><td colspan="3">泰安市教育局2024年工作要点</td></tr>
  </table>
  <h1 class="article-title">泰安市教育局2024年工作要点</h1>
  <div class="TRS_Editor">
    <style type="text/css">.TRS_Editor P{margin-top:5px;}</style>
    <p style="text-indent: 2em;">2024年全市教育工作的总体要求是：坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。</p>
    <p style="text-indent: 2em;"><strong>一、加强党的全面领导</strong></p>
    <p style="text-indent: 2em;">1.强化理论武装。深入开展主题教育，<span>推动学习</span><span>贯彻走深走实。</span></p>
    <script>var _hmt = _hmt || [];</script>
    <p style="text-indent: 2em;">2.加强基层党建。<img src="/images/dj.png" alt="党建图片">实施“强基铸魂”工程。</p>
  </div>
  <div class="bdshare">分享到：<a href="#" class="bds_weixin">微信</a><a href="#" class="bds_tsina">微博</a></div>
  <div class="print">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
</div>
<div class="footer">
  <p>主办单位：泰安市教育局　地址：泰安市东岳大街</p>
  <p>鲁ICP备05001234号</p>
</div>
</body>
</html>`;

describe('extractHtml: a TRS page with a disclosure table', () => {
  const page = readHtmlPage(trsPage, 'http://jyj.taian.gov.cn/art/2024/3/26/art_1.html');
  const { text, facts, removed, attachments, review } = page.extracted;

  it('finds the body in .TRS_Editor and keeps its paragraphs, without scripts, styles or images', () => {
    expect(page.foundBy).toBe('trs-editor');
    expect(page.extracted.format).toBe('html');
    expect(lines(text)).toEqual([
      '2024年全市教育工作的总体要求是：坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。',
      '一、加强党的全面领导',
      '1.强化理论武装。深入开展主题教育，推动学习贯彻走深走实。',
      '2.加强基层党建。实施“强基铸魂”工程。',
    ]);
    expect(review).toBeNull();
  });

  it('reads the facts from the disclosure table, the title from the page', () => {
    expect(facts).toEqual({
      title: '泰安市教育局2024年工作要点',
      publisher: '泰安市教育局',
      publishedOn: '2024-03-26',
      issuedOn: '2024-03-20',
      docNumber: '泰教发〔2024〕1号',
      indexNumber: '11370900004397133X/2024-00123',
    });
  });

  it('lists the disclosure table, the title and each chrome block once, in page order', () => {
    expect(removed).toEqual([
      { rule: 'html-chrome', text: '首页 政务公开 互动交流' },
      { rule: 'html-chrome', text: '当前位置：首页 > 通知公告' },
      {
        rule: 'html-metadata',
        text: '索 引 号：11370900004397133X/2024-00123 主题分类：教育 发布机构：泰安市教育局 发布日期：2024-03-26 发文字号：泰教发〔2024〕1号 成文日期：2024年03月20日 名 称：泰安市教育局2024年工作要点',
      },
      { rule: 'html-title', text: '泰安市教育局2024年工作要点' },
      { rule: 'html-chrome', text: '分享到：微信 微博' },
      { rule: 'html-chrome', text: '【 打印本页 】【 关闭窗口 】' },
      { rule: 'html-chrome', text: '主办单位：泰安市教育局 地址：泰安市东岳大街 鲁ICP备05001234号' },
    ]);
    expect(attachments).toEqual([]);
  });

  it('never lists an image alt text', () => {
    const everything = [text, ...removed.map((part) => part.text)].join('\n');
    expect(everything).not.toContain('党建图片');
    expect(everything).not.toContain('泰安市教育局2024年工作要点_通知公告');
  });
});

/** A 集约化平台 page: facts in meta tags and Hanweb field comments, body between ZJEG markers inside #UCAP-CONTENT. */
const ucapPage = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="SiteName" content="莱芜区人民政府">
<meta name="ColumnName" content="教育体育">
<meta name="ArticleTitle" content="莱芜区教育和体育局2023年工作要点">
<meta name="PubDate" content="2023-02-28 16:05">
<meta name="ContentSource" content="莱芜区教育和体育局">
<title>莱芜区教育和体育局2023年工作要点</title>
</head>
<body>
<div class="top-bar"><a href="/">网站首页</a><a href="/wza/">无障碍</a></div>
<div class="article">
  <div class="pages-title">莱芜区教育和体育局2023年工作要点</div>
  <div class="pages-date">2023-02-28 16:05 来源：<!--<$[信息来源]>begin-->莱芜区教育和体育局<!--<$[信息来源]>end--></div>
  <div class="pages_content mhide" id="UCAP-CONTENT">
    <p style="text-align: center;"><img src="/picture/banner.jpg" alt=""></p>
    <!--ZJEG_RSS.content.begin--><meta name="ContentStart">
    <p>&nbsp;&nbsp;&nbsp;&nbsp;一、总体思路</p>
    <p>\u3000\u3000坚持稳中求进工作总基调，&ensp;办好人民满意的教育。</p>
    <p>\u3000\u3000二、重点任务</p>
    <meta name="ContentEnd"><!--ZJEG_RSS.content.end-->
    <p class="editor">责任编辑：王某</p>
  </div>
</div>
<div class="foot">版权所有：莱芜区人民政府办公室</div>
</body>
</html>`;

describe('extractHtml: a 集约化平台 page with comment markers', () => {
  const page = readHtmlPage(ucapPage);
  const { text, facts, removed, review } = page.extracted;

  it('takes the body between the markers before the container around them', () => {
    expect(page.foundBy).toBe('zjeg-rss');
    expect(lines(text)).toEqual(['一、总体思路', '坚持稳中求进工作总基调， 办好人民满意的教育。', '二、重点任务']);
    expect(review).toBeNull();
  });

  it('reads the title from the meta tag and the other facts from the Hanweb field and meta tags', () => {
    expect(facts).toEqual({ title: '莱芜区教育和体育局2023年工作要点', publisher: '莱芜区教育和体育局', publishedOn: '2023-02-28' });
  });

  it('lists what the container holds outside the markers too', () => {
    expect(removed).toEqual([
      { rule: 'html-chrome', text: '网站首页 无障碍' },
      { rule: 'html-title', text: '莱芜区教育和体育局2023年工作要点' },
      { rule: 'html-chrome', text: '2023-02-28 16:05 来源：莱芜区教育和体育局' },
      { rule: 'html-chrome', text: '责任编辑：王某' },
      { rule: 'html-chrome', text: '版权所有：莱芜区人民政府办公室' },
    ]);
  });
});

/** An older Hanweb page: GB2312, layout tables, body in #zoom, the date and source in a table cell. */
const hanwebPage = `<html>
<head>
<meta charset=gb2312>
<title>岱岳区教育和体育局2022年工作要点</title>
</head>
<body>
<table width="1000" align="center"><tr><td class="nav"><a href="/">首页</a> | <a href="/col/col1/">机构概况</a></td></tr></table>
<table width="1000" align="center">
  <tr><td class="title" align="center"><h1>岱岳区教育和体育局2022年工作要点</h1></td></tr>
  <tr><td class="info">发布日期：2022-03-15&nbsp;&nbsp;信息来源：岱岳区教育和体育局&nbsp;&nbsp;浏览次数：<span id="c">128</span></td></tr>
  <tr><td>
    <div id="zoom">
      <p>一、加强党的建设</p>
      <p>（一）深化理论武装。坚持用党的创新理论
武装头脑、指导实践。</p>
      <p>（二）压实主体责任。</p>
    </div>
  </td></tr>
</table>
<table width="1000" align="center"><tr><td class="bottom">岱岳区人民政府　主办</td></tr></table>
</body>
</html>`;

describe('extractHtml: a Hanweb page in GB2312', () => {
  const bytes = iconv.encode(hanwebPage, 'gbk');

  it('decodes the page by its meta charset', () => {
    expect(decodeHtml(bytes)).toBe(hanwebPage);
  });

  it('finds #zoom and joins a line broken in the source between Chinese characters', () => {
    const { text, facts, removed, review } = extractHtml(bytes);
    expect(lines(text)).toEqual(['一、加强党的建设', '（一）深化理论武装。坚持用党的创新理论武装头脑、指导实践。', '（二）压实主体责任。']);
    expect(review).toBeNull();
    expect(facts).toEqual({ title: '岱岳区教育和体育局2022年工作要点', publisher: '岱岳区教育和体育局', publishedOn: '2022-03-15' });
    expect(removed).toEqual([
      { rule: 'html-chrome', text: '首页 | 机构概况' },
      { rule: 'html-title', text: '岱岳区教育和体育局2022年工作要点' },
      { rule: 'html-metadata', text: '发布日期：2022-03-15 信息来源：岱岳区教育和体育局 浏览次数：128' },
      { rule: 'html-chrome', text: '岱岳区人民政府 主办' },
    ]);
  });
});

describe('decodeHtml', () => {
  const page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=GBK"></head><body><p>教育工作要点</p></body></html>';

  it('reads the http-equiv charset', () => {
    expect(decodeHtml(iconv.encode(page, 'gbk'))).toBe(page);
  });

  it('reads a page saved again as UTF-8 as UTF-8, whatever its meta says', () => {
    expect(decodeHtml(utf8(page))).toBe(page);
  });

  it('reads an undeclared page as UTF-8 when it is, else as GB18030', () => {
    const bare = '<html><body><p>教育工作要点</p></body></html>';
    expect(decodeHtml(utf8(bare))).toBe(bare);
    expect(decodeHtml(iconv.encode(bare, 'gb18030'))).toBe(bare);
    expect(decodeHtml(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(bare)]))).toBe(bare);
  });
});

describe('extractHtml: paragraphs separated by <br>', () => {
  const page = `<html><head><meta charset="utf-8"><title>高台县教育局2024年工作要点</title></head><body>
<div class="dqwz">您现在的位置：<a href="/">首页</a></div>
<div id="zoom" style="font-size: 16px">\u3000\u3000<b>一、总体要求</b><br>
\u3000\u30001.坚持立德树人。<br/><br/>
\u3000\u30002.深化教育改革。<br>\u3000\u3000<font face="仿宋">3.保障教育安全。</font><br></div>
</body></html>`;

  it('ends a paragraph at each <br> and drops the empty ones', () => {
    const { text, removed, facts } = extractHtml(utf8(page));
    expect(lines(text)).toEqual(['一、总体要求', '1.坚持立德树人。', '2.深化教育改革。', '3.保障教育安全。']);
    expect(removed).toEqual([{ rule: 'html-chrome', text: '您现在的位置：首页' }]);
    expect(facts).toEqual({ title: '高台县教育局2024年工作要点' });
  });
});

describe('extractHtml: a data table in the body', () => {
  const page = `<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="鹰潭市教育局2021年重点工作任务分解表"></head><body>
<div class="TRS_Editor">
<p>现将2021年重点工作任务分解如下：</p>
<table border="1">
  <thead><tr><th>序号</th><th>重点任务</th><th>责任单位</th><th>完成时限</th></tr></thead>
  <tbody>
    <tr><td>1</td><td><p>推进学前教育</p><p>普及普惠</p></td><td>基础教育科</td><td>2021年12月</td></tr>
    <tr><td>2</td><td>加强教师队伍建设</td><td></td><td>全年</td></tr>
    <tr><td colspan="4">备注：各单位按季度报送进展。</td></tr>
    <tr><td>3</td><td>规范民办教育</td><td>&nbsp;</td><td>&nbsp;</td></tr>
  </tbody>
</table>
<p>各单位要抓好落实。</p>
</div></body></html>`;

  it('keeps one row a line, cells joined by a tab, a one-cell row as a paragraph', () => {
    const { text, removed } = extractHtml(utf8(page));
    expect(lines(text)).toEqual([
      '现将2021年重点工作任务分解如下：',
      '序号\t重点任务\t责任单位\t完成时限',
      '1\t推进学前教育 普及普惠\t基础教育科\t2021年12月',
      '2\t加强教师队伍建设\t\t全年',
      '备注：各单位按季度报送进展。',
      '3\t规范民办教育',
      '各单位要抓好落实。',
    ]);
    expect(removed).toEqual([]);
  });
});

describe('extractHtml: a disclosure list inside a generic container', () => {
  const page = `<html><head><meta charset="utf-8"><title>鹰潭市教育局2021年工作要点</title></head><body>
<div class="content">
  <ul class="xxgk-info">
    <li><span>索引号：</span>K12345-0202-2021-0001</li>
    <li><span>文　　号：</span>鹰教字〔2021〕3号</li>
    <li><span>发布机构：</span>鹰潭市教育局</li>
    <li><span>生成日期：</span>2021-03-02</li>
  </ul>
  <p>一、抓好党建工作</p>
  <p>二、推进教育改革。加快推进教育现代化，办好人民满意的教育。</p>
  <div class="fenxiang">分享：<a href="#">微信</a></div>
</div></body></html>`;

  it('cuts the list and the share bar out of the body, reading the facts', () => {
    const read = readHtmlPage(page);
    expect(read.foundBy).toBe('content-class');
    expect(lines(read.extracted.text)).toEqual(['一、抓好党建工作', '二、推进教育改革。加快推进教育现代化，办好人民满意的教育。']);
    expect(read.extracted.facts).toEqual({ title: '鹰潭市教育局2021年工作要点', publisher: '鹰潭市教育局', docNumber: '鹰教字〔2021〕3号', indexNumber: 'K12345-0202-2021-0001' });
    expect(read.extracted.removed).toEqual([
      { rule: 'html-metadata', text: '索引号：K12345-0202-2021-0001 文 号：鹰教字〔2021〕3号 发布机构：鹰潭市教育局 生成日期：2021-03-02' },
      { rule: 'html-chrome', text: '分享：微信' },
    ]);
  });
});

describe('extractHtml: attachments', () => {
  const page = `<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="关于印发2024年工作要点的通知"></head><body>
<div class="nav"><a href="/index.html">首页</a><a href="/xxgk/zn.pdf">信息公开指南</a></div>
<div id="UCAP-CONTENT">
<p>各县（市、区）教育局：现将《2024年工作要点》印发给你们，请认真贯彻落实。</p>
<p>附件：<a href="./P020240326394.docx"><img src="/images/doc.gif" alt="word图标">1.2024年工作要点.docx</a></p>
<p><a href="/module/download/downfile.jsp?classid=0&amp;filename=2403261.pdf">2.重点任务清单.pdf</a></p>
<p><a href="/art/2024/3/26/art_1_2.html">附件3：学校名单</a></p>
<p><a href="javascript:void(0)">附件下载</a><a href="./P020240326394.docx">1.2024年工作要点.docx</a></p>
<p><a href="http://www.moe.gov.cn/">教育部</a></p>
</div>
<div class="xgfj"><a href="https://jyj.example.gov.cn/files/total.zip" title="打包下载"></a></div>
</body></html>`;

  it('lists links to documents and links headed 附件 outside site chrome, resolved against the page address', () => {
    const { attachments, text } = extractHtml(utf8(page), 'https://jyj.example.gov.cn/art/2024/3/26/art_1.html');
    expect(attachments).toEqual([
      { href: 'https://jyj.example.gov.cn/art/2024/3/26/P020240326394.docx', text: '1.2024年工作要点.docx' },
      { href: 'https://jyj.example.gov.cn/module/download/downfile.jsp?classid=0&filename=2403261.pdf', text: '2.重点任务清单.pdf' },
      { href: 'https://jyj.example.gov.cn/art/2024/3/26/art_1_2.html', text: '附件3：学校名单' },
      { href: 'https://jyj.example.gov.cn/files/total.zip', text: '打包下载' },
    ]);
    expect(text).not.toContain('word图标');
    expect(lines(text)[1]).toBe('附件：1.2024年工作要点.docx');
  });

  it('keeps the hrefs as linked without the page address', () => {
    const hrefs = extractHtml(utf8(page)).attachments.map((attachment) => attachment.href);
    expect(hrefs).toEqual(['./P020240326394.docx', '/module/download/downfile.jsp?classid=0&filename=2403261.pdf', '/art/2024/3/26/art_1_2.html', 'https://jyj.example.gov.cn/files/total.zip']);
  });
});

/** No container cms.yaml knows: the fallback takes the block with most of the Chinese text. */
const unknownPage = `<html><head><meta charset="utf-8"><title>台儿庄区教育局2021年工作要点_台儿庄区教育局</title></head><body>
<div class="top"><div class="logo">台儿庄区教育局</div><div class="search"><input type="text" value="请输入关键字"></div></div>
<div class="wrap">
  <div class="left"><h3>信息公开</h3><ul><li><a href="/a">机构职能</a></li><li><a href="/b">政策文件</a></li><li><a href="/c">工作计划</a></li></ul></div>
  <div class="right">
    <h2>台儿庄区教育局2021年工作要点</h2>
    <div class="date">发布时间：2021-02-20</div>
    <div class="wenzhang">
      <p>2021年，全区教育系统坚持以人民为中心的发展思想，推动教育高质量发展。</p>
      <p>一、坚持党建引领，落实立德树人根本任务</p>
      <p>1.加强思想政治建设。深入学习习近平新时代中国特色社会主义思想，健全理论学习制度。</p>
      <p>2.加强基层组织建设。推进学校党组织标准化规范化建设，发挥战斗堡垒作用。</p>
    </div>
  </div>
</div>
<footer><p>版权所有：台儿庄区教育局 联系电话：0632-6611111</p></footer>
</body></html>`;

describe('extractHtml: a page with no known container', () => {
  const page = readHtmlPage(unknownPage);
  const { text, facts, removed, review } = page.extracted;

  it('takes the innermost block holding most of the Chinese text, and asks for a review', () => {
    expect(page.foundBy).toBe('fallback');
    expect(lines(text)).toEqual([
      '2021年，全区教育系统坚持以人民为中心的发展思想，推动教育高质量发展。',
      '一、坚持党建引领，落实立德树人根本任务',
      '1.加强思想政治建设。深入学习习近平新时代中国特色社会主义思想，健全理论学习制度。',
      '2.加强基层组织建设。推进学校党组织标准化规范化建设，发挥战斗堡垒作用。',
    ]);
    expect(review).toBe(
      'The body was found by the fallback, as the block with most of the page\'s Chinese text (<div class="wenzhang">), not by a known CMS container in scripts/genre/cms.yaml: check that the text starts and ends where the plan does.',
    );
  });

  it('reads the title from the document title and the date from a chrome line', () => {
    expect(facts).toEqual({ title: '台儿庄区教育局2021年工作要点', publishedOn: '2021-02-20' });
    expect(removed).toEqual([
      { rule: 'html-chrome', text: '台儿庄区教育局' },
      { rule: 'html-chrome', text: '信息公开 机构职能 政策文件 工作计划' },
      { rule: 'html-title', text: '台儿庄区教育局2021年工作要点' },
      { rule: 'html-chrome', text: '发布时间：2021-02-20' },
      { rule: 'html-chrome', text: '版权所有：台儿庄区教育局 联系电话：0632-6611111' },
    ]);
  });

  it('keeps each chrome entry short', () => {
    const longFooter = unknownPage.replace('联系电话：0632-6611111', '地址：'.padEnd(400, '路'));
    const footer = extractHtml(utf8(longFooter)).removed.at(-1);
    expect(footer?.rule).toBe('html-chrome');
    expect([...(footer?.text ?? '')]).toHaveLength(200);
    expect(footer?.text.endsWith('路…')).toBe(true);
  });
});

describe('extractHtml: pages with no article', () => {
  it('refuses an empty page, saying what it holds and how to fix it', () => {
    const error = caught(() => extractHtml(utf8('<!DOCTYPE html><html><head><title>泰安市教育局</title></head><body>\n</body></html>')));
    expect(error.code).toBe('html-no-body');
    expect(error.message).toBe('this web page holds no article text: it has no text at all');
    expect(error.hint).toContain('save the article page itself');
    expect(error.hint).toContain('.txt');
  });

  it('names a page whose text a script fills in', () => {
    const error = caught(() => extractHtml(utf8('<html><head><script src="/app.js"></script></head><body><div id="app"></div><script>render()</script></body></html>')));
    expect(error.code).toBe('html-no-body');
    expect(error.message).toBe('this web page holds no article text: it has no text, only 2 scripts that fill it in when a browser shows the page');
  });

  it('names a column list page', () => {
    const list = `<html><head><meta name="ColumnName" content="工作计划"></head><body>
<div class="nav"><a href="/">首页</a></div>
<ul class="list"><li><a href="/art/1.html">2024年工作要点</a></li><li><a href="/art/2.html">2023年工作要点</a></li></ul></body></html>`;
    const error = caught(() => extractHtml(utf8(list)));
    expect(error.code).toBe('html-no-body');
    expect(error.message).toBe('this web page holds no article text: it has only site chrome and 3 links, like the list page of the column 工作计划');
  });
});

describe('scripts/genre/cms.yaml', () => {
  const genre = loadCmsGenre();

  it('orders marker pairs before the containers they sit in, and generic selectors last', () => {
    const ids = genre.bodies.map((rule) => rule.id);
    expect(ids.indexOf('zjeg-rss')).toBeLessThan(ids.indexOf('zoom'));
    expect(ids.indexOf('trs-editor')).toBeLessThan(ids.indexOf('trs-union-style'));
    expect(ids.slice(-2)).toEqual(['content-id', 'content-class']);
  });

  const cases = genre.bodies.map((rule) => [rule.id, rule.example] as const);
  it.each(cases)('%s finds the body in its example, and no earlier entry does', (id, example) => {
    const page = `<html><body><div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a></div>${example}<div class="footer">版权所有：泰安市教育局</div></body></html>`;
    const read = readHtmlPage(page);
    expect(read.foundBy).toBe(id);
    expect(lines(read.extracted.text)).toEqual(['一、总体要求', '坚持以习近平新时代中国特色社会主义思想为指导。']);
    expect(read.extracted.removed).toEqual([
      { rule: 'html-chrome', text: '首页 政务公开' },
      { rule: 'html-chrome', text: '版权所有：泰安市教育局' },
    ]);
  });

  it('refuses a malformed table, naming the entry and the field', () => {
    const table = parseYaml(readFileSync(new URL('../../scripts/genre/cms.yaml', import.meta.url), 'utf8')) as { bodies: Array<Record<string, unknown>> };
    expect(() => compileCmsGenre(validateCmsTable(table))).not.toThrow();
    const broken = structuredClone(table);
    broken.bodies[0] = { ...broken.bodies[0], selector: '#zoom' };
    broken.bodies[1] = { ...broken.bodies[1], begin: undefined };
    broken.bodies[4] = { ...broken.bodies[4], selector: 'div[' };
    const message = (() => {
      try {
        validateCmsTable(broken);
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(message).toContain('scripts/genre/cms.yaml is malformed');
    expect(message).toContain('entry zjeg-rss: bodies.0: give either selector or begin and end');
    expect(message).toContain('entry hanweb-content-meta: bodies.1: a marker pair needs both begin and end');
    expect(message).toContain('entry ucap-content: bodies.4.selector: not a selector hast-util-select can use');
  });
});
