/**
 * Word and WPS files → the plan's text.
 *
 * A .docx is read from its XML here rather than by a text extractor, because a
 * plan's outline is often Word's automatic list numbering (一、 and （一） set as
 * a numbering format, not typed), which plain extraction drops: each numbered
 * paragraph gets its label rendered from word/numbering.xml, as Word shows it.
 *
 * Binary .doc and .wps (WPS Office writes the Word 97 format, with streams of
 * its own beside Word's) go to word-extractor, which reads the text pieces but
 * not list numbering: labels set as numbering in those files are lost.
 *
 * Headers, footers, notes and comments go to `removed`, never to the text.
 */
import { unzipSync } from 'fflate';
import { AtlasError } from '../../src/model/errors.ts';
import { plausibleTitle } from './positioned-text.ts';
import type { Extracted, ExtractedFacts, RemovedPart } from './types.ts';
import { attr, child, childElements, children, descendants, parseXml, textOf, type XmlElement } from './xml.ts';

const zipSignature = [0x50, 0x4b, 0x03, 0x04];
const oleSignature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean =>
  signature.every((byte, index) => bytes[index] === byte);

const resaveHint = 'open it in Word or WPS and save it again as .docx, then add that file instead';

/** A Word file whose body has no text is pictures of pages: a scan pasted into Word. */
function refuseEmpty(text: string): void {
  if (text.trim().length > 0) return;
  throw new AtlasError(
    'scanned-word',
    'this Word file holds no text in its body (its pages are pictures?): it is a scan',
    'OCR the pictures, or type the text into a .txt file and add that',
  );
}

export async function extractWord(bytes: Uint8Array): Promise<Extracted> {
  if (startsWith(bytes, zipSignature)) return extractDocx(bytes);
  if (startsWith(bytes, oleSignature)) return extractOle(bytes);
  throw new AtlasError(
    'unreadable-word',
    'this is neither a .docx (a zip) nor a .doc or .wps (an OLE compound file)',
    resaveHint,
  );
}

// ─── .docx ──────────────────────────────────────────────────────────────────

const decodeXml = (bytes: Uint8Array): string => {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
};

/** The parts of a .docx this reads; the rest (images, fonts, themes) is never inflated. */
const wantedPart = /^(?:word\/(?:document|numbering|styles|footnotes|endnotes|comments)\.xml|word\/(?:header|footer)\d*\.xml|docProps\/core\.xml)$/u;

function extractDocx(bytes: Uint8Array): Extracted {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => wantedPart.test(file.name) });
  } catch (error) {
    throw new AtlasError(
      'unreadable-word',
      `this .docx is damaged: its zip cannot be read (${(error as Error).message})`,
      'download the file again; if it still fails, ' + resaveHint,
    );
  }
  const read = (name: string): XmlElement | undefined => {
    const part = files[name];
    if (part === undefined) return undefined;
    try {
      return parseXml(decodeXml(part));
    } catch {
      return undefined;
    }
  };
  const documentRoot = read('word/document.xml');
  const body = child(documentRoot, 'body');
  if (documentRoot === undefined || body === undefined) {
    throw new AtlasError('unreadable-word', 'this .docx has no readable word/document.xml', 'download the file again; if it still fails, ' + resaveHint);
  }
  const styles = readStyles(read('word/styles.xml'));
  const definitions = readNumbering(read('word/numbering.xml'), styles);

  const bodyLines = new DocxRenderer(definitions, styles).blocks(body);

  const removed: RemovedPart[] = [];
  const seen = new Set<string>();
  const remove = (text: string, rule: string): void => {
    const key = `${rule}\u0000${text}`;
    if (text.length === 0 || seen.has(key)) return;
    seen.add(key);
    removed.push({ text, rule });
  };
  const partNumber = (name: string): number => Number(/(\d+)\.xml$/u.exec(name)?.[1] ?? 0);
  for (const [prefix, rule] of [
    ['header', 'page-header'],
    ['footer', 'page-footer'],
  ] as const) {
    const names = Object.keys(files)
      .filter((name) => new RegExp(`^word/${prefix}\\d*\\.xml$`, 'u').test(name))
      .sort((a, b) => partNumber(a) - partNumber(b));
    for (const name of names) {
      const root = read(name);
      if (root !== undefined) remove(joinParts(new DocxRenderer(definitions, styles).blocks(root)), rule);
    }
  }
  for (const [part, element, rule] of [
    ['word/footnotes.xml', 'footnote', 'footnote'],
    ['word/endnotes.xml', 'endnote', 'endnote'],
    ['word/comments.xml', 'comment', 'comment'],
  ] as const) {
    const root = read(part);
    if (root === undefined) continue;
    for (const note of children(root, element)) {
      // Separator "notes" hold the rule drawn above the notes, no text.
      const type = attr(note, 'type');
      if (type !== undefined && type !== 'normal') continue;
      remove(joinParts(new DocxRenderer(definitions, styles).blocks(note)), rule);
    }
  }

  refuseEmpty(bodyLines.join(''));
  const facts: ExtractedFacts = {};
  const core = read('docProps/core.xml');
  const title = core === undefined ? undefined : child(core, 'title');
  if (title !== undefined) {
    const value = textOf(title).trim();
    if (plausibleTitle(value)) facts.title = value;
  }
  return { format: 'docx', text: bodyLines.join('\n'), removed, facts, attachments: [], review: null };
}

/** A header's or a note's paragraphs as one removed piece. */
const joinParts = (lines: readonly string[]): string => lines.join(' ').replace(/\s+/gu, ' ').trim();

/** The w:val of an element, when both are there. */
const val = (element: XmlElement | undefined): string | undefined => (element === undefined ? undefined : attr(element, 'val'));

interface StyleInfo {
  basedOn?: string;
  numId?: string;
  ilvl?: number;
}

interface Styles {
  byId: Map<string, StyleInfo>;
  /** The paragraph style a paragraph without w:pStyle has. */
  defaultParagraph?: string;
}

function readStyles(root: XmlElement | undefined): Styles {
  const styles: Styles = { byId: new Map() };
  for (const style of children(root, 'style')) {
    const id = attr(style, 'styleId');
    if (id === undefined) continue;
    const info: StyleInfo = {};
    const basedOn = val(child(style, 'basedOn'));
    if (basedOn !== undefined) info.basedOn = basedOn;
    const numPr = child(child(style, 'pPr'), 'numPr');
    const numId = val(child(numPr, 'numId'));
    if (numId !== undefined) info.numId = numId;
    const ilvl = val(child(numPr, 'ilvl'));
    if (ilvl !== undefined) info.ilvl = Number(ilvl) || 0;
    styles.byId.set(id, info);
    const isDefault = attr(style, 'default');
    if (attr(style, 'type') === 'paragraph' && (isDefault === '1' || isDefault === 'true' || isDefault === 'on')) styles.defaultParagraph = id;
  }
  return styles;
}

interface Level {
  start: number;
  format: string;
  /** w:lvlText, e.g. "%1、" or "（%1）"; null when the level prints nothing. */
  text: string | null;
  /** w:lvlRestart: the 1-based level whose use restarts this one; 0 never; null the default (any higher level). */
  restart: number | null;
  /** w:isLgl: every level's number shown in decimal (1.1.2 style). */
  legal: boolean;
  /** What separates the label from the text. */
  suffix: string;
  /** A paragraph style tied to this level. */
  style?: string;
}

interface NumInstance {
  abstractId: string;
  starts: Map<number, number>;
  levels: Map<number, Level>;
}

interface Numbering {
  abstracts: Map<string, { levels: Map<number, Level>; styleLink?: string }>;
  nums: Map<string, NumInstance>;
  styles: Styles;
}

const onOff = (element: XmlElement | undefined): boolean => {
  if (element === undefined) return false;
  const value = attr(element, 'val');
  return value === undefined || !['0', 'false', 'off'].includes(value);
};

function readLevel(lvl: XmlElement): Level {
  // Word 2010 writes new formats in mc:AlternateContent with the old one as fallback.
  let numFmt = child(lvl, 'numFmt');
  if (numFmt === undefined) {
    const alternate = child(lvl, 'AlternateContent');
    numFmt = child(child(alternate, 'Fallback'), 'numFmt') ?? child(child(alternate, 'Choice'), 'numFmt');
  }
  const restart = val(child(lvl, 'lvlRestart'));
  const level: Level = {
    // Omitted, the start is 0 (ECMA-376 17.9.25).
    start: Number(val(child(lvl, 'start')) ?? 0) || 0,
    format: val(numFmt) ?? 'decimal',
    text: val(child(lvl, 'lvlText')) ?? null,
    restart: restart === undefined ? null : Number(restart) || 0,
    legal: onOff(child(lvl, 'isLgl')),
    suffix: val(child(lvl, 'suff')) ?? 'tab',
  };
  const styleId = val(child(lvl, 'pStyle'));
  if (styleId !== undefined) level.style = styleId;
  return level;
}

function readNumbering(root: XmlElement | undefined, styles: Styles): Numbering {
  const numbering: Numbering = { abstracts: new Map(), nums: new Map(), styles };
  for (const abstract of children(root, 'abstractNum')) {
    const id = attr(abstract, 'abstractNumId');
    if (id === undefined) continue;
    const levels = new Map<number, Level>();
    for (const lvl of children(abstract, 'lvl')) levels.set(Number(attr(lvl, 'ilvl') ?? 0), readLevel(lvl));
    const entry: { levels: Map<number, Level>; styleLink?: string } = { levels };
    const linkId = val(child(abstract, 'numStyleLink'));
    if (linkId !== undefined) entry.styleLink = linkId;
    numbering.abstracts.set(id, entry);
  }
  for (const num of children(root, 'num')) {
    const id = attr(num, 'numId');
    const abstractId = val(child(num, 'abstractNumId'));
    if (id === undefined || abstractId === undefined) continue;
    const instance: NumInstance = { abstractId, starts: new Map(), levels: new Map() };
    for (const override of children(num, 'lvlOverride')) {
      const ilvl = Number(attr(override, 'ilvl') ?? 0);
      const start = val(child(override, 'startOverride'));
      if (start !== undefined) instance.starts.set(ilvl, Number(start) || 0);
      const lvl = child(override, 'lvl');
      if (lvl !== undefined) instance.levels.set(ilvl, readLevel(lvl));
    }
    numbering.nums.set(id, instance);
  }
  return numbering;
}

/** A paragraph style's numbering, through its w:basedOn chain. */
function styleNumbering(styles: Styles, styleId: string | undefined): { numId: string; ilvl?: number; style: string } | null {
  const visited = new Set<string>();
  let id = styleId;
  while (id !== undefined && !visited.has(id)) {
    visited.add(id);
    const style = styles.byId.get(id);
    if (style === undefined) return null;
    if (style.numId !== undefined) {
      const found: { numId: string; ilvl?: number; style: string } = { numId: style.numId, style: id };
      if (style.ilvl !== undefined) found.ilvl = style.ilvl;
      return found;
    }
    id = style.basedOn;
  }
  return null;
}

// Number formats Word offers, as Word prints them.
const hanDigits = '〇一二三四五六七八九';
const legalDigits = '零壹贰叁肆伍陆柒捌玖';
const legalTraditionalDigits = '零壹貳參肆伍陸柒捌玖';

function hanCounting(value: number, digits: string, units: readonly string[], dropLeadingOne: boolean): string {
  if (value === 0) return digits[0] as string;
  if (value < 0 || value >= 100000) return String(value);
  const places = [...String(value)].map(Number);
  let out = '';
  let pendingZero = false;
  places.forEach((digit, index) => {
    const unit = places.length - 1 - index;
    if (digit === 0) {
      pendingZero = out.length > 0;
      return;
    }
    // A skipped place reads 零, in counting as in legal numerals: 一百零五.
    if (pendingZero) out += '零';
    pendingZero = false;
    out += (digits[digit] as string) + (units[unit] as string);
  });
  // 十一, not 一十一.
  if (dropLeadingOne && value >= 10 && value < 20) out = out.slice(1);
  return out;
}

const romanNumeral = (value: number): string => {
  if (value <= 0 || value >= 4000) return String(value);
  const table: Array<[number, string]> = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let rest = value;
  let out = '';
  for (const [amount, letters] of table) {
    while (rest >= amount) {
      out += letters;
      rest -= amount;
    }
  }
  return out;
};

/** Word's letters: A…Z, then AA, BB…, then AAA. */
const letterNumeral = (value: number): string => {
  if (value <= 0) return String(value);
  const letter = String.fromCharCode(65 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
};

/** A character from a run Unicode encodes one number each (①…⑳), or the decimal past its end. */
const enclosed = (value: number, first: string, count: number): string =>
  value >= 1 && value <= count ? String.fromCodePoint((first.codePointAt(0) as number) + value - 1) : String(value);

const circled = (value: number): string => {
  if (value >= 1 && value <= 20) return enclosed(value, '①', 20);
  if (value >= 21 && value <= 35) return String.fromCodePoint(0x3251 + value - 21);
  if (value >= 36 && value <= 50) return String.fromCodePoint(0x32b1 + value - 36);
  return String(value);
};

const smallUnits = ['', '十', '百', '千', '万'] as const;

export function formatNumber(value: number, format: string): string {
  switch (format) {
    case 'decimal':
    case 'decimalHalfWidth':
    case 'cardinalText':
    case 'ordinal':
    case 'ordinalText':
      return String(value);
    case 'decimalZero':
      return value >= 0 && value < 10 ? `0${value}` : String(value);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(value)].map((char) => (/\d/u.test(char) ? String.fromCharCode(0xff10 + Number(char)) : char)).join('');
    case 'upperRoman':
      return romanNumeral(value);
    case 'lowerRoman':
      return romanNumeral(value).toLowerCase();
    case 'upperLetter':
      return letterNumeral(value);
    case 'lowerLetter':
      return letterNumeral(value).toLowerCase();
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseCountingTenThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'koreanCounting':
      return hanCounting(value, hanDigits, smallUnits, true);
    case 'chineseLegalSimplified':
      return hanCounting(value, legalDigits, ['', '拾', '佰', '仟', '万'], false);
    case 'ideographLegalTraditional':
      return hanCounting(value, legalTraditionalDigits, ['', '拾', '佰', '仟', '萬'], false);
    case 'ideographDigital':
    case 'japaneseDigitalTenThousand':
    case 'taiwaneseDigital':
    case 'koreanDigital':
      return [...String(value)].map((char) => hanDigits[Number(char)] ?? char).join('');
    case 'ideographTraditional':
      return value >= 1 ? ('甲乙丙丁戊己庚辛壬癸'[(value - 1) % 10] as string) : String(value);
    case 'ideographZodiac':
      return value >= 1 ? ('子丑寅卯辰巳午未申酉戌亥'[(value - 1) % 12] as string) : String(value);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return circled(value);
    case 'decimalEnclosedParen':
      return enclosed(value, '⑴', 20);
    case 'decimalEnclosedFullstop':
      return enclosed(value, '⒈', 20);
    case 'ideographEnclosedCircle':
      return enclosed(value, '㊀', 10);
    case 'none':
      return '';
    default:
      return String(value);
  }
}

/** Renders a .docx body (or a header, a note) to lines, numbering labels included. */
class DocxRenderer {
  /** Per list, the last number printed at each level; undefined for a level not yet used. */
  private readonly counters = new Map<string, Array<number | undefined>>();
  /** List instance and level pairs already used: a startOverride applies at an instance's first paragraph of the level. */
  private readonly started = new Set<string>();

  private readonly numbering: Numbering;
  private readonly styles: Styles;

  constructor(numbering: Numbering, styles: Styles) {
    this.numbering = numbering;
    this.styles = styles;
  }

  /** Block content: paragraphs, tables, content controls. */
  blocks(container: XmlElement): string[] {
    const lines: string[] = [];
    for (const element of childElements(container)) {
      switch (element.local) {
        case 'p':
          lines.push(...this.paragraph(element));
          break;
        case 'tbl':
          lines.push(...this.table(element));
          break;
        case 'sdt':
          lines.push(...this.blocks(child(element, 'sdtContent') ?? element));
          break;
        case 'customXml':
        case 'sdtContent':
        case 'ins':
        case 'moveTo':
        case 'txbxContent':
        case 'body':
          lines.push(...this.blocks(element));
          break;
        case 'AlternateContent': {
          const choice = child(element, 'Choice') ?? child(element, 'Fallback');
          if (choice !== undefined) lines.push(...this.blocks(choice));
          break;
        }
        default:
          break;
      }
    }
    return lines;
  }

  /** One line per row, its non-empty cells joined by two spaces. */
  private table(table: XmlElement): string[] {
    const lines: string[] = [];
    const rows = (container: XmlElement): XmlElement[] =>
      childElements(container).flatMap((element) => {
        if (element.local === 'tr') return [element];
        if (element.local === 'sdt') return rows(child(element, 'sdtContent') ?? element);
        if (element.local === 'customXml') return rows(element);
        return [];
      });
    for (const row of rows(table)) {
      const cells = childElements(row).flatMap((element) => {
        if (element.local === 'tc') return [element];
        if (element.local === 'sdt') return children(child(element, 'sdtContent'), 'tc');
        return [];
      });
      const texts = cells.map((cell) => this.blocks(cell).join(' ').trim()).filter((text) => text.length > 0);
      if (texts.length > 0) lines.push(texts.join('  '));
    }
    return lines;
  }

  private paragraph(p: XmlElement): string[] {
    const pPr = child(p, 'pPr');
    const { label, suffix } = this.label(pPr);
    const boxes: string[] = [];
    const text = this.inline(p, boxes);
    const lines = text
      .split('\n')
      .map((line) => line.replace(/^[ \t]+|[ \t]+$/gu, ''))
      .filter((line) => line.length > 0);
    if (label.length > 0) {
      if (lines.length === 0) lines.push(label);
      // A bare Latin number or letter (1.1, A) would run into the text: a space, as Word's tab or space shows; 一、 （一） ① need none.
      else lines[0] = label + (suffix !== 'nothing' && /[A-Za-z0-9]$/u.test(label) ? ' ' : '') + lines[0];
    }
    return [...lines, ...boxes];
  }

  /** The paragraph's runs as text; text boxes anchored in it are rendered into `boxes`. */
  private inline(container: XmlElement, boxes: string[]): string {
    let out = '';
    for (const element of childElements(container)) {
      switch (element.local) {
        case 'r':
          out += this.run(element, boxes);
          break;
        case 'hyperlink':
        case 'smartTag':
        case 'customXml':
        case 'ins':
        case 'moveTo':
        case 'fldSimple':
        case 'sdtContent':
        case 'dir':
        case 'bdo':
          out += this.inline(element, boxes);
          break;
        case 'sdt':
          out += this.inline(child(element, 'sdtContent') ?? element, boxes);
          break;
        case 'oMath':
        case 'oMathPara':
          out += descendants(element, 't').map(textOf).join('');
          break;
        case 'AlternateContent': {
          const choice = child(element, 'Choice') ?? child(element, 'Fallback');
          if (choice !== undefined) out += this.inline(choice, boxes);
          break;
        }
        default:
          // pPr, del, moveFrom, bookmarks, comment ranges, proofing marks: no text.
          break;
      }
    }
    return out;
  }

  private run(run: XmlElement, boxes: string[]): string {
    const rPr = child(run, 'rPr');
    if (onOff(child(rPr, 'vanish')) || onOff(child(rPr, 'specVanish'))) return '';
    let out = '';
    for (const element of childElements(run)) {
      switch (element.local) {
        case 't':
          out += textOf(element);
          break;
        case 'tab':
        case 'ptab':
          out += '\t';
          break;
        case 'br':
        case 'cr':
          out += '\n';
          break;
        case 'noBreakHyphen':
          out += '-';
          break;
        case 'ruby':
          // Phonetic guide: the base text is the text; the annotation above it is not.
          out += this.inline(child(element, 'rubyBase') ?? element, boxes);
          break;
        case 'drawing':
        case 'pict':
        case 'object':
        case 'AlternateContent':
          this.textBoxes(element, boxes);
          break;
        default:
          // rPr, fldChar, instrText (field codes), delText, note references, symbols.
          break;
      }
    }
    return out;
  }

  /** Text boxes keep their text: each becomes lines after the paragraph that anchors it. */
  private textBoxes(element: XmlElement, boxes: string[]): void {
    if (element.local === 'AlternateContent') {
      // Choice and Fallback hold the same box twice (DrawingML and VML): read one.
      const choice = child(element, 'Choice') ?? child(element, 'Fallback');
      if (choice !== undefined) for (const inner of childElements(choice)) this.textBoxes(inner, boxes);
      return;
    }
    if (element.local === 'txbxContent') {
      boxes.push(...this.blocks(element));
      return;
    }
    for (const inner of childElements(element)) this.textBoxes(inner, boxes);
  }

  /** The paragraph's numbering label, as Word renders it; '' when it has none. */
  private label(pPr: XmlElement | undefined): { label: string; suffix: string } {
    const none = { label: '', suffix: 'nothing' };
    const numPr = child(pPr, 'numPr');
    const styleId = val(child(pPr, 'pStyle')) ?? this.styles.defaultParagraph;
    let numId = val(child(numPr, 'numId'));
    const directLevel = val(child(numPr, 'ilvl'));
    let ilvl = directLevel === undefined ? undefined : Number(directLevel) || 0;
    let viaStyle: string | undefined;
    if (numId === undefined) {
      const fromStyle = styleNumbering(this.styles, styleId);
      if (fromStyle !== null) {
        numId = fromStyle.numId;
        viaStyle = fromStyle.style;
        if (ilvl === undefined && fromStyle.ilvl !== undefined) ilvl = fromStyle.ilvl;
      }
    } else if (ilvl === undefined) {
      ilvl = styleNumbering(this.styles, styleId)?.ilvl;
    }
    if (numId === undefined || numId === '0') return none;
    const instance = this.numbering.nums.get(numId);
    if (instance === undefined) return none;
    const { id: abstractId, levels } = this.levels(instance.abstractId);
    if (ilvl === undefined && viaStyle !== undefined) {
      // A heading style tied to a list level through the level's w:pStyle.
      for (const [index, level] of levels) if (level.style === viaStyle) ilvl = index;
    }
    const at = Math.max(0, Math.min(8, ilvl ?? 0));
    const levelAt = (index: number): Level | undefined => instance.levels.get(index) ?? levels.get(index);
    const level = levelAt(at);
    if (level === undefined) return none;

    // Word counts per abstract list: every instance (w:num) of it continues one sequence, and an
    // instance's startOverride sets that sequence anew where the instance is first used at the level.
    const counters = this.counters.get(abstractId) ?? [];
    this.counters.set(abstractId, counters);
    const startAt = (index: number): number => instance.starts.get(index) ?? levelAt(index)?.start ?? 0;
    const firstUse = !this.started.has(`${numId}:${at}`);
    this.started.add(`${numId}:${at}`);
    const previous = counters[at];
    counters[at] = (firstUse && instance.starts.has(at)) || previous === undefined ? startAt(at) : previous + 1;
    for (let deeper = at + 1; deeper < 9; deeper += 1) {
      const restart = levelAt(deeper)?.restart ?? null;
      if (restart === 0) continue;
      if (restart === null || at < restart) counters[deeper] = undefined;
    }
    if (level.text === null) return none;
    const label = level.text.replace(/%([1-9])/gu, (_, digit: string) => {
      const index = Number(digit) - 1;
      const value = counters[index] ?? startAt(index);
      const format = level.legal ? 'decimal' : (levelAt(index)?.format ?? 'decimal');
      return formatNumber(value, format);
    });
    return { label, suffix: level.suffix };
  }

  /** A list's levels and the id of the list that holds them, following w:numStyleLink to the list a numbering style defines. */
  private levels(abstractId: string): { id: string; levels: Map<number, Level> } {
    const visited = new Set<string>();
    let id = abstractId;
    for (;;) {
      const abstract = this.numbering.abstracts.get(id);
      if (abstract === undefined) return { id, levels: new Map() };
      if (abstract.styleLink === undefined || visited.has(id)) return { id, levels: abstract.levels };
      visited.add(id);
      const linked = styleNumbering(this.numbering.styles, abstract.styleLink);
      const target = linked === null ? undefined : this.numbering.nums.get(linked.numId)?.abstractId;
      if (target === undefined) return { id, levels: abstract.levels };
      id = target;
    }
  }
}

// ─── .doc and .wps ──────────────────────────────────────────────────────────

/**
 * The streams of an OLE compound file (MS-CFB), enough to tell Word from WPS
 * and from other Office files, and to see encryption before word-extractor
 * would read ciphertext as text.
 */
interface OleFile {
  names: string[];
  read(name: string): Uint8Array | null;
}

const endOfChain = 0xfffffffe;

function readOleFile(bytes: Uint8Array): OleFile {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 512) throw new Error('shorter than its 512-byte header');
  const sectorShift = view.getUint16(0x1e, true);
  const miniShift = view.getUint16(0x20, true);
  if (sectorShift !== 9 && sectorShift !== 12) throw new Error(`bad sector size 2^${sectorShift}`);
  const sectorSize = 1 << sectorShift;
  const miniSize = 1 << miniShift;
  const fatCount = view.getUint32(0x2c, true);
  const firstDirectory = view.getUint32(0x30, true);
  const miniCutoff = view.getUint32(0x38, true);
  const firstMiniFat = view.getUint32(0x3c, true);
  let difatSector = view.getUint32(0x44, true);
  const sectorAt = (sector: number): Uint8Array => {
    const offset = (sector + 1) * sectorSize;
    if (offset >= bytes.length) throw new Error(`sector ${sector} is past the end of the file: it is cut short`);
    return bytes.subarray(offset, Math.min(offset + sectorSize, bytes.length));
  };
  const fatSectors: number[] = [];
  for (let index = 0; index < 109 && fatSectors.length < fatCount; index += 1) fatSectors.push(view.getUint32(0x4c + index * 4, true));
  for (let guard = 0; fatSectors.length < fatCount && difatSector < endOfChain && guard < 10000; guard += 1) {
    const sector = sectorAt(difatSector);
    const sectorView = new DataView(sector.buffer, sector.byteOffset, sector.byteLength);
    const perSector = sectorSize / 4 - 1;
    for (let index = 0; index < perSector && fatSectors.length < fatCount; index += 1) fatSectors.push(sectorView.getUint32(index * 4, true));
    difatSector = sectorView.getUint32(perSector * 4, true);
  }
  const fat: number[] = [];
  for (const sector of fatSectors) {
    const data = sectorAt(sector);
    const dataView = new DataView(data.buffer, data.byteOffset, data.byteLength);
    for (let offset = 0; offset + 4 <= data.length; offset += 4) fat.push(dataView.getUint32(offset, true));
  }
  const chain = (first: number, table: readonly number[]): number[] => {
    const sectors: number[] = [];
    const seen = new Set<number>();
    for (let sector = first; sector < endOfChain; sector = table[sector] ?? endOfChain) {
      if (seen.has(sector)) throw new Error('a sector chain loops');
      if (sector >= table.length) throw new Error(`sector ${sector} is past the allocation table`);
      seen.add(sector);
      sectors.push(sector);
    }
    return sectors;
  };
  const readChain = (first: number, size?: number): Uint8Array => {
    const sectors = chain(first, fat);
    const out = new Uint8Array(sectors.length * sectorSize);
    sectors.forEach((sector, index) => out.set(sectorAt(sector), index * sectorSize));
    if (size !== undefined && size > out.length) throw new Error('a stream is longer than its sectors: the file is cut short');
    return size === undefined ? out : out.subarray(0, size);
  };
  const directory = readChain(firstDirectory);
  const directoryView = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  interface Entry {
    name: string;
    type: number;
    start: number;
    size: number;
  }
  const entries: Entry[] = [];
  for (let offset = 0; offset + 128 <= directory.length; offset += 128) {
    const nameLength = Math.min(64, directoryView.getUint16(offset + 64, true));
    const type = directory[offset + 66] as number;
    if (type === 0) continue;
    const name = new TextDecoder('utf-16le').decode(directory.subarray(offset, offset + Math.max(0, nameLength - 2)));
    entries.push({ name, type, start: directoryView.getUint32(offset + 116, true), size: directoryView.getUint32(offset + 120, true) });
  }
  const root = entries.find((entry) => entry.type === 5);
  if (root === undefined) throw new Error('no root entry');
  let miniStream: Uint8Array | null = null;
  let miniFat: number[] | null = null;
  const readMini = (first: number, size: number): Uint8Array => {
    miniStream ??= readChain(root.start, root.size);
    if (miniFat === null) {
      const table = firstMiniFat < endOfChain ? readChain(firstMiniFat) : new Uint8Array(0);
      const tableView = new DataView(table.buffer, table.byteOffset, table.byteLength);
      miniFat = [];
      for (let offset = 0; offset + 4 <= table.length; offset += 4) miniFat.push(tableView.getUint32(offset, true));
    }
    const sectors = chain(first, miniFat);
    const out = new Uint8Array(sectors.length * miniSize);
    const stream = miniStream;
    sectors.forEach((sector, index) => out.set(stream.subarray(sector * miniSize, (sector + 1) * miniSize), index * miniSize));
    return out.subarray(0, size);
  };
  return {
    names: entries.map((entry) => entry.name),
    read(name: string): Uint8Array | null {
      const entry = entries.find((candidate) => candidate.type === 2 && candidate.name === name);
      if (entry === undefined) return null;
      return entry.size < miniCutoff ? readMini(entry.start, entry.size) : readChain(entry.start, entry.size);
    },
  };
}

const includesBytes = (haystack: Uint8Array, needle: Uint8Array): boolean => {
  outer: for (let index = 0; index + needle.length <= haystack.length; index += 1) {
    for (let offset = 0; offset < needle.length; offset += 1) if (haystack[index + offset] !== needle[offset]) continue outer;
    return true;
  }
  return false;
};

/**
 * WPS Office writes a WpsCustomData stream and a KSOProductBuildVer document
 * property (in DocumentSummaryInformation, stored in ANSI or UTF-16) into the
 * files it saves; Word writes neither.
 */
function isWps(ole: OleFile): boolean {
  if (ole.names.some((name) => name.toLowerCase() === 'wpscustomdata')) return true;
  const summary = ole.read('\u0005DocumentSummaryInformation');
  if (summary === null) return false;
  const marker = 'KSOProductBuildVer';
  return includesBytes(summary, new TextEncoder().encode(marker)) || includesBytes(summary, Uint8Array.from(Buffer.from(marker, 'utf16le')));
}

const unreadableOle = (detail: string): AtlasError =>
  new AtlasError('unreadable-word', `this .doc/.wps file cannot be read: ${detail}`, 'download the file again; if it still fails, ' + resaveHint);

async function extractOle(bytes: Uint8Array): Promise<Extracted> {
  let ole: OleFile;
  try {
    ole = readOleFile(bytes);
  } catch (error) {
    throw unreadableOle(`its OLE container is damaged (${(error as Error).message})`);
  }
  if (ole.names.includes('EncryptedPackage') || ole.names.includes('EncryptionInfo')) {
    throw new AtlasError('encrypted', 'this Word file is password-protected', 'ask the publisher for an unprotected copy, or open it with the password and save it again without one');
  }
  let wordDocument: Uint8Array | null;
  try {
    wordDocument = ole.read('WordDocument');
  } catch (error) {
    throw unreadableOle(`its WordDocument stream is damaged (${(error as Error).message})`);
  }
  if (wordDocument === null || wordDocument.length < 0x20) {
    const what = ole.names.includes('Workbook') || ole.names.includes('Book') ? 'an Excel workbook' : ole.names.includes('PowerPoint Document') ? 'a PowerPoint file' : 'not a Word document';
    throw unreadableOle(`it has no WordDocument stream: it is ${what}`);
  }
  const fib = new DataView(wordDocument.buffer, wordDocument.byteOffset, wordDocument.byteLength);
  const ident = fib.getUint16(0, true);
  if (ident !== 0xa5ec) {
    throw new AtlasError(
      'unreadable-word',
      `this is a Word file older than Word 97 (its header is 0x${ident.toString(16)}), which the reader does not handle`,
      resaveHint,
    );
  }
  // FIB flags: fEncrypted (0x0100) also covers the XOR obfuscation (0x8000).
  if ((fib.getUint16(0x0a, true) & 0x0100) !== 0) {
    throw new AtlasError('encrypted', 'this Word file is password-protected', 'ask the publisher for an unprotected copy, or open it with the password and save it again without one');
  }
  const format = isWps(ole) ? 'wps' : 'doc';

  const { default: WordExtractor } = await import('word-extractor');
  let document: Awaited<ReturnType<InstanceType<typeof WordExtractor>['extract']>>;
  try {
    document = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw unreadableOle((error as Error).message);
  }
  const keepQuotes = { filterUnicode: false };
  const text = oleLines(document.getBody(keepQuotes)).join('\n');
  refuseEmpty(text);
  const removed: RemovedPart[] = [];
  const seen = new Set<string>();
  const remove = (raw: string, rule: string): void => {
    for (const line of oleLines(raw)) {
      const key = `${rule}\u0000${line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      removed.push({ text: line, rule });
    }
  };
  remove(document.getHeaders({ ...keepQuotes, includeFooters: false }), 'page-header');
  remove(document.getFooters(keepQuotes), 'page-footer');
  remove(document.getFootnotes(keepQuotes), 'footnote');
  remove(document.getEndnotes(keepQuotes), 'endnote');
  remove(document.getAnnotations(keepQuotes), 'comment');
  // word-extractor gives text boxes apart from the body, without their place in it: listed, so a person can look.
  remove(document.getTextboxes({ ...keepQuotes, includeHeadersAndFooters: false }), 'text-box');
  return { format, text, removed, facts: {}, attachments: [], review: null };
}

/**
 * word-extractor's text: paragraphs end in \n, table cells in \t. A line with
 * cells becomes one row, its non-empty cells joined by two spaces.
 */
function oleLines(raw: string): string[] {
  return raw
    .split(/\r\n|\r|\n/u)
    .map((line) =>
      line
        .split('\t')
        .map((cell) => cell.replace(/^[ \u00a0]+|[ \u00a0]+$/gu, ''))
        .filter((cell) => cell.length > 0)
        .join('  '),
    )
    .filter((line) => line.length > 0);
}
