/**
 * OFD (GB/T 33190, the Chinese fixed-layout format many bureaus publish in) →
 * the plan's text. An OFD file is a zip: OFD.xml names the document
 * (DocBody/DocRoot), whose Document.xml lists the pages; each page's
 * Content.xml places text objects (ofd:TextObject, a Boundary box and a font
 * Size, holding ofd:TextCode runs with X, Y and per-character DeltaX). The
 * characters are placed on the page and handed to the same line and paragraph
 * rebuilding as PDF (scripts/extract/positioned-text.ts).
 *
 * Text on template pages (the background every page repeats: running headers,
 * footers) goes to `removed`. Units are millimetres throughout; the layout
 * works in ems and page fractions, so it does not mind.
 */
import { unzipSync } from 'fflate';
import { AtlasError } from '../../src/model/errors.ts';
import { buildLines, layoutPages, plausibleTitle, type LayoutPage, type TextRun } from './positioned-text.ts';
import type { Extracted, ExtractedFacts, RemovedPart } from './types.ts';
import { attr, child, children, descendants, parseXml, textOf, type XmlElement } from './xml.ts';

const unreadable = (detail: string): AtlasError =>
  new AtlasError('unreadable-ofd', `this OFD file cannot be read: ${detail}`, 'download the file again; if it still fails, look for the same plan as a PDF, a Word file or a web page');

/** A zip's entries by normalized path (no leading slash, no ./ or ../), with a case-blind fallback. */
class Package {
  private readonly files = new Map<string, Uint8Array>();
  private readonly folded = new Map<string, string>();

  constructor(entries: Record<string, Uint8Array>) {
    for (const [name, data] of Object.entries(entries)) {
      const path = normalizePath(name);
      this.files.set(path, data);
      this.folded.set(path.toLowerCase(), path);
    }
  }

  xml(path: string): XmlElement | undefined {
    const normalized = normalizePath(path);
    const data = this.files.get(normalized) ?? this.files.get(this.folded.get(normalized.toLowerCase()) ?? '');
    if (data === undefined) return undefined;
    try {
      return parseXml(new TextDecoder('utf-8').decode(data));
    } catch {
      return undefined;
    }
  }
}

function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.replaceAll('\\', '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/** A location in the package: absolute when it starts with /, else relative to the folder of the file that names it. */
const resolveLocation = (base: string, location: string): string =>
  location.startsWith('/') ? normalizePath(location) : normalizePath(`${base}/${location}`);

const folderOf = (path: string): string => normalizePath(path).split('/').slice(0, -1).join('/');

const textIn = (element: XmlElement | undefined): string => (element === undefined ? '' : textOf(element));

const numbers = (value: string | undefined): number[] =>
  (value ?? '')
    .trim()
    .split(/[\s,]+/u)
    .filter((token) => token.length > 0)
    .map(Number);

/** DeltaX / DeltaY: numbers, where "g 3 4.2" stands for 4.2 three times. */
export function parseDeltas(value: string | undefined): number[] {
  const tokens = (value ?? '').trim().split(/\s+/u).filter((token) => token.length > 0);
  const deltas: number[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    if (tokens[index] === 'g') {
      const count = Number(tokens[index + 1]);
      const delta = Number(tokens[index + 2]);
      if (Number.isFinite(count) && Number.isFinite(delta)) for (let times = 0; times < count; times += 1) deltas.push(delta);
      index += 2;
    } else {
      const delta = Number(tokens[index]);
      if (Number.isFinite(delta)) deltas.push(delta);
    }
  }
  return deltas;
}

const isWide = (char: string): boolean => /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(char);

/** The characters of a page's text objects, each placed on the page. */
function pageRuns(content: XmlElement | undefined): TextRun[] {
  if (content === undefined) return [];
  const runs: TextRun[] = [];
  for (const object of descendants(content, 'TextObject')) {
    const [boxX = 0, boxY = 0] = numbers(attr(object, 'Boundary'));
    const size = Number(attr(object, 'Size') ?? 0) || 3.5;
    const ctm = numbers(attr(object, 'CTM'));
    const [a, b, c, d, e, f] = ctm.length === 6 ? (ctm as [number, number, number, number, number, number]) : [1, 0, 0, 1, 0, 0];
    const scale = Math.hypot(c, d) || 1;
    for (const code of children(object, 'TextCode')) {
      const chars = [...textOf(code)];
      const deltaX = parseDeltas(attr(code, 'DeltaX'));
      const deltaY = parseDeltas(attr(code, 'DeltaY'));
      let x = Number(attr(code, 'X') ?? 0) || 0;
      let y = Number(attr(code, 'Y') ?? 0) || 0;
      chars.forEach((char, index) => {
        // Without DeltaX the font's own advance applies, which only the font knows: an em for Chinese, half for the rest.
        const advance = deltaX[index] ?? (isWide(char) ? size : size / 2);
        runs.push({
          text: char,
          x: boxX + a * x + c * y + e,
          y: boxY + b * x + d * y + f,
          width: Math.abs(a * advance) || advance,
          size: size * scale,
        });
        x += advance;
        y += deltaY[index] ?? 0;
      });
    }
  }
  return runs;
}

const box = (element: XmlElement | undefined): { width: number; height: number } | undefined => {
  const physical = child(element, 'PhysicalBox');
  if (physical === undefined) return undefined;
  const [, , width = 0, height = 0] = numbers(textOf(physical));
  return width > 0 && height > 0 ? { width, height } : undefined;
};

export async function extractOfd(bytes: Uint8Array): Promise<Extracted> {
  let files: Record<string, Uint8Array>;
  try {
    // Fonts, images and signatures are never inflated: only the XML.
    files = unzipSync(bytes, { filter: (file) => /\.xml$/iu.test(file.name) });
  } catch (error) {
    throw unreadable(`its zip is damaged (${(error as Error).message})`);
  }
  const pack = new Package(files);
  const ofd = pack.xml('OFD.xml');
  if (ofd === undefined) throw unreadable('it has no readable OFD.xml');
  // A file may hold several documents; the first is the published one.
  const body = child(ofd, 'DocBody');
  const rootLocation = textIn(child(body, 'DocRoot')).trim();
  if (rootLocation.length === 0) throw unreadable('its OFD.xml names no document (DocBody/DocRoot)');
  const documentPath = resolveLocation('', rootLocation);
  const document = pack.xml(documentPath);
  if (document === undefined) throw unreadable(`its document ${documentPath} is missing or damaged`);
  const documentFolder = folderOf(documentPath);

  const common = child(document, 'CommonData');
  const defaultArea = box(child(common, 'PageArea')) ?? { width: 210, height: 297 };
  const templates = new Map<string, XmlElement | undefined>();
  for (const template of children(common, 'TemplatePage')) {
    const id = attr(template, 'ID');
    const location = attr(template, 'BaseLoc');
    if (id !== undefined && location !== undefined) templates.set(id, pack.xml(resolveLocation(documentFolder, location)));
  }

  const pages: LayoutPage[] = [];
  const removed: RemovedPart[] = [];
  const pageList = children(child(document, 'Pages'), 'Page');
  for (const [index, entry] of pageList.entries()) {
    const location = attr(entry, 'BaseLoc');
    const page = location === undefined ? undefined : pack.xml(resolveLocation(documentFolder, location));
    if (page === undefined) throw unreadable(`page ${index + 1} (${location ?? 'no BaseLoc'}) is missing or damaged`);
    const area = box(child(page, 'Area')) ?? defaultArea;
    pages.push({ width: area.width, height: area.height, runs: pageRuns(child(page, 'Content')) });
    for (const use of children(page, 'Template')) {
      const template = templates.get(attr(use, 'TemplateID') ?? '');
      for (const line of buildLines(pageRuns(child(template, 'Content')), index + 1, { trustSpaces: true })) {
        removed.push({ text: line.printed, rule: line.y < area.height / 2 ? 'page-header' : 'page-footer', page: index + 1 });
      }
    }
  }

  // An OFD text code holds the characters as typed: its spaces are the author's.
  const layout = layoutPages(pages, { trustSpaces: true });
  if (pages.length > 0 && layout.emptyPages.length === pages.length) {
    throw new AtlasError(
      'scanned-ofd',
      `this OFD file has no text on any of its ${pages.length} page${pages.length === 1 ? '' : 's'}: it is a scan`,
      'OCR it, or type the text into a .txt file and add that',
    );
  }
  if (pages.length === 0) throw unreadable('its document lists no pages');

  const facts: ExtractedFacts = {};
  const title = textIn(child(child(body, 'DocInfo'), 'Title')).trim();
  if (plausibleTitle(title)) facts.title = title;

  const review =
    layout.emptyPages.length > 0
      ? `page${layout.emptyPages.length === 1 ? '' : 's'} ${layout.emptyPages.join(', ')} of ${pages.length} have no text (scanned images?): their text is missing`
      : null;
  const allRemoved = [...removed, ...layout.removed].sort((x, y) => (x.page ?? 0) - (y.page ?? 0));
  return { format: 'ofd', text: layout.text, removed: allRemoved, facts, attachments: [], review, pages: pages.length };
}
