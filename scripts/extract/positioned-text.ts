/**
 * Text by position → paragraphs, for the page formats (PDF, OFD). Both give
 * pieces of text placed on a page, with no paragraphs and often no spaces: this
 * groups the pieces into lines by their baseline, orders each line by x, and
 * rebuilds paragraphs the way a reader sees them in a Chinese official
 * document: a line that stops well short of the right margin ends a paragraph;
 * a line indented (two characters) or opening with a numbering label (一、
 * （一） 1. （1）) starts one. Running headers and footers (the same text at the
 * same place on most pages) and page numbers (— 3 —, -3-, 第3页, 3/12) are
 * taken out into `removed`, page by page.
 */
import type { RemovedPart } from './types.ts';

/** A piece of text as placed on the page, in points (or any unit, the same on both axes), y growing downwards. */
export interface TextRun {
  text: string;
  /** Left edge. */
  x: number;
  /** Baseline. */
  y: number;
  /** Advance width of the whole run; 0 when unknown. */
  width: number;
  /** Font size (the em). */
  size: number;
}

export interface LayoutPage {
  width: number;
  height: number;
  runs: TextRun[];
}

export interface Line {
  /** Spaces settled for reading (see settleSpaces): gaps next to Chinese are no spaces. */
  text: string;
  /** As printed, spaces kept ("— 3 —"): what `removed` lists. */
  printed: string;
  /** The text had a space before its first or after its last character (a space where the line wrapped). */
  spaceBefore: boolean;
  spaceAfter: boolean;
  x: number;
  right: number;
  y: number;
  size: number;
  /** 1-based. */
  page: number;
}

export interface LayoutOptions {
  /**
   * Whether the spaces in the text are all the author's. True for OFD, whose
   * text codes hold what was typed; false for PDF, where the reader adds a space
   * wherever glyphs stand apart, and only a space between two Chinese
   * characters on a line that is not letter-spaced is believed.
   */
  trustSpaces?: boolean;
}

export interface Layout {
  /** Paragraphs, one a line. */
  text: string;
  removed: RemovedPart[];
  /** 1-based numbers of the pages with no text at all. */
  emptyPages: number[];
}

/**
 * Characters of Chinese typesetting: Han, kana, CJK and full-width punctuation,
 * and the marks Chinese text sets full width (—— … “ ” ‘ ’ ·). Between two of
 * these, or one of these and anything, a line break or a gap is no space.
 */
const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef\u2014\u2015\u2026\u2018\u2019\u201c\u201d\u00b7\u2022\u25a0-\u25ff\u2460-\u24ff\u3200-\u32ff]/u;

const isCjk = (char: string | undefined): boolean => char !== undefined && cjk.test(char);

/**
 * Marks for the gaps between pieces, until the line's spaces are settled: a gap
 * wide enough to be a column or a tab stop, and an ordinary word gap.
 */
const columnGap = '\u0001';
const wordGap = '\u0002';
const isGapMark = (char: string): boolean => char === columnGap || char === wordGap;

const han = /\p{Script=Han}/u;
const isHan = (char: string | undefined): boolean => char !== undefined && han.test(char);

/**
 * Whether a line is letter-spaced: spaces stand between most of its pairs of
 * Chinese characters. A PDF reader puts a space wherever glyphs stand apart,
 * so a justified or spaced-out line comes out "坚 持 以 习 近 平": none of
 * those spaces is the author's.
 */
function letterSpaced(text: string): boolean {
  const chars = [...text];
  let pairs = 0;
  let spaced = 0;
  for (let index = 0; index < chars.length; index += 1) {
    if (!isHan(chars[index])) continue;
    let next = index + 1;
    while (next < chars.length && /\s/u.test(chars[next] as string)) next += 1;
    if (!isHan(chars[next])) continue;
    pairs += 1;
    if (next > index + 1) spaced += 1;
  }
  return pairs >= 3 && spaced * 2 >= pairs;
}

/**
 * The spaces of a line. A space the text holds between two Chinese characters
 * is the author's (two issuers, a spaced signature) and stays as it is, unless
 * the line is letter-spaced. Other spaces, and gaps between pieces, are no
 * space next to Chinese, one space between Latin words, and two where the gap
 * is as wide as a column's.
 */
function settleSpaces(text: string, trustSpaces: boolean): string {
  const chars = [...text];
  const keepHanSpaces = trustSpaces || !letterSpaced(text.replaceAll(wordGap, '').replaceAll(columnGap, ' '));
  let out = '';
  for (let index = 0; index < chars.length; index += 1) {
    const char = chars[index] as string;
    if (!/\s/u.test(char) && !isGapMark(char)) {
      out += char;
      continue;
    }
    let end = index;
    let literal = '';
    let column = false;
    while (end < chars.length && (/\s/u.test(chars[end] as string) || isGapMark(chars[end] as string))) {
      const next = chars[end] as string;
      if (next === columnGap) column = true;
      else if (next !== wordGap) literal += next;
      end += 1;
    }
    const before = out.length > 0 ? [...out].at(-1) : undefined;
    const after = chars[end];
    if (before !== undefined && after !== undefined) {
      const authors = literal.length > 0 && (trustSpaces || (keepHanSpaces && isHan(before) && isHan(after)));
      if (column) out += authors && literal.length >= 2 ? literal : '  ';
      else if (authors) out += literal;
      else if (!isCjk(before) && !isCjk(after)) out += ' ';
    }
    index = end - 1;
  }
  return out;
}

const median = (values: readonly number[]): number => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

const blank = (text: string): boolean => text.trim().length === 0;

/** The runs of one page grouped into lines by baseline, each ordered by x, top to bottom. */
export function buildLines(runs: readonly TextRun[], page: number, options: LayoutOptions = {}): Line[] {
  // Runs of spaces are kept (they are the author's spaces) but never make a line alone.
  const pieces = runs.filter((run) => run.text.length > 0 && Number.isFinite(run.x) && Number.isFinite(run.y));
  const sorted = [...pieces].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: TextRun[][] = [];
  let current: TextRun[] = [];
  let baseline = 0;
  let lineSize = 0;
  for (const run of sorted) {
    const size = Math.max(run.size, 1);
    // Half the larger em: a superscript note mark, raised and smaller, stays on its line.
    if (current.length > 0 && Math.abs(run.y - baseline) <= 0.5 * Math.max(size, lineSize)) {
      current.push(run);
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [run];
    baseline = run.y;
    lineSize = size;
  }
  if (current.length > 0) groups.push(current);

  const lines: Line[] = [];
  for (const group of groups) {
    const ordered = [...group].sort((a, b) => a.x - b.x);
    const inked = ordered.filter((run) => !blank(run.text));
    if (inked.length === 0) continue;
    let text = '';
    let started = false;
    let previousEnd = 0;
    let inkedEnd = 0;
    const size = median(inked.map((run) => run.size));
    for (const run of ordered) {
      const width = run.width > 0 ? run.width : estimateWidth(run.text, run.size);
      let piece = run.text;
      // A blank as wide as a column gap (a reader's stand-in for a tab) is a column gap.
      if (blank(piece) && width > 2.5 * size) piece = columnGap;
      if (started) {
        // Fake bold draws text twice a hair apart (and the PDF reader may merge the copy with what follows):
        // characters that overlap the end of the line so far and repeat it are read once.
        const overlap = previousEnd - run.x;
        const chars = [...piece];
        if (overlap > 0.3 * run.size && chars.length > 0 && !blank(piece)) {
          const count = Math.min(chars.length, Math.round(overlap / (width / chars.length)));
          const repeated = chars.slice(0, count).join('');
          if (count > 0 && text.endsWith(repeated)) piece = chars.slice(count).join('');
        }
        const gap = run.x - previousEnd;
        if (gap > 2.5 * size) text += columnGap;
        else if (gap > 0.2 * size) text += wordGap;
      }
      text += piece;
      started = true;
      previousEnd = Math.max(previousEnd, run.x + width);
      if (!blank(run.text)) inkedEnd = Math.max(inkedEnd, run.x + width);
    }
    const first = inked[0] as TextRun;
    const visible = text.replaceAll(wordGap, '').replaceAll(columnGap, '');
    lines.push({
      text: settleSpaces(text, options.trustSpaces === true),
      spaceBefore: /^\s/u.test(visible),
      spaceAfter: /\s$/u.test(visible),
      printed: text
        .split(columnGap)
        .map((part) => part.replaceAll(wordGap, ' ').replace(/\s+/gu, ' ').trim())
        .filter((part) => part.length > 0)
        .join('  '),
      x: first.x,
      right: inkedEnd,
      y: median(inked.map((run) => run.y)),
      size: size > 0 ? size : 1,
      page,
    });
  }
  return lines;
}

/** A width for a run whose format gave none: Chinese characters are an em, others half. */
function estimateWidth(text: string, size: number): number {
  let width = 0;
  for (const char of text) width += isCjk(char) ? size : size / 2;
  return width;
}

// Page numbers as Chinese documents print them: — 3 —, -3-, 3, 第3页, 第3页 共12页, 3/12, Page 3 of 12.
const pageNumberPatterns: readonly RegExp[] = [
  /^[-—–－―~～_·•\s]*\d{1,4}[-—–－―~～_·•\s]*$/u,
  /^第\s*\d{1,4}\s*页(?:\s*[,，、/]?\s*共\s*\d{1,4}\s*页)?$/u,
  /^共\s*\d{1,4}\s*页\s*[,，、]?\s*第\s*\d{1,4}\s*页$/u,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/u,
  /^page\s*\d{1,4}(?:\s*of\s*\d{1,4})?$/iu,
];

export const isPageNumber = (text: string): boolean => pageNumberPatterns.some((pattern) => pattern.test(text.trim()));

/** Where a line is on its page, as a fraction of the height, for telling headers and footers. */
const topBand = 0.12;
const bottomBand = 0.88;
/** Lines at the very top or bottom of a page looked at as header or footer candidates. */
const edgeLines = 3;

/**
 * Takes running headers, footers and page numbers out of the pages' lines.
 * Running: the same text (digits aside, so "第3页" matches "第4页") at the same
 * height, among the first or last lines of at least half the pages (two at
 * least). A page number needs no repetition: a line that reads as one at the
 * top or bottom edge of its page is one.
 */
export function removeRunningParts(pages: readonly Line[][], heights: readonly number[]): { pages: Line[][]; removed: RemovedPart[] } {
  const signature = (line: Line): string => line.text.replace(/\d+/gu, '#').replace(/\s+/gu, '');
  interface Candidate {
    line: Line;
    edge: 'top' | 'bottom';
  }
  const candidates: Candidate[][] = pages.map((lines, index) => {
    const height = heights[index] ?? 0;
    const found: Candidate[] = [];
    lines.forEach((line, position) => {
      if (height <= 0) return;
      if (position < edgeLines && line.y <= topBand * height) found.push({ line, edge: 'top' });
      else if (position >= lines.length - edgeLines && line.y >= bottomBand * height) found.push({ line, edge: 'bottom' });
    });
    return found;
  });
  const needed = Math.max(2, Math.ceil(pages.length * 0.5));
  const running = (candidate: Candidate): boolean => {
    if (pages.length < 2) return false;
    const key = signature(candidate.line);
    let count = 0;
    for (const others of candidates) {
      const tolerance = Math.max(2, 0.5 * candidate.line.size);
      if (others.some((other) => other.edge === candidate.edge && signature(other.line) === key && Math.abs(other.line.y - candidate.line.y) <= tolerance)) count += 1;
    }
    return count >= needed;
  };

  const removed: RemovedPart[] = [];
  const kept = pages.map((lines, index) => {
    const out: Line[] = [];
    const pageCandidates = candidates[index] ?? [];
    for (const line of lines) {
      const candidate = pageCandidates.find((item) => item.line === line);
      if (candidate !== undefined) {
        if (isPageNumber(line.text)) {
          removed.push({ text: line.printed, rule: 'page-number', page: line.page });
          continue;
        }
        if (running(candidate)) {
          removed.push({ text: line.printed, rule: candidate.edge === 'top' ? 'page-header' : 'page-footer', page: line.page });
          continue;
        }
      }
      out.push(line);
    }
    return out;
  });
  return { pages: kept, removed };
}

/** A line opening with an outline label: 一、 （一） 1. 1、 （1） ① 第一章. */
const numberedStart = /^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[）)]|\d{1,3}(?:[.．、](?!\d)|[)）])|[（(]\d{1,3}[）)]|[①-⑳⑴-⒇⒈-⒛㈠-㈩]|第[一二三四五六七八九十百\d]+[章节条部篇])/u;

export const startsWithLabel = (text: string): boolean => numberedStart.test(text);

/** The left edge of the text column: the leftmost start at least two lines share (one stray line does not move it). */
function columnLeft(lines: readonly Line[]): number {
  const starts = lines.map((line) => line.x).sort((a, b) => a - b);
  for (const start of starts) {
    const tolerance = 0.3 * median(lines.map((line) => line.size));
    if (starts.filter((other) => Math.abs(other - start) <= tolerance).length >= 2) return start;
  }
  return starts[0] ?? 0;
}

/**
 * The right edge of the text column: where most lines end (within half an em),
 * the rightmost such place on a tie. Full lines are most lines in running
 * text; a line that overshoots the margin (a first line set wider, Latin
 * letters squeezed in) does not move the edge. Where fewer than three lines
 * end together, the text is too short to show its column, and the margins are
 * taken to be even: the edge is no further left than the page width less the
 * left margin.
 */
function columnRight(lines: readonly Line[], left: number, pageWidth: number): number {
  const ends = lines.map((line) => line.right).sort((a, b) => a - b);
  const tolerance = 0.5 * median(lines.map((line) => line.size));
  let edge = ends.at(-1) ?? 0;
  let best = 0;
  let from = 0;
  for (let to = 0; to < ends.length; to += 1) {
    while ((ends[from] as number) < (ends[to] as number) - tolerance) from += 1;
    const count = to - from + 1;
    if (count >= best) {
      best = count;
      edge = ends[to] as number;
    }
  }
  return best >= 3 || pageWidth <= 0 ? edge : Math.max(edge, pageWidth - left);
}

/**
 * What a line may not begin with (、，。”） and the like) and what may not end
 * one (“（《), as line breaking in Chinese text keeps them: a line breaking
 * before a closing mark carries the character before it along, and a quotation
 * mark clings to the characters on both sides of it.
 */
const noLineStart = /[、，。；：！？”’）》」』】〉…—,.;:!?)\]]/u;
const noLineEnd = /[“‘（《「『【〈(\[]/u;
const quote = /[“”‘’"']/u;
/** Signs that stick to the number or word after them: +5, ¥300, #2. */
const prefixSign = /[+＋$¥￥#＃-]$/u;

/**
 * How wide the line's first unbreakable piece is: what the line above would
 * have needed room for, had the line ended only because the text ran out of
 * width. A character, or a Latin word, with the marks that cling to it.
 */
function firstWordWidth(line: Line): number {
  const chars = [...line.text];
  let index = 0;
  while (index < chars.length && noLineEnd.test(chars[index] as string)) index += 1;
  if (index < chars.length && !isCjk(chars[index]) && !/\s/u.test(chars[index] as string)) {
    const wordStart = index;
    while (index < chars.length && !isCjk(chars[index]) && !/\s/u.test(chars[index] as string)) index += 1;
    if (prefixSign.test(chars.slice(wordStart, index).join('')) && isCjk(chars[index])) index += 1;
  } else {
    index += 1;
  }
  for (;;) {
    const next = chars[index];
    if (next === undefined) break;
    if (noLineStart.test(next) && !noLineEnd.test(next)) index += 1;
    else if (noLineEnd.test(next) || quote.test(next)) index += 2;
    else break;
  }
  return chars.slice(0, index).reduce((width, char) => width + (isCjk(char) ? line.size : 0.55 * line.size), 0);
}

/**
 * Joins a paragraph's next line to it. Chinese runs on without a space, Latin
 * words take one, digits split by the wrap join up again (5 / 0 is 50, not
 * "5 0"). A space the text held at the wrap stays where it is believed on a
 * line (between two Chinese characters, or anywhere when spaces are trusted).
 */
function joinPieces(left: string, previous: Line, right: Line, trustSpaces: boolean): string {
  if (left.length === 0) return right.text;
  const before = [...left].at(-1);
  const after = [...right.text][0];
  const latin = !isCjk(before) && !isCjk(after);
  const space =
    previous.spaceAfter || right.spaceBefore
      ? latin || trustSpaces || (isHan(before) && isHan(after))
      : latin && !(/\d/u.test(before ?? '') && /\d/u.test(after ?? '')) && !left.endsWith('-');
  return space ? `${left} ${right.text}` : left + right.text;
}

/** Lines in reading order (pages in turn) → paragraphs. */
export function rebuildParagraphs(pages: readonly Line[][], pageWidth = 0, options: LayoutOptions = {}): string[] {
  const lines = pages.flat();
  if (lines.length === 0) return [];
  const left = columnLeft(lines);
  const right = columnRight(lines, left, pageWidth);
  const columnWidth = Math.max(1, right - left);
  const pitches: number[] = [];
  for (const pageLines of pages) {
    for (let index = 1; index < pageLines.length; index += 1) {
      const gap = (pageLines[index] as Line).y - (pageLines[index - 1] as Line).y;
      if (gap > 0) pitches.push(gap / (pageLines[index - 1] as Line).size);
    }
  }
  // The usual distance between lines, in ems of the upper line: more than that and a half is a paragraph gap.
  const pitch = median(pitches) || 1.5;

  const centred = (line: Line): boolean => {
    const before = line.x - left;
    const after = right - line.right;
    return before > 2 * line.size && Math.abs(before - after) <= 1.5 * line.size;
  };

  const paragraphs: string[] = [];
  let previous: Line | null = null;
  for (const line of lines) {
    let starts = previous === null;
    if (previous !== null) {
      const indented = line.x - left >= 1.5 * line.size;
      // The line before ended by choice if the start of this one would have fitted after it.
      const endedShort = right - previous.right > firstWordWidth(line) + 0.5 * previous.size;
      const sizeChanged = Math.abs(line.size - previous.size) > 0.2 * Math.max(line.size, previous.size);
      const gapped = line.page === previous.page && line.y - previous.y > 1.6 * pitch * previous.size;
      starts = indented || endedShort || sizeChanged || gapped || startsWithLabel(line.text);
      // A long centred title wraps onto a second centred line: one title.
      if (
        centred(line) &&
        centred(previous) &&
        !sizeChanged &&
        line.page === previous.page &&
        line.y - previous.y <= 2 * previous.size &&
        previous.right - previous.x >= 0.75 * columnWidth
      ) {
        starts = false;
      }
    }
    if (starts) paragraphs.push(line.text);
    else if (previous !== null) paragraphs[paragraphs.length - 1] = joinPieces(paragraphs[paragraphs.length - 1] as string, previous, line, options.trustSpaces === true);
    previous = line;
  }
  return paragraphs;
}

/** The whole treatment: lines per page, running parts out, paragraphs rebuilt. */
export function layoutPages(pages: readonly LayoutPage[], options: LayoutOptions = {}): Layout {
  const lines = pages.map((page, index) => buildLines(page.runs, index + 1, options));
  const emptyPages = lines.flatMap((pageLines, index) => (pageLines.length === 0 ? [index + 1] : []));
  const { pages: kept, removed } = removeRunningParts(
    lines,
    pages.map((page) => page.height),
  );
  const pageWidth = median(pages.map((page) => page.width));
  return { text: rebuildParagraphs(kept, pageWidth, options).join('\n'), removed, emptyPages };
}

/**
 * A title from a file's properties (a PDF's Info, an OFD's DocInfo, a .docx's
 * core properties) is often a template's or a file name's ("Microsoft Word -
 * 附件1.doc", "Document"): only a Chinese title that is not a file name is believed.
 */
export function plausibleTitle(value: string): boolean {
  return /\p{Script=Han}/u.test(value) && !/^Microsoft\s+Word\b/iu.test(value) && !/\.(?:docx?|wps|pdf|ofd|txt)$/iu.test(value);
}
