/**
 * Extract a saved web page: a bureau's CMS article page → the plan's text.
 *
 * The body is found, in this order, by the marker pairs and containers that
 * content management systems print around it (scripts/genre/cms.yaml, most
 * specific first), and only then by a fallback: the block holding most of the
 * page's Chinese text, which a person is asked to check (`review`).
 *
 * Text keeps the page's paragraphs: block elements and <br> end a line, a table
 * row is one line with its cells joined by a tab, scripts, styles, hidden
 * elements and images give nothing. What the page shows outside the body is
 * listed in `removed`, one entry per top-level block: the disclosure table
 * (html-metadata; its 索引号, 文号, dates and 发布机构 become facts), the title
 * printed above the body (html-title; it is facts.title) and site chrome
 * (html-chrome: header, navigation, breadcrumbs, share bars, footer).
 * Links to documents (附件) become attachments.
 */
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import iconv from 'iconv-lite';
import { loadCmsGenre, type BodyMarker, type BodyRule, type CmsFact, type CmsGenre, type FieldLabel } from '../genre/cms.ts';
import { factNames, loadNoise } from '../genre/load-noise.ts';
import { AtlasError } from '../../src/model/errors.ts';
import { firstInvalidUtf8 } from '../../src/model/source-text.ts';
import type { Attachment, Extracted, ExtractedFacts, RemovedPart } from './types.ts';

/** The text of a page, and which cms.yaml entry found its body ('fallback' when none did). */
export interface HtmlPage {
  extracted: Extracted;
  foundBy: string;
}

type Container = Element | Root;

// ---- decoding ----------------------------------------------------------------

/** Labels of GB2312 and its supersets; GB18030 reads them all. */
const gbCharsets = new Set(['gb2312', 'gbk', 'x-gbk', 'gb18030', 'gb_2312-80', 'gb_2312', 'cp936', 'windows-936', 'euc-cn', 'x-euc-cn', 'csgb2312', 'chinese', 'iso-ir-58']);
const big5Charsets = new Set(['big5', 'big5-hkscs', 'cn-big5', 'x-x-big5', 'csbig5']);

/** The charset a <meta charset> or <meta http-equiv="Content-Type"> declares, lower-cased. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 8192)).toString('latin1');
  for (const tag of head.matchAll(/<meta\b[^>]*>/giu)) {
    const charset = /charset\s*=\s*["']?\s*([\w.:-]+)/iu.exec(tag[0]);
    if (charset?.[1] !== undefined) return charset[1].toLowerCase();
  }
  return null;
}

/**
 * A page's bytes → its text. A BOM decides; then the declared charset, except
 * that bytes which are valid UTF-8 with Chinese in them are read as UTF-8
 * whatever the meta says: a page saved again by a browser or an editor is
 * UTF-8 while its meta may still say GB2312, and GBK bytes of Chinese text
 * hardly ever validate as UTF-8. Undeclared pages, and pages declaring a
 * Western charset (a template's mistake on a Chinese site), are UTF-8 when
 * they validate and GB18030 otherwise.
 */
export function decodeHtml(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return buffer.toString('utf8', 3);
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return iconv.decode(buffer.subarray(2), 'utf-16le');
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return iconv.decode(buffer.subarray(2), 'utf-16be');
  const declared = declaredCharset(bytes);
  const utf8 = firstInvalidUtf8(bytes) === -1;
  const ascii = !buffer.some((byte) => byte >= 0x80);
  if (declared !== null && gbCharsets.has(declared)) return utf8 && !ascii ? buffer.toString('utf8') : iconv.decode(buffer, 'gb18030');
  if (declared !== null && big5Charsets.has(declared)) return utf8 && !ascii ? buffer.toString('utf8') : iconv.decode(buffer, 'big5');
  return utf8 ? buffer.toString('utf8') : iconv.decode(buffer, 'gb18030');
}

// ---- the tree ----------------------------------------------------------------

/** Elements whose content is never shown as text (or is no text at all). */
const invisibleTags = new Set([
  'head', 'title', 'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'svg', 'math', 'canvas', 'select', 'textarea', 'map', 'audio', 'video', 'img', 'input', 'meta', 'link',
]);

/** Elements that start and end a paragraph. */
const blockTags = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);

const headingTags = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Where a printed title stands on its own. */
const titleTags = new Set([...headingTags, 'div', 'p', 'td', 'th', 'center', 'section', 'header']);
/** Where a disclosure table or an info line is printed. */
const metadataTags = new Set(['table', 'ul', 'ol', 'dl', 'div', 'p', 'section']);
/**
 * Blocks the fallback may take for the body. Not a paragraph: on a short page
 * one long paragraph could hold most of the text; a body that is one <p> with
 * <br>s is taken with the block around it.
 */
const fallbackTags = new Set(['body', 'main', 'article', 'section', 'div', 'td', 'center', 'form', 'blockquote']);

/** A disclosure table or info line is short; a longer block holds more than labels and values. */
const maxMetadataChars = 600;
/** Chrome that sits inside a body container (a share bar) is short. */
const maxChromeInBodyChars = 200;
/** Page chrome the fallback passes over (a header, a footer) is short. */
const maxPageChromeChars = 400;
/** A removed chrome block is listed by its first characters. */
const maxRemovedChars = 200;
/** A body must hold at least this share of the page's Chinese text (links aside). */
const minBodyShare = 1 / 3;
/** The fallback takes the innermost block holding at least this share. */
const fallbackShare = 0.75;

const isElement = (node: Nodes): node is Element => node.type === 'element';

function attribute(element: Element, name: string): string | null {
  const value = element.properties[name];
  if (value === undefined || value === null || value === false) return null;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

function isHidden(element: Element): boolean {
  if (element.properties['hidden'] === true || element.properties['hidden'] === '') return true;
  const style = attribute(element, 'style');
  return style !== null && /(?:^|;)\s*(?:display\s*:\s*none|mso-hide\s*:\s*all)/iu.test(style);
}

const isInvisible = (element: Element): boolean => invisibleTags.has(element.tagName) || isHidden(element);

/** Lower-cased words of an element's id and class names: news_share-box → news, share, box; bdShare → bd, share. */
function nameWords(element: Element): string[] {
  const names = [attribute(element, 'id'), attribute(element, 'className')].filter((name): name is string => name !== null);
  return names
    .flatMap((name) => name.split(/[-_\s]+|(?<=[a-z])(?=[A-Z])/u))
    .map((word) => word.toLowerCase())
    .filter((word) => word !== '');
}

function describe(element: Element): string {
  const id = attribute(element, 'id');
  const classes = attribute(element, 'className');
  return `<${element.tagName}${id === null ? '' : ` id="${id}"`}${classes === null ? '' : ` class="${classes}"`}>`;
}

const hanCount = (text: string): number => text.match(/\p{Script=Han}/gu)?.length ?? 0;
const compact = (text: string): string => text.replace(/\s+/gu, '');

// ---- text ----------------------------------------------------------------------

/** Characters that take a full cell: a line break in the source between two of them is no space (CSS Text segment breaks). */
const wide = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef“”‘’…—';
const segmentBreak = new RegExp(`(?<=[${wide}])[ \\t\\f\\r\\n]*[\\r\\n][ \\t\\f\\r\\n]*(?=[${wide}])`, 'gu');

/** Source text → one line as shown: white space collapsed, &nbsp; &ensp; &emsp; as spaces, ends trimmed. */
function squeeze(raw: string): string {
  return raw
    .replace(/[\u200b-\u200d\ufeff]/gu, '')
    .replace(segmentBreak, '')
    .replace(/[ \t\f\r\n]+/gu, ' ')
    .replace(/[\u00a0\u2002\u2003\u2009]/gu, ' ')
    .trim();
}

/** Lines → one line for a removed entry, tabs and all. */
const flatten = (lines: readonly string[]): string => lines.join(' ').replace(/\s+/gu, ' ').trim();

function clip(text: string): string {
  const chars = [...text];
  return chars.length > maxRemovedChars ? `${chars.slice(0, maxRemovedChars - 1).join('')}…` : text;
}

class LineWriter {
  readonly lines: string[] = [];
  private buffer = '';

  write(text: string): void {
    this.buffer += text;
  }

  breakLine(): void {
    const line = squeeze(this.buffer);
    this.buffer = '';
    if (line !== '') this.lines.push(line);
  }

  push(lines: readonly string[]): void {
    this.breakLine();
    this.lines.push(...lines);
  }
}

type CutRule = 'html-metadata' | 'html-chrome';

interface Scope {
  /** Marker pairs: the body starts after `begin` and ends at `end`. */
  begin: Nodes | null;
  end: Nodes | null;
  /** Never cut out: the container itself, and the elements holding a marker (so that the end is seen). */
  keep: ReadonlySet<Nodes>;
  cut: (element: Element) => CutRule | null;
}

const noCuts: Scope = { begin: null, end: null, keep: new Set(), cut: () => null };

/**
 * Options of a render. `spacedLinks`: a space around each link, for removed
 * chrome, where a nav bar's links follow one another with nothing between
 * (首页政务公开 would read as one word).
 */
interface RenderOptions {
  spacedLinks: boolean;
}

/** One pass over a subtree, writing the text of what is in the body and noting what was cut out of it. */
class Render {
  /** Text nodes in the body, or in parts cut out of it: nothing the page shows outside these is body. */
  readonly accounted = new Set<Nodes>();
  readonly cuts: Array<{ element: Element; rule: CutRule; text: string }> = [];
  private readonly scope: Scope;
  private readonly spacedLinks: boolean;
  private active: boolean;
  private done = false;
  private pre = false;

  constructor(scope: Scope, active: boolean, options: RenderOptions = { spacedLinks: false }) {
    this.scope = scope;
    this.active = active;
    this.spacedLinks = options.spacedLinks;
  }

  walk(node: Nodes, out: LineWriter): void {
    if (this.done) return;
    if (node === this.scope.begin) {
      this.active = true;
      return;
    }
    if (node === this.scope.end) {
      this.active = false;
      this.done = true;
      return;
    }
    if (node.type === 'text') {
      if (!this.active) return;
      this.accounted.add(node);
      if (!this.pre) {
        out.write(node.value);
        return;
      }
      node.value.split(/\r\n|\r|\n/u).forEach((part, index) => {
        if (index > 0) out.breakLine();
        out.write(part);
      });
      return;
    }
    if (node.type === 'root') {
      for (const child of node.children) this.walk(child, out);
      return;
    }
    if (node.type !== 'element' || isInvisible(node)) return;
    if (this.active && !this.scope.keep.has(node)) {
      const rule = this.scope.cut(node);
      if (rule !== null) {
        out.breakLine();
        this.cutOut(node, rule);
        return;
      }
    }
    if (node.tagName === 'br') {
      out.breakLine();
      return;
    }
    if (node.tagName === 'tr' && this.active && !this.scope.keep.has(node)) {
      this.row(node, out);
      return;
    }
    const block = blockTags.has(node.tagName);
    const spaced = this.spacedLinks && this.active && node.tagName === 'a';
    if (block) out.breakLine();
    if (spaced) out.write(' ');
    const wasPre = this.pre;
    if (node.tagName === 'pre') this.pre = true;
    for (const child of node.children) this.walk(child, out);
    this.pre = wasPre;
    if (spaced) out.write(' ');
    if (block) out.breakLine();
  }

  /** A table row is one line, its cells joined by a tab; a row with one filled cell is layout, and that cell's paragraphs stay lines. */
  private row(row: Element, out: LineWriter): void {
    const cells: string[][] = [];
    for (const child of row.children) {
      const cell = new LineWriter();
      this.walk(child, cell);
      cell.breakLine();
      if (isElement(child) && (child.tagName === 'td' || child.tagName === 'th')) cells.push(cell.lines);
      else if (cell.lines.length > 0) cells.push(cell.lines);
    }
    const filled = cells.filter((lines) => lines.length > 0);
    if (filled.length === 0) return;
    if (filled.length === 1) {
      out.push(filled[0] as string[]);
      return;
    }
    while (cells.length > 0 && (cells.at(-1) as string[]).length === 0) cells.pop();
    out.push([cells.map((lines) => lines.join(' ')).join('\t')]);
  }

  private cutOut(element: Element, rule: CutRule): void {
    for (const text of textNodes(element)) this.accounted.add(text);
    const text = removedText(element);
    if (text !== '') this.cuts.push({ element, rule, text });
  }
}

function* textNodes(node: Nodes): Generator<Nodes> {
  if (node.type === 'text') yield node;
  if ('children' in node) for (const child of node.children) yield* textNodes(child);
}

/** The lines a subtree shows, nothing cut. */
function plainLines(...nodes: Nodes[]): string[] {
  return renderPlain(nodes, { spacedLinks: false });
}

/** What removed nodes showed, as one line: links apart, no space after a colon. */
function removedText(...nodes: Nodes[]): string {
  return flatten(renderPlain(nodes, { spacedLinks: true })).replace(/([：:]) /gu, '$1');
}

function renderPlain(nodes: readonly Nodes[], options: RenderOptions): string[] {
  const render = new Render(noCuts, true, options);
  const out = new LineWriter();
  for (const node of nodes) render.walk(node, out);
  out.breakLine();
  return out.lines;
}

// ---- facts -----------------------------------------------------------------------

function isoDate(text: string): string | null {
  const match = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/u.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A printed value → the fact, or null for a blank (无, —) or a date that is none. */
function factValue(fact: CmsFact, raw: string): string | null {
  const value = squeeze(raw)
    .replace(/^[【\[]+/u, '')
    .replace(/[\s【\[（(|｜/]+$/u, '')
    .replace(/[】\]]+$/u, '')
    .trim();
  if (value === '' || /^(?:无|暂无|-+|—+|\/)$/u.test(value)) return null;
  return fact === 'publishedOn' || fact === 'issuedOn' ? isoDate(value) : value;
}

interface Field {
  label: FieldLabel;
  value: string;
}

/** Label-value pairs in a block's text: 索引号\t1137…\t发布机构\t泰安市教育局, or 发布时间：2024-03-26 来源：泰安市教育局. */
function readFields(text: string, genre: CmsGenre): Field[] {
  const matches = [...text.matchAll(genre.labelPattern)];
  return matches.flatMap((match, index) => {
    const label = genre.labels.get(compact(match.groups?.['label'] ?? ''));
    if (label === undefined) return [];
    const start = (match.index ?? 0) + match[0].length;
    const end = matches[index + 1]?.index ?? text.length;
    const value = text.slice(start, end).replace(/^[\s:：]+/u, '').split(/[\t\n]/u)[0] ?? '';
    return [{ label, value }];
  });
}

/**
 * A disclosure table or an info line: two different labels or more, one of
 * them a fact's, on at least half of its lines, and no other line that ends a
 * sentence (that is a paragraph of the plan: the block holds the body too).
 */
function isMetadataBlock(lines: readonly string[], genre: CmsGenre): boolean {
  const fields = readFields(lines.join('\n'), genre);
  const distinct = new Set(fields.filter((field) => !field.label.stop).map((field) => field.label.label));
  if (distinct.size < 2 || !fields.some((field) => field.label.fact !== null)) return false;
  const unlabelled = lines.filter((line) => line.search(genre.labelPattern) < 0);
  return unlabelled.length * 2 <= lines.length && !unlabelled.some((line) => /[。！？；!?;]$/u.test(line));
}

/** Facts in the order of their sources' trust; the first value a fact gets stays. */
class Facts {
  readonly values: ExtractedFacts = {};

  offer(fact: CmsFact, raw: string | null | undefined): void {
    if (raw === null || raw === undefined || this.values[fact] !== undefined) return;
    const value = factValue(fact, raw);
    if (value !== null) this.values[fact] = value;
  }
}

// ---- the page ----------------------------------------------------------------------

class Page {
  readonly source: string;
  readonly root: Root;
  readonly genre: CmsGenre;
  /** Every element of the document, head too, in document order. */
  readonly elements: Element[] = [];
  readonly body: Container;
  /** Every node under the body, in document order. */
  readonly nodes: Nodes[] = [];
  readonly order = new Map<Nodes, number>();
  readonly parent = new Map<Nodes, Container>();
  readonly metadata: ReadonlySet<Element>;
  private readonly lengths = new Map<Nodes, number>();
  private readonly weights = new Map<Element, number>();

  constructor(source: string, genre: CmsGenre) {
    this.source = source;
    this.root = fromHtml(source);
    this.genre = genre;
    const collect = (node: Nodes): void => {
      if (isElement(node)) this.elements.push(node);
      if ('children' in node) for (const child of node.children) collect(child);
    };
    collect(this.root);
    this.body = this.elements.find((element) => element.tagName === 'body') ?? this.root;
    this.index(this.body);
    this.metadata = this.findMetadata();
  }

  private index(node: Nodes): void {
    this.order.set(node, this.nodes.length);
    this.nodes.push(node);
    if ('children' in node) {
      for (const child of node.children) {
        this.parent.set(child, node);
        this.index(child);
      }
    }
  }

  /** The index past the last node under `node`. */
  end(node: Nodes): number {
    let last: Nodes = node;
    while ('children' in last && last.children.length > 0) last = last.children.at(-1) as Nodes;
    return (this.order.get(last) ?? this.nodes.length - 1) + 1;
  }

  /** Elements named `tagName` anywhere in the document. */
  named(tagName: string): Element[] {
    return this.elements.filter((element) => element.tagName === tagName);
  }

  ancestors(node: Nodes): Container[] {
    const list: Container[] = [];
    for (let up = this.parent.get(node); up !== undefined; up = this.parent.get(up)) list.push(up);
    return list;
  }

  contains(outer: Nodes, inner: Nodes): boolean {
    return outer === inner || this.ancestors(inner).includes(outer as Container);
  }

  /** Characters (not white space) a subtree shows. */
  length(node: Nodes): number {
    const known = this.lengths.get(node);
    if (known !== undefined) return known;
    let length = 0;
    if (node.type === 'text') length = node.value.replace(/\s+/gu, '').length;
    else if ((node.type === 'element' && !isInvisible(node)) || node.type === 'root') {
      for (const child of node.children) length += this.length(child);
    }
    this.lengths.set(node, length);
    return length;
  }

  /**
   * Blocks that read as a disclosure table or an info line: the outermost such
   * block holding no heading (a table whose rows each read so is one block, not
   * one per row), or else the innermost (so that a title printed beside the
   * table stays a title).
   */
  private findMetadata(): Set<Element> {
    const found: Element[] = [];
    for (const node of this.nodes) {
      if (!isElement(node) || !metadataTags.has(node.tagName) || isInvisible(node)) continue;
      const length = this.length(node);
      if (length === 0 || length > maxMetadataChars) continue;
      if (isMetadataBlock(plainLines(node), this.genre)) found.push(node);
    }
    const holdsHeading = (block: Element): boolean => this.nodes.slice(this.order.get(block), this.end(block)).some((node) => isElement(node) && headingTags.has(node.tagName));
    const pure = found.filter((block) => !holdsHeading(block));
    const outermostPure = pure.filter((block) => !pure.some((other) => other !== block && this.contains(other, block)));
    const innermostOthers = found.filter((block) => holdsHeading(block) && !found.some((other) => other !== block && this.contains(block, other)));
    return new Set([...outermostPure, ...innermostOthers]);
  }

  private hasWord(element: Element, words: RegExp): boolean {
    return nameWords(element).some((word) => words.test(word));
  }

  /** Chrome a body container may hold: navigation, and short share bars, print buttons, breadcrumbs. */
  isChromeInBody(element: Element): boolean {
    // The document's own elements hold everything, whatever a theme names them (<body class="nav-md">).
    if (element.tagName === 'body' || element.tagName === 'html') return false;
    if (element.tagName === 'nav' || element.tagName === 'aside') return true;
    return this.hasWord(element, this.genre.chromeInBody) && this.length(element) <= maxChromeInBodyChars;
  }

  /**
   * Whether an element outside the body sits in site chrome of any length (a
   * site-wide link there is no attachment of the plan). Blocks holding the body
   * are never chrome, whatever their names.
   */
  inChrome(element: Element, body: Body): boolean {
    for (const up of [element, ...this.ancestors(element)]) {
      if (!isElement(up) || body.keep.has(up) || up.tagName === 'body') return false;
      if (['nav', 'aside', 'header', 'footer'].includes(up.tagName) || this.hasWord(up, this.genre.chromeInBody) || this.hasWord(up, this.genre.chromePage)) return true;
    }
    return false;
  }

  /** Chrome of the page: the above, headers, footers. */
  isPageChrome(element: Element): boolean {
    if (element.tagName === 'body' || element.tagName === 'html') return false;
    if (element.tagName === 'header' || element.tagName === 'footer' || this.isChromeInBody(element)) return true;
    return (this.hasWord(element, this.genre.chromePage) || this.hasWord(element, this.genre.chromeInBody)) && this.length(element) <= maxPageChromeChars;
  }

  /** Chinese characters a subtree shows outside links, chrome and disclosure tables: how much of the page's own text it holds. */
  weight(node: Nodes): number {
    if (node.type === 'text') return hanCount(node.value);
    if (node.type !== 'element' && node.type !== 'root') return 0;
    if (node.type === 'element') {
      const known = this.weights.get(node);
      if (known !== undefined) return known;
      if (isInvisible(node) || node.tagName === 'a' || this.metadata.has(node) || this.isPageChrome(node)) {
        this.weights.set(node, 0);
        return 0;
      }
    }
    let weight = 0;
    for (const child of node.children) weight += this.weight(child);
    if (node.type === 'element') this.weights.set(node, weight);
    return weight;
  }
}

// ---- finding the body -------------------------------------------------------------

interface Body {
  foundBy: string;
  render: Render;
  lines: string[];
  /** Where the body starts: its container, or the begin marker. */
  start: Nodes;
  /** Elements that are the body or hold it: never chrome, nor a disclosure table to read. */
  keep: ReadonlySet<Nodes>;
  /** The element that is the body; null when markers delimit it. */
  container: Element | null;
  /** Set when the fallback found the body. */
  fallback: Element | null;
}

function isMarker(node: Nodes, marker: BodyMarker): boolean {
  if ('comment' in marker) return node.type === 'comment' && node.value.trim() === marker.comment;
  return isElement(node) && node.tagName === 'meta' && attribute(node, 'name')?.toLowerCase() === marker.meta.toLowerCase();
}

function bodyCuts(page: Page, fallback: boolean): (element: Element) => CutRule | null {
  return (element) => {
    if (page.metadata.has(element)) return 'html-metadata';
    return (fallback ? page.isPageChrome(element) : page.isChromeInBody(element)) ? 'html-chrome' : null;
  };
}

function renderContainer(page: Page, container: Element, fallback: boolean): { render: Render; lines: string[]; keep: Set<Nodes> } {
  const keep = new Set<Nodes>([container, ...page.ancestors(container)]);
  const render = new Render({ begin: null, end: null, keep, cut: bodyCuts(page, fallback) }, true);
  const out = new LineWriter();
  render.walk(container, out);
  out.breakLine();
  return { render, lines: out.lines, keep };
}

function tryRule(page: Page, rule: BodyRule, pageWeight: number): Body | null {
  const enough = (lines: readonly string[]): boolean => lines.length > 0 && hanCount(lines.join('')) >= pageWeight * minBodyShare;
  if ('selector' in rule) {
    // Every id and class the selector names must be in the markup: a cheap test that spares most of the tree walks.
    const names = [...rule.selector.matchAll(/[#.]([\w-]+)/gu)].map((match) => match[1] as string);
    if (!names.every((name) => page.source.includes(name))) return null;
    const matches = selectAll(rule.selector, page.body).filter(
      (element) => ![...page.metadata].some((block) => page.contains(block, element)) && ![element, ...page.ancestors(element)].some((up) => isElement(up) && isInvisible(up)),
    );
    let best: Body | null = null;
    let bestHan = -1;
    for (const element of matches) {
      const { render, lines, keep } = renderContainer(page, element, false);
      const han = hanCount(lines.join(''));
      if (han > bestHan) {
        best = { foundBy: rule.id, render, lines, start: element, keep, container: element, fallback: null };
        bestHan = han;
      }
    }
    return best !== null && enough(best.lines) ? best : null;
  }
  const beginAt = page.nodes.findIndex((node) => isMarker(node, rule.begin));
  if (beginAt < 0) return null;
  const endAt = page.nodes.findIndex((node, index) => index > beginAt && isMarker(node, rule.end));
  if (endAt < 0) return null;
  const begin = page.nodes[beginAt] as Nodes;
  const end = page.nodes[endAt] as Nodes;
  const keep = new Set<Nodes>([...page.ancestors(begin), ...page.ancestors(end)]);
  const render = new Render({ begin, end, keep, cut: bodyCuts(page, false) }, false);
  const out = new LineWriter();
  render.walk(page.body, out);
  out.breakLine();
  return enough(out.lines) ? { foundBy: rule.id, render, lines: out.lines, start: begin, keep, container: null, fallback: null } : null;
}

/** The innermost block holding most of the page's own Chinese text; never inside chrome. */
function fallbackBody(page: Page, pageWeight: number): Body | null {
  if (pageWeight === 0) return null;
  let chosen: Element | null = null;
  const visit = (node: Nodes): void => {
    if (!isElement(node) && node.type !== 'root') return;
    if (isElement(node)) {
      if (page.weight(node) < pageWeight * fallbackShare) return;
      if (fallbackTags.has(node.tagName)) chosen = node;
    }
    for (const child of node.children) visit(child);
  };
  visit(page.body);
  const element = chosen ?? (isElement(page.body) ? page.body : null);
  if (element === null) return null;
  const { render, lines, keep } = renderContainer(page, element, true);
  return lines.length > 0 ? { foundBy: 'fallback', render, lines, start: element, keep, container: element, fallback: element } : null;
}

// ---- outside the body ----------------------------------------------------------------

interface Placed {
  at: number;
  part: RemovedPart;
  /** The whole text, for reading facts from chrome (the part's text may be clipped). */
  full: string;
  /** Its lines, for reading a disclosure table's fields. */
  lines: readonly string[];
}

/** Lists what the page shows outside the body: one entry per top-level block, the disclosure table and the title on their own. */
function outsideParts(page: Page, body: Body, title: string | null): Placed[] {
  const tallies = new Map<Nodes, { inside: number; outside: number }>();
  const tally = (node: Nodes): { inside: number; outside: number } => {
    const known = tallies.get(node);
    if (known !== undefined) return known;
    let result = { inside: 0, outside: 0 };
    if (node.type === 'text') {
      if (/\S/u.test(node.value)) result = body.render.accounted.has(node) ? { inside: 1, outside: 0 } : { inside: 0, outside: 1 };
    } else if ((node.type === 'element' && !isInvisible(node)) || node.type === 'root') {
      for (const child of node.children) {
        const counts = tally(child);
        result = { inside: result.inside + counts.inside, outside: result.outside + counts.outside };
      }
    }
    tallies.set(node, result);
    return result;
  };

  const titleText = title === null ? null : compact(title);
  const metadata = new Set([...page.metadata].filter((block) => !body.keep.has(block)));
  // The length check first: it is cheap, and most blocks fail it.
  const isTitle = (element: Element): boolean =>
    titleText !== null &&
    titleTags.has(element.tagName) &&
    page.length(element) === titleText.length &&
    compact(plainLines(element).join('')) === titleText &&
    !page.ancestors(element).some((up) => isElement(up) && up.tagName === 'a');
  const special = new Set<Nodes>();
  for (const node of page.nodes) {
    if (isElement(node) && (metadata.has(node) || isTitle(node))) for (const up of page.ancestors(node)) special.add(up);
  }

  const placed: Placed[] = [];
  const add = (nodes: Nodes[], rule: string): void => {
    const full = removedText(...nodes);
    if (full === '') return;
    const lines = plainLines(...nodes);
    let named = rule;
    if (rule === 'html-chrome' && titleText !== null && compact(full) === titleText) named = 'html-title';
    // An info line in a table cell or a span, where no block of its own holds it.
    else if (rule === 'html-chrome' && full.length <= maxMetadataChars && isMetadataBlock(lines, page.genre)) named = 'html-metadata';
    placed.push({ at: page.order.get(nodes[0] as Nodes) ?? 0, part: { text: named === 'html-chrome' ? clip(full) : full, rule: named }, full, lines });
  };
  const walk = (parent: Container): void => {
    let run: Nodes[] = [];
    const flush = (): void => {
      if (run.length > 0) add(run, 'html-chrome');
      run = [];
    };
    for (const child of parent.children) {
      const { inside, outside } = tally(child);
      if (outside === 0) {
        if (inside > 0) flush();
        continue;
      }
      if (inside > 0) {
        flush();
        walk(child as Element);
        continue;
      }
      if (!isElement(child) || !(blockTags.has(child.tagName) || special.has(child) || metadata.has(child) || isTitle(child))) {
        run.push(child);
        continue;
      }
      flush();
      if (metadata.has(child)) add([child], 'html-metadata');
      else if (isTitle(child)) add([child], 'html-title');
      else if (special.has(child)) walk(child);
      else add([child], 'html-chrome');
    }
    flush();
  };
  walk(page.body);
  for (const { element, rule, text } of body.render.cuts) {
    placed.push({ at: page.order.get(element) ?? 0, part: { text: rule === 'html-chrome' ? clip(text) : text, rule }, full: text, lines: plainLines(element) });
  }
  return placed.sort((a, b) => a.at - b.at);
}

// ---- facts, title, attachments ---------------------------------------------------------

/** Hanweb prints fields between comments: <!--<$[信息来源]>begin-->泰安市教育局<!--<$[信息来源]>end-->. */
function hanwebFields(page: Page, facts: Facts): void {
  for (const node of page.nodes) {
    if (node.type !== 'comment') continue;
    const field = /^<\$\[(.+?)\]>begin$/u.exec(node.value.trim())?.[1];
    const fact = field === undefined ? undefined : page.genre.labels.get(compact(field))?.fact;
    if (fact === undefined || fact === null) continue;
    const siblings: Nodes[] = page.parent.get(node)?.children ?? [];
    const between: Nodes[] = [];
    for (const sibling of siblings.slice(siblings.indexOf(node) + 1)) {
      if (sibling.type === 'comment' && sibling.value.trim() === `<$[${field}]>end`) break;
      between.push(sibling);
    }
    facts.offer(fact, flatten(plainLines(...between)));
  }
}

function metaTags(page: Page): { facts: Map<CmsFact, string>; columnName: string | null } {
  const facts = new Map<CmsFact, string>();
  let columnName: string | null = null;
  for (const meta of page.named('meta')) {
    const name = (attribute(meta, 'name') ?? '').toLowerCase();
    const content = attribute(meta, 'content') ?? '';
    const fact = page.genre.metaTags.get(name);
    if (fact !== undefined && !facts.has(fact) && content.trim() !== '') facts.set(fact, content);
    if (name === 'columnname' && content.trim() !== '') columnName ??= content.trim();
  }
  return { facts, columnName };
}

/** The title the page prints: the last heading h1 above the body, or the first in it. */
function printedTitle(page: Page, body: Body): string | null {
  const start = page.order.get(body.start) ?? 0;
  let above: string | null = null;
  let within: string | null = null;
  for (const node of page.nodes) {
    if (!isElement(node) || node.tagName !== 'h1' || page.ancestors(node).some((up) => isElement(up) && isInvisible(up))) continue;
    const text = flatten(plainLines(node));
    if (text === '') continue;
    if ((page.order.get(node) ?? 0) < start && !page.contains(body.start, node)) above = text;
    else if (within === null && [...textNodes(node)].some((text) => body.render.accounted.has(text))) within = text;
  }
  return above ?? within;
}

/** The document title, less the site's name: the longest part between separators. */
function documentTitle(page: Page): string | null {
  const title = page.named('title')[0];
  if (title === undefined) return null;
  const text = squeeze(title.children.map((child) => (child.type === 'text' ? child.value : '')).join(''));
  const parts = text.split(/\s*(?:[_|｜]|\s[-—–]\s)\s*/u).filter((part) => part !== '');
  return parts.sort((a, b) => b.length - a.length)[0] ?? null;
}

function resolveHref(href: string, base: string | null, pageUrl: string | undefined): string {
  let reference: string | undefined = pageUrl;
  if (base !== null) {
    try {
      reference = new URL(base, reference).href;
    } catch {
      // A relative <base> with no page address: hrefs stay as the page links them.
    }
  }
  if (reference === undefined) return href;
  try {
    return new URL(href, reference).href;
  } catch {
    return href;
  }
}

/** Links to documents, and links headed 附件, outside site chrome (a nav bar's 信息公开指南.pdf is the site's, not the plan's). */
function findAttachments(page: Page, body: Body, pageUrl: string | undefined): Attachment[] {
  const base = page.named('base').find((element) => attribute(element, 'href') !== null);
  const baseHref = base === undefined ? null : attribute(base, 'href');
  const seen = new Set<string>();
  const attachments: Attachment[] = [];
  for (const node of page.nodes) {
    if (!isElement(node) || node.tagName !== 'a') continue;
    const inBody = [...textNodes(node)].some((text) => body.render.accounted.has(text)) || (body.container !== null && page.contains(body.container, node));
    if (!inBody && page.inChrome(node, body)) continue;
    const href = attribute(node, 'href')?.trim() ?? '';
    if (href === '' || href.startsWith('#') || /^(?:javascript|mailto|tel):/iu.test(href)) continue;
    const text = flatten(plainLines(node));
    if (!page.genre.attachmentHref.test(href) && !page.genre.attachmentPrefixes.some((prefix) => text.startsWith(prefix))) continue;
    const resolved = resolveHref(href, baseHref, pageUrl);
    if (seen.has(resolved)) continue;
    seen.add(resolved);
    let name = text || attribute(node, 'title') || '';
    if (name === '') {
      const last = href.split(/[?#]/u)[0]?.split('/').at(-1) ?? href;
      try {
        name = decodeURIComponent(last);
      } catch {
        name = last;
      }
    }
    attachments.push({ href: resolved, text: name });
  }
  return attachments;
}

// ---- no body ------------------------------------------------------------------------------

function noBody(page: Page, columnName: string | null): AtlasError {
  const frames = [...page.named('frame'), ...page.named('iframe')].flatMap((frame) => attribute(frame, 'src') ?? []);
  const scripts = page.named('script').length;
  const links = page.nodes.filter((node) => isElement(node) && node.tagName === 'a' && plainLines(node).length > 0).length;
  const shown = page.length(page.body);
  let holds: string;
  if (frames.length > 0) holds = `only frames that load other pages (${frames.slice(0, 3).join(', ')})`;
  else if (shown === 0 && scripts > 0) holds = `no text, only ${scripts} script${scripts === 1 ? '' : 's'} that fill it in when a browser shows the page`;
  else if (shown === 0) holds = 'no text at all';
  else if (links > 0) holds = `only site chrome and ${links} link${links === 1 ? '' : 's'}${columnName === null ? '' : `, like the list page of the column ${columnName}`}`;
  else holds = `only ${shown} characters of site chrome (header, navigation, footer)`;
  return new AtlasError(
    'html-no-body',
    `this web page holds no article text: it has ${holds}`,
    "save the article page itself (open the plan in the browser, wait until its text shows, then Save Page As…), or copy the plan's text into a .txt file and ingest that",
  );
}

// ---- the extractor ---------------------------------------------------------------------------

/** A page's markup → its text, with which cms.yaml entry found the body. */
export function readHtmlPage(html: string, pageUrl?: string): HtmlPage {
  const genre = loadCmsGenre();
  const page = new Page(html.replace(/^\ufeff/u, ''), genre);
  const pageWeight = page.weight(page.body);
  const meta = metaTags(page);

  let body: Body | null = null;
  for (const rule of genre.bodies) {
    body = tryRule(page, rule, pageWeight);
    if (body !== null) break;
  }
  body ??= fallbackBody(page, pageWeight);
  if (body === null) throw noBody(page, meta.columnName);

  // Facts, most trusted source first: the disclosure table, Hanweb's fields, meta tags, then chrome lines.
  const facts = new Facts();
  facts.offer('title', meta.facts.get('title'));
  for (const block of page.metadata) {
    if (body.keep.has(block)) continue;
    for (const field of readFields(plainLines(block).join('\n'), genre)) if (field.label.fact !== null) facts.offer(field.label.fact, field.value);
  }
  hanwebFields(page, facts);
  for (const [fact, value] of meta.facts) facts.offer(fact, value);
  facts.offer('title', printedTitle(page, body));
  facts.offer('title', documentTitle(page));

  const removed = outsideParts(page, body, facts.values.title ?? null);
  const noise = loadNoise();
  for (const { part, full, lines } of removed) {
    if (part.rule === 'html-metadata') {
      for (const field of readFields(lines.join('\n'), genre)) if (field.label.fact !== null) facts.offer(field.label.fact, field.value);
    } else if (part.rule === 'html-chrome') {
      // A lone 发布时间：… line: the clean stage's fact patterns read it.
      for (const name of factNames) facts.offer(name, noise.facts[name].exec(full)?.groups?.['value']);
    }
  }

  const ordered: ExtractedFacts = {};
  for (const fact of ['title', 'publisher', 'publishedOn', 'issuedOn', 'docNumber', 'indexNumber'] as const) {
    const value = facts.values[fact];
    if (value !== undefined) ordered[fact] = value;
  }
  return {
    foundBy: body.foundBy,
    extracted: {
      format: 'html',
      text: body.lines.join('\n'),
      removed: removed.map(({ part }) => part),
      facts: ordered,
      attachments: findAttachments(page, body, pageUrl),
      review:
        body.fallback === null
          ? null
          : `The body was found by the fallback, as the block with most of the page's Chinese text (${describe(body.fallback)}), not by a known CMS container in scripts/genre/cms.yaml: check that the text starts and ends where the plan does.`,
    },
  };
}

/** A saved web page's bytes → the plan's text, facts, attachments and what was left out. */
export function extractHtml(bytes: Uint8Array, pageUrl?: string): Extracted {
  return readHtmlPage(decodeHtml(bytes), pageUrl).extracted;
}
