import { existsSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { failure } from './failure.ts';
import { buildLines, isPageNumber, layoutPages, type TextRun } from '../../scripts/extract/positioned-text.ts';
import { extractPdf } from '../../scripts/extract/pdf.ts';

/** Debian's fonts-wqy-microhei: a CJK font pdfkit can embed (the PDFs here are made by the tests). */
const cjkFont = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';


/** A PDF drawn by `draw`, as bytes. */
async function makePdf(draw: (document: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Uint8Array> {
  if (!existsSync(cjkFont)) throw new Error(`these tests need ${cjkFont}: apt-get install fonts-wqy-microhei`);
  const document = new PDFDocument({ size: 'A4', margins: { top: 90, bottom: 90, left: 72, right: 72 }, bufferPages: true, ...options });
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => document.on('end', () => resolve()));
  document.registerFont('cjk', cjkFont, 'WenQuanYiMicroHei');
  document.font('cjk');
  draw(document);
  document.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

const lines = (text: string): string[] => text.split('\n');

describe('extractPdf: a two-page plan', () => {
  const title = '某某市教育局2024年工作要点';
  // Paragraphs long enough to wrap over several lines of the 451-point column.
  const paragraphs: Array<{ text: string; indent: boolean }> = [
    { text: '2024年全市教育工作的总体思路是：坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，落实立德树人根本任务，加快建设教育强市。', indent: true },
    { text: '一、总体要求', indent: true },
    { text: '坚持稳中求进工作总基调，统筹推进教育高质量发展，着力解决人民群众最关心最直接最现实的教育问题，努力办好人民满意的教育，为全市经济社会发展提供有力的人才支撑和智力保障。', indent: true },
    { text: '二、重点任务', indent: true },
    { text: '1.加强党的建设。深入学习贯彻党的二十大精神，落实全面从严治党主体责任，推进清廉学校建设，把党的领导贯穿办学治校全过程各方面。', indent: true },
    { text: '2.深化教育改革。推进教育评价改革，健全学校家庭社会协同育人机制，扩大优质教育资源覆盖面，促进义务教育优质均衡发展和城乡一体化。', indent: true },
    { text: '3.办好人民满意的基础教育。实施学前教育普及普惠提升行动，持续扩大普惠性学前教育资源，推进县域义务教育优质均衡发展，深化普通高中多样化特色发展，健全特殊教育保障机制，让每个孩子都能享有公平而有质量的教育。', indent: true },
    { text: '4.建设高素质专业化教师队伍。加强师德师风建设，完善教师培养培训体系，深化中小学教师“县管校聘”管理改革，落实教师工资待遇保障长效机制，提升乡村教师队伍整体素质，营造尊师重教的浓厚社会氛围。', indent: true },
    { text: '5.提升职业教育适应性。深化产教融合校企合作，推进中高职贯通培养，建设一批高水平专业群和实训基地，服务地方产业发展需要，增强职业教育吸引力和社会认可度。', indent: true },
    { text: '（一）推进PDF test数字化工作。建设智慧教育平台，推动数字资源共建共享，提升师生数字素养与技能。', indent: false },
    { text: '各县（市、区）要结合实际制定具体实施方案，明确时间表和路线图，确保各项任务按期完成，同时加强督促检查和跟踪问效，及时总结推广典型经验做法，形成一批可复制可推广的成果。各地要建立工作台账，实行清单化管理，按月调度进展情况。', indent: false },
    { text: '三、保障措施', indent: true },
    { text: '加强组织领导，健全工作机制，强化经费保障，营造良好氛围。各级教育部门要把工作要点纳入年度重点工作，细化任务分工，压实工作责任，加强宣传引导，积极营造全社会关心支持教育发展的良好氛围，推动各项工作落地见效。坚持问题导向和目标导向相统一，定期调度工作进展。', indent: true },
    { text: '3.完善考核评价。把工作要点落实情况纳入对县（市、区）教育工作的督导评估，将结果作为评先树优的重要依据，对工作不力的进行通报。', indent: true },
  ];
  let spansPages = -1;

  const planPdf = (): Promise<Uint8Array> =>
    makePdf(
      (document) => {
        document.fontSize(20).text(title, { align: 'center', lineGap: 12 });
        paragraphs.forEach((paragraph, index) => {
          const before = document.bufferedPageRange().count;
          const startY = document.y;
          document.fontSize(14).text(paragraph.text, { indent: paragraph.indent ? 28 : 0, lineGap: 6, align: 'left' });
          // A new page, and the first line fitted on the old one (a line is about 24 points high).
          const bottom = document.page.height - document.page.margins.bottom;
          if (document.bufferedPageRange().count > before && startY + 24 < bottom) spansPages = index;
        });
        document.fontSize(14).text('某某市教育局', { align: 'right', lineGap: 6 });
        document.text('2024年3月1日', { align: 'right', lineGap: 6 });
        // Running header and page numbers, drawn on each page once the text is laid out.
        const range = document.bufferedPageRange();
        for (let page = range.start; page < range.start + range.count; page += 1) {
          document.switchToPage(page);
          const bottom = document.page.margins.bottom;
          document.page.margins.bottom = 0;
          document.fontSize(10).text('某某市教育局文件', 72, 40, { width: 451, align: 'right', lineBreak: false });
          document.fontSize(12).text(`— ${page + 1} —`, 72, 790, { width: 451, align: 'center', lineBreak: false });
          document.page.margins.bottom = bottom;
        }
      },
      { info: { Title: title } },
    );

  it('rebuilds the paragraphs: wrapped lines joined without spaces, indented and numbered lines starting new ones, across the page break', async () => {
    const extracted = await extractPdf(await planPdf());
    expect(spansPages, 'a paragraph runs over the page break').toBeGreaterThan(0);
    expect(extracted.format).toBe('pdf');
    expect(extracted.pages).toBe(2);
    expect(lines(extracted.text)).toEqual([title, ...paragraphs.map((paragraph) => paragraph.text), '某某市教育局', '2024年3月1日']);
    expect(extracted.facts).toEqual({ title });
    expect(extracted.review).toBeNull();
  });

  it('removes the running header and the page numbers, page by page', async () => {
    const extracted = await extractPdf(await planPdf());
    expect(extracted.removed).toEqual([
      { text: '某某市教育局文件', rule: 'page-header', page: 1 },
      { text: '— 1 —', rule: 'page-number', page: 1 },
      { text: '某某市教育局文件', rule: 'page-header', page: 2 },
      { text: '— 2 —', rule: 'page-number', page: 2 },
    ]);
  });

  it('reads text placed character by character: no spaces in Chinese, spaces between Latin words, two for a column gap, fake bold once', async () => {
    const bytes = await makePdf((document) => {
      document.fontSize(14);
      const place = (text: string, x: number, y: number): void => {
        document.text(text, x, y, { lineBreak: false });
      };
      // Justified Chinese: each character set apart by a little extra spacing.
      [...'二、推进数字化转型'].forEach((char, index) => place(char, 100 + index * 15.5, 120));
      // Latin words as separate pieces, a word space apart, with Chinese around them.
      place('建设', 72, 150);
      place('PDF', 100, 150);
      place('test', 132, 150);
      place('平台', 162, 150);
      // A table row: two cells far apart.
      place('学前教育毛入园率', 72, 180);
      place('92%', 400, 180);
      // Fake bold: the same text drawn twice, a hair apart.
      place('重点', 100, 210);
      place('重点', 100.4, 210);
      place('任务', 128.4, 210);
    });
    expect(lines((await extractPdf(bytes)).text)).toEqual(['二、推进数字化转型', '建设PDF test平台', '学前教育毛入园率  92%', '重点任务']);
  });
});

/** A grey PNG: a scanned page as far as the PDF can tell. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let row = 0; row < height; row += 1) rows[row * (width + 1)] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

describe('extractPdf: files it cannot read', () => {
  it('says a PDF of images only is a scan, with its page count', async () => {
    const bytes = await makePdf((document) => {
      for (let page = 0; page < 3; page += 1) {
        if (page > 0) document.addPage();
        document.image(png(40, 60), 72, 90, { width: 451 });
        document.rect(72, 700, 451, 20).stroke();
      }
    });
    const error = await failure(extractPdf(bytes));
    expect(error.code).toBe('scanned-pdf');
    expect(error.message).toBe('this PDF has no text layer on any of its 3 pages: it is a scan');
    expect(error.hint).toMatch(/OCR/u);
  });

  it('flags for review the pages that have no text when others do', async () => {
    const bytes = await makePdf((document) => {
      document.fontSize(14).text('一、总体要求');
      document.addPage();
      document.image(png(40, 60), 72, 90, { width: 451 });
    });
    const extracted = await extractPdf(bytes);
    expect(extracted.text).toBe('一、总体要求');
    expect(extracted.review).toMatch(/^page 2 of 2 have no text layer/u);
  });

  it('refuses a PDF cut short', async () => {
    const bytes = await makePdf((document) => document.fontSize(14).text('一、总体要求'));
    const error = await failure(extractPdf(bytes.subarray(0, Math.floor(bytes.length / 2))));
    expect(error.code).toBe('unreadable-pdf');
    expect(error.message).toMatch(/cut short/u);
  });

  it('refuses a PDF whose structure is garbage', async () => {
    const error = await failure(extractPdf(new TextEncoder().encode('%PDF-1.7\nnot a pdf at all\n%%EOF\n')));
    expect(error.code).toBe('unreadable-pdf');
  });

  it('refuses a password-protected PDF', async () => {
    const bytes = await makePdf((document) => document.fontSize(14).text('一、总体要求'), { userPassword: 'secret', ownerPassword: 'owner', pdfVersion: '1.7' });
    const error = await failure(extractPdf(bytes));
    expect(error.code).toBe('encrypted');
  });
});

describe('layout: lines and page furniture', () => {
  const run = (text: string, x: number, y: number, size = 10): TextRun => ({ text, x, y, width: [...text].length * size, size });

  it.each(['— 3 —', '-3-', '3', '第3页', '第 3 页 共 12 页', '共12页 第3页', '3/12', '3 / 12', 'Page 3 of 12'])('%s is a page number', (text) => {
    expect(isPageNumber(text)).toBe(true);
  });

  it.each(['2024年', '一、总体要求', '3.加强党建', '第三章'])('%s is not a page number', (text) => {
    expect(isPageNumber(text)).toBe(false);
  });

  it('groups pieces on one baseline into a line, whatever their order, and keeps lines top to bottom', () => {
    const lines = buildLines([run('要求', 120, 100), run('二', 100, 200), run('一、总体', 80, 100.8), run('、保障', 110, 200)], 1);
    expect(lines.map((line) => line.text)).toEqual(['一、总体要求', '二、保障']);
  });

  it('keeps a space between two Chinese characters, unless the line is letter-spaced, and drops spaces next to Latin', () => {
    const lines = buildLines([run('中共某某市委教育工委 某某市教育局', 80, 100), run('坚 持 以 习 近 平 新 时 代', 80, 130), run('2024 年工作 PDF test', 80, 160)], 1);
    expect(lines.map((line) => line.text)).toEqual(['中共某某市委教育工委 某某市教育局', '坚持以习近平新时代', '2024年工作PDF test']);
  });

  it('trusts every space when told to (OFD), and joins wrapped lines: digits together, a space kept where the text had one', () => {
    const page = (runs: TextRun[]): { width: number; height: number; runs: TextRun[] } => ({ width: 600, height: 800, runs });
    // Lines as wide as the column, wrapped inside "50" and at a space between two words; the last one ends short.
    const wide = (text: string, y: number, width = 120): TextRun => ({ text, x: 100, y, width, size: 10 });
    const full = [wide('二〇二四年全区建立5', 200), wide('0个基地，打造“党员领航', 215), wide(' 立德树人”品牌，推进', 230), wide('清廉学校建设。', 245, 70)];
    const text = layoutPages([page(full)], { trustSpaces: true }).text;
    expect(text).toBe('二〇二四年全区建立50个基地，打造“党员领航 立德树人”品牌，推进清廉学校建设。');
    expect(buildLines([run('发布日期：09:28 浏览次数', 80, 100)], 1, { trustSpaces: true })[0]?.text).toBe('发布日期：09:28 浏览次数');
  });

  it('removes a lone number at the foot of a one-page document, but not a number in the text', () => {
    const layout = layoutPages([{ width: 600, height: 800, runs: [run('2024', 100, 200), run('一、总体要求', 100, 230), run('7', 300, 760)] }]);
    expect(layout.text).toBe('2024\n一、总体要求');
    expect(layout.removed).toEqual([{ text: '7', rule: 'page-number', page: 1 }]);
  });

  it('removes a footer repeated at the same place on most pages, digits aside', () => {
    const page = (number: number): { width: number; height: number; runs: TextRun[] } => ({
      width: 600,
      height: 800,
      runs: [run(`正文第${number}页的内容。`, 100, 200), run(`某某市教育局 第${number}页 共3页`, 100, 770)],
    });
    const layout = layoutPages([page(1), page(2), page(3)]);
    expect(layout.removed.map((part) => [part.rule, part.page])).toEqual([
      ['page-footer', 1],
      ['page-footer', 2],
      ['page-footer', 3],
    ]);
    expect(layout.removed[0]?.text).toBe('某某市教育局 第1页 共3页');
  });
});

describe('a PDF whose Chinese font is not embedded', () => {
  /**
   * A PDF written by hand as many office tools write one: the standard CJK font
   * STSong-Light named, not embedded, text as UCS-2 codes through the UniGB-UCS2-H
   * CMap. Only the CMaps passed to pdf.js turn those codes back into text.
   */
  function nonEmbedded(lines: readonly string[]): Uint8Array {
    const hex = (text: string): string => [...text].map((char) => (char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')).join('');
    const content = `BT /F1 14 Tf 72 760 Td 18 TL\n${lines.map((line) => `<${hex(line)}> Tj T*`).join('\n')}\nET`;
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
      `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
      '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
      '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R >>',
      '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
    ];
    let pdf = '%PDF-1.4\n';
    const offsets: number[] = [];
    objects.forEach((object, index) => {
      offsets.push(Buffer.byteLength(pdf));
      pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
    });
    const xref = Buffer.byteLength(pdf);
    pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
    pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    return new Uint8Array(Buffer.from(pdf, 'latin1'));
  }

  it('still gives its text, through the CMaps pdf.js is given', async () => {
    const extracted = await extractPdf(nonEmbedded(['某某县教育局2024年工作要点', '一、加强党的建设', '1.强化理论武装。']));
    expect(extracted.text).toBe('某某县教育局2024年工作要点\n一、加强党的建设\n1.强化理论武装。');
    expect(extracted.review).toBeNull();
  });
});
