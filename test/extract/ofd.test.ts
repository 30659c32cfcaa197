import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { failure } from './failure.ts';
import { extractOfd, parseDeltas } from '../../scripts/extract/ofd.ts';


const ns = 'xmlns:ofd="http://www.ofdspec.org/2016"';
const escape = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

/** Font size in millimetres (about 15 points) and the text column of an A4 page, as OFD converters lay out official documents. */
const size = 5.3;
const left = 28;
const columnChars = 29;
const linePitch = 9.5;
const firstBaseline = 45;
const linesPerPage = 24;

let nextId = 10;

/** One text object holding one run; the characters advance by DeltaX ("g" compressed), the baseline at TextCode Y. */
function textObject(text: string, x: number, baseline: number, options: { deltas?: string; ctm?: string } = {}): string {
  const chars = [...text];
  const deltas = options.deltas ?? (chars.length > 1 ? `g ${chars.length - 1} ${size}` : '');
  const top = baseline - 0.85 * size;
  const ctm = options.ctm === undefined ? '' : ` CTM="${options.ctm}"`;
  nextId += 1;
  return (
    `<ofd:TextObject ID="${nextId}" Boundary="${x} ${top} ${chars.length * size + 1} ${size * 1.2}" Font="3" Size="${size}"${ctm}>` +
    `<ofd:FillColor Value="0 0 0"/>` +
    `<ofd:TextCode X="0" Y="${0.85 * size}"${deltas === '' ? '' : ` DeltaX="${deltas}"`}>${escape(text)}</ofd:TextCode></ofd:TextObject>`
  );
}

const pageXml = (objects: readonly string[], template = true): string =>
  `<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${ns}>` +
  (template ? '<ofd:Template TemplateID="2" ZOrder="Background"/>' : '') +
  `<ofd:Content><ofd:Layer ID="5">${objects.join('')}</ofd:Layer></ofd:Content></ofd:Page>`;

/** Typesets paragraphs as an OFD converter would: wrapped to the column, the first line indented two characters, pages of fixed length. */
function typeset(paragraphs: ReadonlyArray<{ text: string; indent: boolean }>): string[][] {
  const pages: string[][] = [[]];
  let line = 0;
  for (const paragraph of paragraphs) {
    let rest = [...paragraph.text];
    let first = true;
    while (rest.length > 0) {
      const indent = first && paragraph.indent ? 2 : 0;
      const take = columnChars - indent;
      if (line === linesPerPage) {
        pages.push([]);
        line = 0;
      }
      (pages.at(-1) as string[]).push(textObject(rest.slice(0, take).join(''), left + indent * size, firstBaseline + line * linePitch));
      rest = rest.slice(take);
      first = false;
      line += 1;
    }
  }
  return pages;
}

function ofdFile(pages: readonly string[][], options: { template?: boolean; pageNumbers?: boolean } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'OFD.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ${ns} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>4f1c</ofd:DocID><ofd:Title>某某区教育局2024年工作要点</ofd:Title><ofd:CreationDate>2024-03-01</ofd:CreationDate></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
    ),
    'Doc_0/Document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><ofd:Document ${ns}><ofd:CommonData><ofd:MaxUnitID>999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData><ofd:Pages>` +
        // The first page by a relative location, the others by absolute ones: converters write both.
        pages.map((_, index) => `<ofd:Page ID="${100 + index}" BaseLoc="${index === 0 ? '' : '/Doc_0/'}Pages/Page_${index}/Content.xml"/>`).join('') +
        '</ofd:Pages></ofd:Document>',
    ),
    'Doc_0/PublicRes.xml': strToU8(`<ofd:Res ${ns} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="3" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>`),
    'Doc_0/Tpls/Tpl_0/Content.xml': strToU8(pageXml([textObject('某某区教育局', 150, 20)], false)),
    'Doc_0/Res/font_3.ttf': new Uint8Array([0, 1, 0, 0]),
  };
  pages.forEach((objects, index) => {
    const number = options.pageNumbers === false ? [] : [textObject(`- ${index + 1} -`, 100, 280, { deltas: `${size / 2} ${size / 2} ${size / 2} ${size / 2}` })];
    files[`Doc_0/Pages/Page_${index}/Content.xml`] = strToU8(pageXml([...objects, ...number], options.template !== false));
  });
  return zipSync(files);
}

const plan: Array<{ text: string; indent: boolean }> = [
  { text: '某某区教育局2024年工作要点', indent: true },
  { text: '2024年全区教育工作的总体思路是：坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，落实立德树人根本任务，加快建设教育强区。', indent: true },
  { text: '一、总体要求', indent: true },
  { text: '坚持稳中求进工作总基调，统筹推进教育高质量发展，着力解决人民群众最关心最直接最现实的教育问题，努力办好人民满意的教育，为全区经济社会发展提供有力的人才支撑和智力保障。', indent: true },
  { text: '二、重点任务', indent: true },
  { text: '（一）加强党的建设。深入学习贯彻党的二十大精神，落实全面从严治党主体责任，推进清廉学校建设，把党的领导贯穿办学治校全过程各方面。', indent: true },
  { text: '（二）深化教育改革。推进教育评价改革，健全学校家庭社会协同育人机制，扩大优质教育资源覆盖面，促进义务教育优质均衡发展和城乡一体化，让每个孩子都能享有公平而有质量的教育。', indent: true },
  { text: '1.建设高素质专业化教师队伍。加强师德师风建设，完善教师培养培训体系，深化中小学教师“县管校聘”管理改革，落实教师工资待遇保障长效机制，提升乡村教师队伍整体素质。', indent: true },
  { text: '2.提升职业教育适应性。深化产教融合校企合作，推进中高职贯通培养，建设一批高水平专业群和实训基地，服务地方产业发展需要。', indent: true },
  { text: '三、保障措施', indent: true },
  { text: '加强组织领导，健全工作机制，强化经费保障，营造良好氛围。各级教育部门要把工作要点纳入年度重点工作，细化任务分工，压实工作责任。', indent: true },
];

describe('extractOfd', () => {
  it('places the characters, rebuilds the paragraphs across pages, and removes template headers and page numbers', async () => {
    const pages = typeset(plan);
    expect(pages.length, 'the plan runs over two pages').toBe(2);
    const extracted = await extractOfd(ofdFile(pages));
    expect(extracted.format).toBe('ofd');
    expect(extracted.pages).toBe(2);
    expect(extracted.text.split('\n')).toEqual(plan.map((paragraph) => paragraph.text));
    expect(extracted.removed).toEqual([
      { text: '某某区教育局', rule: 'page-header', page: 1 },
      { text: '- 1 -', rule: 'page-number', page: 1 },
      { text: '某某区教育局', rule: 'page-header', page: 2 },
      { text: '- 2 -', rule: 'page-number', page: 2 },
    ]);
    expect(extracted.facts).toEqual({ title: '某某区教育局2024年工作要点' });
    expect(extracted.review).toBeNull();
  });

  it('applies a text object\'s CTM and reads characters without DeltaX at an em for Chinese', async () => {
    const objects = [
      // Drawn at half size and scaled back up by the CTM.
      `<ofd:TextObject ID="1" Boundary="28 40 100 10" Size="2.65" CTM="2 0 0 2 0 0"><ofd:TextCode X="0" Y="2.25" DeltaX="g 5 2.65">一、总体要求</ofd:TextCode></ofd:TextObject>`,
      `<ofd:TextObject ID="2" Boundary="28 52 100 10" Size="5.3"><ofd:TextCode X="0" Y="4.5">坚持立德树人</ofd:TextCode></ofd:TextObject>`,
    ];
    const extracted = await extractOfd(ofdFile([objects], { template: false, pageNumbers: false }));
    expect(extracted.text).toBe('一、总体要求\n坚持立德树人');
    expect(extracted.removed).toEqual([]);
  });

  it('says an OFD file of images only is a scan', async () => {
    const image = '<ofd:ImageObject ID="9" Boundary="0 0 210 297" ResourceID="7"/>';
    const error = await failure(extractOfd(ofdFile([[image], [image]], { template: false, pageNumbers: false })));
    expect(error.code).toBe('scanned-ofd');
    expect(error.message).toBe('this OFD file has no text on any of its 2 pages: it is a scan');
  });

  it('refuses a zip without OFD.xml, and a damaged zip', async () => {
    const noEntry = zipSync({ 'Doc_0/Document.xml': strToU8('<ofd:Document/>') });
    expect((await failure(extractOfd(noEntry))).code).toBe('unreadable-ofd');
    const whole = ofdFile(typeset(plan));
    expect((await failure(extractOfd(whole.subarray(0, 200)))).code).toBe('unreadable-ofd');
  });

  it('refuses a document whose page file is missing', async () => {
    const files = zipSync({
      'OFD.xml': strToU8(`<ofd:OFD ${ns}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`),
      'Doc_0/Document.xml': strToU8(`<ofd:Document ${ns}><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>`),
    });
    const error = await failure(extractOfd(files));
    expect(error.code).toBe('unreadable-ofd');
    expect(error.message).toMatch(/page 1/u);
  });
});

describe('parseDeltas', () => {
  it('expands "g" runs and keeps plain numbers', () => {
    expect(parseDeltas('g 3 4.2 1 2.5')).toEqual([4.2, 4.2, 4.2, 1, 2.5]);
    expect(parseDeltas(undefined)).toEqual([]);
  });
});
