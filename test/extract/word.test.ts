import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { failure } from './failure.ts';
import { buildOle, buildWordStreams, padded, type WordParts } from './word-fixtures.ts';
import { extractWord, formatNumber } from '../../scripts/extract/word.ts';


const lines = (text: string): string[] => text.split('\n');

describe('extractWord: .docx', () => {
  const numbered = (text: string, level: number): Paragraph => new Paragraph({ text, numbering: { reference: 'plan', level } });

  async function planDocx(): Promise<Uint8Array> {
    const document = new Document({
      numbering: {
        config: [
          {
            reference: 'plan',
            levels: [
              { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
              { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
              { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
            ],
          },
        ],
      },
      footnotes: { 1: { children: [new Paragraph('数据来源于2023年教育统计公报。')] } },
      comments: { children: [{ id: 0, author: '审校', date: new Date(0), children: [new Paragraph('此处数字待核实')] }] },
      sections: [
        {
          headers: { default: new Header({ children: [new Paragraph('某某市教育局')] }) },
          footers: { default: new Footer({ children: [new Paragraph('某某市教育局办公室 2024年3月印发')] }) },
          children: [
            new Paragraph('某某市教育局2024年工作要点'),
            numbered('总体要求', 0),
            new Paragraph({ children: [new TextRun('坚持以习近平新时代中国特色社会主义思想为指导。'), new FootnoteReferenceRun(1)] }),
            numbered('重点任务', 0),
            numbered('加强党的建设', 1),
            numbered('深入学习贯彻党的二十大精神。', 2),
            new Paragraph({
              numbering: { reference: 'plan', level: 2 },
              children: [new CommentRangeStart(0), new TextRun('全面从严治党。'), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] })],
            }),
            numbered('推进教育改革', 1),
            numbered('深化教育评价改革。', 2),
            numbered('扩大优质教育资源。', 2),
            new Table({
              rows: [
                new TableRow({ children: [new TableCell({ children: [new Paragraph('指标')] }), new TableCell({ children: [new Paragraph('目标值')] })] }),
                new TableRow({ children: [new TableCell({ children: [new Paragraph('学前教育毛入园率')] }), new TableCell({ children: [new Paragraph('92%')] })] }),
              ],
            }),
            numbered('保障措施', 0),
            new Paragraph({ children: [new TextRun('各地要加强组织领导，'), new TextRun({ text: '隐藏的修订说明', vanish: true }), new TextRun('确保任务落实。')] }),
          ],
        },
      ],
    });
    return new Uint8Array(await Packer.toBuffer(document));
  }

  it('renders automatic numbering labels (一、 （一） 1.) from numbering.xml, counting and restarting per level', async () => {
    const extracted = await extractWord(await planDocx());
    expect(extracted.format).toBe('docx');
    expect(lines(extracted.text)).toEqual([
      '某某市教育局2024年工作要点',
      '一、总体要求',
      '坚持以习近平新时代中国特色社会主义思想为指导。',
      '二、重点任务',
      '（一）加强党的建设',
      '1.深入学习贯彻党的二十大精神。',
      '2.全面从严治党。',
      '（二）推进教育改革',
      '1.深化教育评价改革。',
      '2.扩大优质教育资源。',
      '指标  目标值',
      '学前教育毛入园率  92%',
      '三、保障措施',
      '各地要加强组织领导，确保任务落实。',
    ]);
  });

  it('moves the header, the footer, the footnote and the comment to removed', async () => {
    const extracted = await extractWord(await planDocx());
    expect(extracted.removed).toEqual([
      { text: '某某市教育局', rule: 'page-header' },
      { text: '某某市教育局办公室 2024年3月印发', rule: 'page-footer' },
      { text: '数据来源于2023年教育统计公报。', rule: 'footnote' },
      { text: '此处数字待核实', rule: 'comment' },
    ]);
    expect(extracted).toMatchObject({ attachments: [], review: null });
    expect(extracted.pages).toBeUndefined();
  });

  /** A .docx assembled from XML strings, for numbering a generator cannot write. */
  function handmadeDocx(body: string, numbering: string, styles = ''): Uint8Array {
    const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const parts: Record<string, Uint8Array> = {
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${w} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${body}</w:body></w:document>`),
      'word/numbering.xml': strToU8(`<w:numbering ${w}>${numbering}</w:numbering>`),
      'docProps/core.xml': strToU8('<cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>某某区2024年教育工作要点</dc:title></cp:coreProperties>'),
    };
    if (styles.length > 0) parts['word/styles.xml'] = strToU8(`<w:styles ${w}>${styles}</w:styles>`);
    return zipSync(parts);
  }

  const level = (ilvl: number, format: string, text: string, extra = ''): string =>
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
  const para = (text: string, numPr = '', pStyle = ''): string =>
    `<w:p><w:pPr>${pStyle === '' ? '' : `<w:pStyle w:val="${pStyle}"/>`}${numPr}</w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const numPr = (numId: number, ilvl = 0): string => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;

  it('follows numbering set by paragraph styles, lists shared by instances, start overrides, legal and multi-level labels', async () => {
    const numbering = [
      `<w:abstractNum w:abstractNumId="0">${level(0, 'chineseCountingThousand', '%1、', '<w:pStyle w:val="Heading1"/>')}${level(1, 'chineseCounting', '（%2）')}${level(2, 'decimal', '%2.%3', '<w:isLgl/>')}</w:abstractNum>`,
      `<w:abstractNum w:abstractNumId="1">${level(0, 'decimalEnclosedCircle', '%1')}${level(1, 'ideographTraditional', '%2.', '<w:lvlRestart w:val="0"/>')}</w:abstractNum>`,
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
      // A second instance of the same list continues its numbering, as in Word.
      '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>',
      '<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>',
      // An instance that sets the shared sequence to 5 where it is first used; the other instance then goes on from there.
      '<w:num w:numId="4"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>',
    ].join('');
    const styles = [
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>',
      '<w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>',
      '<w:style w:type="paragraph" w:styleId="Title1"><w:basedOn w:val="Heading1"/></w:style>',
    ].join('');
    const body = [
      para('总体要求', '', 'Heading1'),
      para('主要任务', '', 'Title1'),
      para('加强党建', numPr(2, 1)),
      para('学习教育', numPr(2, 2)),
      para('巡视整改', numPr(1, 2)),
      para('不编号的段落', '<w:numPr><w:numId w:val="0"/></w:numPr>', 'Heading1'),
      para('第一项', numPr(3, 0)),
      para('甲项', numPr(3, 1)),
      para('第二项', numPr(3, 0)),
      para('乙项', numPr(3, 1)),
      para('第五项', numPr(4, 0)),
      para('第六项', numPr(3, 0)),
      // Tabs, a field's code and its result, deleted text, a text box written twice (DrawingML and VML).
      '<w:p><w:r><w:t>联系人：</w:t></w:r><w:r><w:tab/><w:t>张三</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>（3）</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:del><w:r><w:delText>删掉的字</w:delText></w:r></w:del></w:p>',
      '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框里的字</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框里的字</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>正文&amp;符号&#x4E2D;</w:t></w:r></w:p>',
    ].join('');
    const extracted = await extractWord(handmadeDocx(body, numbering, styles));
    expect(lines(extracted.text)).toEqual([
      '一、总体要求',
      '二、主要任务',
      '（一）加强党建',
      '1.1 学习教育',
      '1.2 巡视整改',
      '不编号的段落',
      '①第一项',
      '甲.甲项',
      '②第二项',
      '乙.乙项',
      '⑤第五项',
      '⑥第六项',
      '联系人：\t张三（3）',
      '正文&符号中',
      '文本框里的字',
    ]);
    expect(extracted.facts).toEqual({ title: '某某区2024年教育工作要点' });
    expect(extracted.removed).toEqual([]);
  });

  it('says a .docx with no text in its body is a scan', async () => {
    const bytes = handmadeDocx('<w:p><w:r><w:drawing/></w:r></w:p><w:sectPr/>', '');
    expect((await failure(extractWord(bytes))).code).toBe('scanned-word');
  });

  it('refuses a damaged zip', async () => {
    const bytes = await planDocx();
    const error = await failure(extractWord(bytes.subarray(0, 600)));
    expect(error.code).toBe('unreadable-word');
    expect(error.message).toMatch(/damaged/u);
  });
});

describe('formatNumber', () => {
  it.each([
    [1, 'chineseCounting', '一'],
    [10, 'chineseCounting', '十'],
    [11, 'chineseCounting', '十一'],
    [20, 'chineseCounting', '二十'],
    [21, 'chineseCountingThousand', '二十一'],
    [105, 'chineseCountingThousand', '一百零五'],
    [110, 'japaneseCounting', '一百一十'],
    [12, 'chineseLegalSimplified', '壹拾贰'],
    [10, 'ideographDigital', '一〇'],
    [3, 'ideographTraditional', '丙'],
    [12, 'decimalEnclosedCircle', '⑫'],
    [3, 'decimalEnclosedParen', '⑶'],
    [4, 'upperRoman', 'IV'],
    [28, 'lowerLetter', 'bb'],
    [7, 'decimalFullWidth', '７'],
    [7, 'decimalZero', '07'],
    [3, 'none', ''],
  ])('%i in %s is %s', (value, format, expected) => {
    expect(formatNumber(value, format)).toBe(expected);
  });
});

const planParts: WordParts = {
  body: [
    '某某市教育局2024年工作要点\r',
    '一、总体要求\r',
    '坚持“立德树人”。\x02\r',
    '指标\x07目标值\x07\x07',
    '学前教育毛入园率\x0792%\x07\x07',
    '二、重点任务\r',
    '详见\x13 HYPERLINK "http://jyj.example.gov.cn" \x14市教育局网站\x15。\x05\r',
  ].join(''),
  footnotes: '\x02数据来源于统计公报。\r',
  header: '某某市教育局\r',
  footer: '— 1 —\r',
  comments: '\x05此处待核实\r',
};

describe('extractWord: .doc and .wps', () => {
  it('reads a Word 97 .doc: body paragraphs, table rows, fields; headers, footers, notes and comments removed', async () => {
    const bytes = buildOle(buildWordStreams(planParts));
    const extracted = await extractWord(bytes);
    expect(extracted.format).toBe('doc');
    expect(lines(extracted.text)).toEqual([
      '某某市教育局2024年工作要点',
      '一、总体要求',
      '坚持“立德树人”。',
      '指标  目标值',
      '学前教育毛入园率  92%',
      '二、重点任务',
      '详见市教育局网站。',
    ]);
    expect(extracted.removed).toEqual([
      { text: '某某市教育局', rule: 'page-header' },
      { text: '— 1 —', rule: 'page-footer' },
      { text: '数据来源于统计公报。', rule: 'footnote' },
      { text: '此处待核实', rule: 'comment' },
    ]);
  });

  it('tells a WPS file by its WpsCustomData stream', async () => {
    const bytes = buildOle({ ...buildWordStreams(planParts), WpsCustomData: padded(new Uint8Array(16), 64) });
    const extracted = await extractWord(bytes);
    expect(extracted.format).toBe('wps');
    expect(lines(extracted.text)[0]).toBe('某某市教育局2024年工作要点');
  });

  it('tells a WPS file by the KSOProductBuildVer property in DocumentSummaryInformation (a mini-stream stream)', async () => {
    const summary = padded(Buffer.from('\u0000\u0000KSOProductBuildVer\u0000\u00002052-12.1.0.16120', 'utf16le'), 200);
    const bytes = buildOle({ ...buildWordStreams(planParts), '\u0005DocumentSummaryInformation': summary });
    expect((await extractWord(bytes)).format).toBe('wps');
    const word = buildOle({ ...buildWordStreams(planParts), '\u0005DocumentSummaryInformation': padded(Buffer.from('Microsoft Office Word', 'utf16le'), 200) });
    expect((await extractWord(word)).format).toBe('doc');
  });

  it('refuses a password-protected .doc', async () => {
    const error = await failure(extractWord(buildOle(buildWordStreams({ ...planParts, encrypted: true }))));
    expect(error.code).toBe('encrypted');
  });

  it('refuses an encrypted .docx (an OLE file with EncryptedPackage)', async () => {
    const bytes = buildOle({ EncryptionInfo: padded(new Uint8Array(8), 100), EncryptedPackage: padded(new Uint8Array(8)) });
    expect((await failure(extractWord(bytes))).code).toBe('encrypted');
  });

  it('refuses a truncated OLE file', async () => {
    const bytes = buildOle(buildWordStreams(planParts));
    const error = await failure(extractWord(bytes.subarray(0, 3000)));
    expect(error.code).toBe('unreadable-word');
    expect(error.message).toMatch(/cut short/u);
  });

  it('refuses an OLE file that is not a Word document, naming what it is', async () => {
    const error = await failure(extractWord(buildOle({ Workbook: padded(new Uint8Array(8)) })));
    expect(error.code).toBe('unreadable-word');
    expect(error.message).toMatch(/Excel workbook/u);
  });

  it('refuses bytes that are neither a zip nor an OLE file', async () => {
    const error = await failure(extractWord(new TextEncoder().encode('{\\rtf1 一、总体要求}')));
    expect(error.code).toBe('unreadable-word');
  });
});
