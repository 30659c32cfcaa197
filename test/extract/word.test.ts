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

// ─── Binary .doc and .wps, built by hand ─────────────────────────────────────
//
// No tool here writes Word 97 files, so the tests assemble the smallest one
// word-extractor reads: an OLE compound file (MS-CFB) holding a WordDocument
// stream (a FIB, the text as UTF-16, a paragraph-property page marking table
// row ends) and a 1Table stream (the piece table, the header story table).

const endOfChain = 0xfffffffe;
const freeSector = 0xffffffff;
const noStream = 0xffffffff;

/** An OLE compound file (version 3, 512-byte sectors) with these root streams; streams under 4096 bytes go to the mini stream. */
function buildOle(streams: Record<string, Uint8Array>): Uint8Array {
  const entries = Object.entries(streams);
  const big = entries.filter(([, data]) => data.length >= 4096);
  const small = entries.filter(([, data]) => data.length < 4096);
  const sectorsOf = (length: number, size: number): number => Math.ceil(length / size);

  // The mini stream: 64-byte sectors, each small stream in a run of them.
  const miniStarts = new Map<string, number>();
  let miniSectors = 0;
  for (const [name, data] of small) {
    miniStarts.set(name, miniSectors);
    miniSectors += sectorsOf(data.length, 64);
  }
  const miniStream = new Uint8Array(miniSectors * 64);
  for (const [name, data] of small) miniStream.set(data, (miniStarts.get(name) as number) * 64);
  const miniFat = new Uint32Array(Math.max(1, sectorsOf(miniSectors * 4, 512)) * 128).fill(freeSector);
  for (const [name, data] of small) {
    const start = miniStarts.get(name) as number;
    const count = sectorsOf(data.length, 64);
    for (let index = 0; index < count; index += 1) miniFat[start + index] = index === count - 1 ? endOfChain : start + index + 1;
  }

  // Sector layout: the FAT, the directory, the mini FAT, the mini stream, then the big streams.
  const directorySectors = sectorsOf((entries.length + 1) * 128, 512);
  const miniFatSectors = small.length > 0 ? miniFat.length / 128 : 0;
  const miniStreamSectors = sectorsOf(miniStream.length, 512);
  const fat = new Uint32Array(128).fill(freeSector);
  fat[0] = 0xfffffffd;
  let next = 1;
  const allocate = (count: number): number => {
    if (count === 0) return endOfChain;
    const start = next;
    for (let index = 0; index < count; index += 1) fat[start + index] = index === count - 1 ? endOfChain : start + index + 1;
    next += count;
    return start;
  };
  const directoryStart = allocate(directorySectors);
  const miniFatStart = allocate(miniFatSectors);
  const miniStreamStart = allocate(miniStreamSectors);
  const bigStarts = big.map(([, data]) => allocate(sectorsOf(data.length, 512)));
  if (next > 128) throw new Error('test file too large for one FAT sector');

  const file = new Uint8Array((next + 1) * 512);
  const view = new DataView(file.buffer);
  file.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(0x18, 0x3e, true);
  view.setUint16(0x1a, 3, true);
  view.setUint16(0x1c, 0xfffe, true);
  view.setUint16(0x1e, 9, true);
  view.setUint16(0x20, 6, true);
  view.setUint32(0x2c, 1, true);
  view.setUint32(0x30, directoryStart, true);
  view.setUint32(0x38, 4096, true);
  view.setUint32(0x3c, miniFatStart, true);
  view.setUint32(0x40, miniFatSectors, true);
  view.setUint32(0x44, endOfChain, true);
  for (let index = 0; index < 109; index += 1) view.setUint32(0x4c + index * 4, index === 0 ? 0 : freeSector, true);
  const sectorOffset = (sector: number): number => (sector + 1) * 512;
  fat.forEach((value, index) => view.setUint32(sectorOffset(0) + index * 4, value, true));
  if (miniFatSectors > 0) miniFat.forEach((value, index) => view.setUint32(sectorOffset(miniFatStart) + index * 4, value, true));
  if (miniStreamSectors > 0) file.set(miniStream, sectorOffset(miniStreamStart));
  big.forEach(([, data], index) => file.set(data, sectorOffset(bigStarts[index] as number)));

  const writeEntry = (slot: number, name: string, type: number, start: number, size: number, child: number, right: number): void => {
    const offset = sectorOffset(directoryStart) + slot * 128;
    const encoded = Buffer.from(name, 'utf16le');
    file.set(encoded, offset);
    view.setUint16(offset + 64, encoded.length + 2, true);
    file[offset + 66] = type;
    file[offset + 67] = 1;
    view.setUint32(offset + 68, noStream, true);
    view.setUint32(offset + 72, right, true);
    view.setUint32(offset + 76, child, true);
    view.setUint32(offset + 116, start, true);
    view.setUint32(offset + 120, size, true);
  };
  writeEntry(0, 'Root Entry', 5, miniStreamSectors > 0 ? miniStreamStart : endOfChain, miniStream.length, entries.length > 0 ? 1 : noStream, noStream);
  entries.forEach(([name, data], index) => {
    const start = data.length >= 4096 ? (bigStarts[big.findIndex(([other]) => other === name)] as number) : (miniStarts.get(name) as number);
    writeEntry(index + 1, name, 2, start, data.length, noStream, index + 1 < entries.length ? index + 2 : noStream);
  });
  return file;
}

const padded = (data: Uint8Array, size = 4096): Uint8Array => {
  const out = new Uint8Array(Math.max(size, data.length));
  out.set(data);
  return out;
};

interface WordParts {
  /** Paragraphs end in \r; table cells end in \x07 and a row with a further \x07. */
  body: string;
  footnotes?: string;
  header?: string;
  footer?: string;
  comments?: string;
  encrypted?: boolean;
}

/** WordDocument and 1Table streams of a Word 97 file holding these stories. */
function buildWordStreams(parts: WordParts): { WordDocument: Uint8Array; '1Table': Uint8Array } {
  const footnotes = parts.footnotes ?? '';
  const headers = (parts.header ?? '') + (parts.footer ?? '');
  const comments = parts.comments ?? '';
  const all = `${parts.body}${footnotes}${headers}${comments}\r`;
  const textStart = 0x800;
  const text = Buffer.from(all, 'utf16le');
  const fkpPage = Math.ceil((textStart + text.length) / 512);
  const word = new Uint8Array((fkpPage + 1) * 512);
  const view = new DataView(word.buffer);
  view.setUint16(0, 0xa5ec, true);
  view.setUint16(2, 0xc1, true);
  view.setUint16(0x0a, 0x0200 | (parts.encrypted === true ? 0x0100 : 0), true);
  view.setUint32(0x18, textStart, true);
  view.setUint32(0x4c, parts.body.length, true);
  view.setUint32(0x50, footnotes.length, true);
  view.setUint32(0x54, headers.length, true);
  view.setUint32(0x5c, comments.length, true);
  word.set(text, textStart);

  // Paragraph properties: the row-end marks (the second \x07 in a row) carry sprmPFTtp.
  const fc = (cp: number): number => textStart + cp * 2;
  const boundaries = [fc(0)];
  for (let cp = 1; cp < parts.body.length; cp += 1) {
    if (parts.body[cp] === '\x07' && parts.body[cp - 1] === '\x07') boundaries.push(fc(cp), fc(cp + 1));
  }
  boundaries.push(fc(all.length));
  const fkp = new Uint8Array(512);
  const fkpView = new DataView(fkp.buffer);
  const runs = boundaries.length - 1;
  boundaries.forEach((value, index) => fkpView.setUint32(index * 4, value, true));
  fkp.set([0, 1, 0, 0], 480); // a PAPX with only a style index
  fkp.set([3, 0, 0, 0x17, 0x24, 0x01], 496); // a PAPX with sprmPFTtp = 1
  for (let run = 0; run < runs; run += 1) {
    const isRowEnd = run % 2 === 1;
    fkp[(runs + 1) * 4 + run * 13] = (isRowEnd ? 496 : 480) / 2;
  }
  fkp[511] = runs;
  word.set(fkp, fkpPage * 512);

  const table: number[] = [];
  const u32 = (value: number): void => {
    table.push(value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff);
  };
  // The piece table: one piece, all the text, UTF-16 at textStart.
  const clxAt = table.length;
  table.push(2);
  u32(16);
  u32(0);
  u32(all.length);
  table.push(0, 0);
  u32(textStart);
  table.push(0, 0);
  const clxLength = table.length - clxAt;
  // Header stories: six separators, then even/odd header, even/odd footer, first header/footer.
  const hddAt = table.length;
  const header = (parts.header ?? '').length;
  const footer = (parts.footer ?? '').length;
  for (const cp of [0, 0, 0, 0, 0, 0, 0, 0, header, header, header + footer, header + footer, header + footer, header + footer]) u32(cp);
  const hddLength = headers.length > 0 ? table.length - hddAt : 0;
  const papxAt = table.length;
  u32(fc(0));
  u32(fc(all.length));
  u32(fkpPage);

  view.setUint32(0xf2, hddAt, true);
  view.setUint32(0xf6, hddLength, true);
  view.setUint32(0x102, papxAt, true);
  view.setUint32(0x106, 12, true);
  view.setUint32(0x1a2, clxAt, true);
  view.setUint32(0x1a6, clxLength, true);
  return { WordDocument: padded(word), '1Table': padded(Uint8Array.from(table)) };
}

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
