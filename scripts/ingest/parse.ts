/**
 * Parse: cleaned lines → the document's parts (notice, title, preamble) and its
 * numbered outline as a tree.
 *
 * Writers nest numbering styles in their own order (一、 › （一） › 1., or
 * 一、 › 1., or 一、 › （一） › 一是 …), so levels come from the order in which
 * each branch of the document opens them, not from a fixed table. A marker is
 * only believed when its number continues its list; otherwise the line is text
 * (a sentence that happens to start with "3." or "一是").
 */
import type { Genre, NumberingStyle } from '../genre/load.ts';
import type { SourceLine } from './clean.ts';
import { parseNumeral, yearsIn } from './numerals.ts';
import { unspacedType, withoutSpaces } from './normalize.ts';

export interface Marker {
  style: NumberingStyle;
  number: number;
  /** The label as printed, e.g. "1." or "（一）". */
  label: string;
  /** The rest of the line after the label. */
  rest: string;
}

export interface OutlineNode {
  marker: Marker;
  line: SourceLine;
  /** Unnumbered lines that follow the heading line, before the first child. */
  body: SourceLine[];
  children: OutlineNode[];
  /** Set on a top-level node that restarts the top numbering (a second list in one plan). */
  startsPart: boolean;
}

export interface ParseWarning {
  line: number;
  message: string;
}

export interface ParsedDocument {
  /** The covering notice (印发通知) and anything else printed before the title. */
  notice: SourceLine[];
  /** The printed title: its own line, plus an issuers line printed just above it. */
  titleLines: SourceLine[];
  preamble: SourceLine[];
  /**
   * The unnumbered heading of the first part when the plan has several numbered
   * lists (2023年工作总结 … 一、 … 2024年工作计划 … 一、): printed right before the
   * first list, so neither preamble nor title.
   */
  firstPartHeading: SourceLine | null;
  /** The first part's own paragraph between its heading and its list (2023年，在市委…). */
  firstPartIntro: SourceLine[];
  outline: OutlineNode[];
  /** True when no numbered outline was found and the paragraphs stand as items. */
  paragraphs: boolean;
  /**
   * The signature block after the plan's last item: issuers, date, disclosure
   * note, attachment list. Still part of the last item's text (the model has no
   * place for it); read for metadata.
   */
  closing: SourceLine[];
  warnings: ParseWarning[];
}

export function matchMarker(text: string, genre: Genre): Marker | null {
  for (const style of genre.numbering) {
    const match = style.pattern.exec(text);
    if (!match) continue;
    const numberText = match.groups?.['num'] ?? match.groups?.['num2'];
    if (numberText === undefined) continue;
    const number = parseNumeral(numberText, style.numerals);
    if (number === null) continue;
    const label = match[0];
    const rest = text.slice(label.length).trimStart();
    if (rest.length === 0) continue;
    const listStyle = style.listOf === undefined ? style : (genre.numbering.find((other) => other.id === style.listOf) ?? style);
    return { style: listStyle, number, label: text.slice(0, text.length - rest.length), rest };
  }
  return null;
}

/** A title line that is the second part of a title broken over two lines (和2014年工作计划). */
export const isTitleSecondPart = (text: string, genre: Genre): boolean => genre.planTitle.secondPart.pattern.test(text);

/**
 * A title line that continues the line above it: its second part (…2013年工作总结 /
 * 和2014年工作计划), or the rest of an issuer's name a line break cut (中共黑龙江省委高等学校
 * 工作委员会黑龙江省 / 教育厅2016年工作要点), the line above no name on its own.
 */
export function continuesTitle(above: string, line: string, genre: Genre): boolean {
  if (isTitleSecondPart(line, genre)) return isPlanTitle(above, genre);
  const year = line.search(genre.year);
  const head = above.trim();
  // The line starts with the organ alone (教育厅2016年…), its place on the line above.
  const organ = year > 0 ? line.slice(0, year).trim() : '';
  if (!genre.organSuffixes.includes(organ) || head.length > maxIssuerNamesLength || !/^\p{Script=Han}+$/u.test(head) || isIssuerLine(head, genre)) return false;
  return isIssuerLine(head + organ, genre);
}

/** A heading's own words: its line up to the first 。 or ：, not the sentences of the text it heads. */
export const headingWords = (rest: string): string => rest.split(/[。：:]/u)[0]!;

export function isIssuerLine(text: string, genre: Genre): boolean {
  // A name set in spaced type (北 京 市 教 育 委 员 会) is one name.
  // An organ named twice (省教育厅（省委教育工委）) is two names; a name alone in brackets
  // (（县教育体育局）) is a page's label, not an issuer.
  if (/^\s*[（(]/u.test(text)) return false;
  const parts = unspacedType(text)
    .split(/[ （）()]/u)
    .filter((part) => part.length > 0);
  // Names, not a sentence cut off after 党组 (…进一步增强党组): short, and no clause marks.
  // Nor a notice's heading broken after a name (关于印发《中共湖南省委教育工委 / 湖南省教育厅2023年工作要点》的通知,
  // 福建省教育厅关于印发福建省教育厅 / 2012年工作要点的通知).
  // Nor a page's tag run into a name ([官方政策]四川省教育厅).
  const isName = (part: string): boolean => part.length <= maxIssuerNamesLength && !/[。；;，,：:！!？?《》[\]【】]|关于/u.test(part);
  return parts.length > 0 && parts.every((part) => isName(part) && genre.organSuffixes.some((suffix) => part.endsWith(suffix)));
}

/** The longest run of issuers' names without a space (中共泰安市委教育工委、泰安市教育局、泰安市财政局). */
const maxIssuerNamesLength = 60;

/** How many lines of issuers a title may carry above it (中共…教育工作委员会 / …教育委员会 / …督导室2009年工作要点). */
const maxIssuerLines = 4;

/** How many source lines below an issuer line the next line of the title block may start (blank lines between). */
const maxIssuerGap = 4;

/** Where a title starts that its issuers head, one a line, right above it. */
function issuerLinesAbove(lines: readonly SourceLine[], titleIndex: number, genre: Genre): number {
  const title = withoutSpaces(lines[titleIndex]!.text);
  let start = titleIndex;
  // Printed with the title, blank lines between at most: a site's name above the page's table of facts is the site's.
  const nextTo = (above: SourceLine, below: SourceLine): boolean => below.line - above.line <= maxIssuerGap;
  while (start > 0 && titleIndex - start < maxIssuerLines && isIssuerLine(lines[start - 1]!.text, genre) && nextTo(lines[start - 1]!, lines[start]!)) {
    // A page's header naming a bureau the title names again (鄂尔多斯市教育局 / 鄂尔多斯市教育局2012年工作安排,
    // 海南省教育厅 / 中共海南省委教育工委 海南省教育厅2013年工作要点) is no part of it.
    if (title.includes(withoutSpaces(lines[start - 1]!.text))) break;
    start -= 1;
  }
  return start;
}

export function isPlanTitle(line: string, genre: Genre): boolean {
  const rule = genre.planTitle;
  // A title set in spaced type (2 0 2 3 年 工 作 要 点) is read as it spells.
  const text = unspacedType(line);
  return text.length <= rule.maxLength && rule.pattern.test(text) && !rule.notPatterns.some((not) => not.test(text));
}

/**
 * The style that opens the outline: among styles whose list really runs (a 1
 * followed later by a 2), the one highest in the conventional order. A lone
 * first heading of a higher style printed just above that list (一、 with its
 * items 1. 2. 3., the text cut before 二、) opens it instead, and the highest of
 * several stacked ones (一、 over (一) over 1.).
 */
function topStyle(marked: ReadonlyArray<Marker | null>): { style: NumberingStyle; start: number } | null {
  const seenOne = new Set<string>();
  let best: NumberingStyle | null = null;
  for (const marker of marked) {
    if (!marker) continue;
    if (marker.number === 1) seenOne.add(marker.style.id);
    else if (marker.number === 2 && seenOne.has(marker.style.id)) {
      if (!best || marker.style.rank < best.rank) best = marker.style;
    }
  }
  if (!best) return cutOutline(marked);
  const firstOne = marked.findIndex((marker) => marker?.style === best && marker.number === 1);
  // A text that starts past 一、 (三、存在的问题 / （一）… / 四、2012年工作安排 / （一）…): the higher
  // style's labels run on from some number above the list, and they head it.
  const cut = cutOutline(marked);
  if (cut && cut.style.rank < best.rank && cut.start < firstOne && !marked.some((marker) => marker?.style === cut.style && marker.number === 1)) return cut;
  // Lone headings stack: 一、 above (一) above 1. 2. 3., the text cut before (二) and 二、.
  let top = { style: best, start: firstOne };
  for (let index = firstOne - 1; index >= Math.max(0, top.start - maxLoneHeadingGap); index -= 1) {
    const marker = marked[index];
    if (!marker) continue;
    // …or the one label of its style in a text that starts past it (the summary's end, then 四、2012年工作安排 / （一）…).
    const onlyOfStyle = marked.every((other) => other === marker || other?.style !== marker.style);
    const lone = marker.style.rank < top.style.rank && (marker.number === 1 ? !marked.some((other) => other?.style === marker.style && other.number === 2) : onlyOfStyle);
    if (!lone) break;
    top = { style: marker.style, start: index };
  }
  return shiHeadings(marked, top) ?? top;
}

/**
 * 一是…, 二是… lines that each stand right above a numbered list (一是坚持党建引领。 /
 * 1.深化理论武装。… / 二是… / 3.…): headings over the list, though 一是 is elsewhere a
 * run-in enumeration inside paragraphs, below every other style.
 */
function shiHeadings(marked: ReadonlyArray<Marker | null>, top: { style: NumberingStyle; start: number }): { style: NumberingStyle; start: number } | null {
  const heads = marked.flatMap((marker, index) => (marker?.style.id === 'chinese-shi' ? [index] : []));
  const first = heads[0];
  if (first === undefined || first !== top.start - 1 || marked[first]!.number !== 1) return null;
  const headsList = (index: number): boolean => marked[index + 1]?.style === top.style;
  return heads.every(headsList) ? { style: marked[first]!.style, start: first } : null;
}

/**
 * An excerpt cut right after its outline begins (一、… 1.…, and no 二、 or 2.): the
 * first label numbered 1 opens it, when what follows it is only labels numbered 1
 * of deeper styles (its first item), so that a lone "1." in a paragraph does not.
 */
function loneStart(marked: ReadonlyArray<Marker | null>): { style: NumberingStyle; start: number } | null {
  const start = marked.findIndex((marker) => marker !== null && marker.number === 1 && !runInStyleIds.has(marker.style.id));
  if (start < 0) return null;
  const first = marked[start] as Marker;
  const later = marked.slice(start + 1).filter((marker): marker is Marker => marker !== null && !runInStyleIds.has(marker.style.id));
  return later.every((marker) => marker.number === 1 && marker.style.rank > first.style.rank) ? { style: first.style, start } : null;
}

/** Run-in enumerations never open a cut outline: inside paragraphs they restart everywhere. */
const runInStyleIds = new Set(['chinese-shi', 'chinese-ordinal']);

/**
 * An excerpt that begins inside the outline (二、… 6. 7.: the page or the copy
 * starts past 一、) still has one: the highest style whose labels run on from
 * some number (n, then n + 1) opens it at its first label of that run.
 */
function cutOutline(marked: ReadonlyArray<Marker | null>): { style: NumberingStyle; start: number } | null {
  let found: { style: NumberingStyle; start: number } | null = null;
  const lastOfStyle = new Map<string, { number: number; index: number }>();
  marked.forEach((marker, index) => {
    if (!marker || runInStyleIds.has(marker.style.id)) return;
    const last = lastOfStyle.get(marker.style.id);
    if (last && marker.number === last.number + 1 && (!found || marker.style.rank < found.style.rank)) found = { style: marker.style, start: last.index };
    lastOfStyle.set(marker.style.id, { number: marker.number, index });
  });
  if (!found) return loneStart(marked);
  // A higher style's label just above the run heads it (二、 above 6. 7.).
  const { style, start } = found as { style: NumberingStyle; start: number };
  for (let index = start - 1; index >= Math.max(0, start - maxLoneHeadingGap); index -= 1) {
    const marker = marked[index];
    if (marker && marker.style.rank < style.rank && !runInStyleIds.has(marker.style.id)) return { style: marker.style, start: index };
    if (marker) break;
  }
  return found;
}

/** Lines a lone first heading may stand above its list (the heading, a sentence or two). */
const maxLoneHeadingGap = 3;

const maxDepth = 6;

/** The first line before `before` that issues the plan (现将《…》印发, 关于印发…的通知), or -1. */
const issuingLine = (lines: readonly SourceLine[], genre: Genre, before = lines.length): number =>
  lines.findIndex((line, index) => index < before && genre.noticeSignals.some((signal) => signal.test(line.text)));

/**
 * A plan printed without its own title line may still follow its covering
 * notice; the notice then ends with its signature: the last issuers or date
 * line after the line that issues the plan (现将《…》印发).
 */
function untitledNoticeEnd(lines: readonly SourceLine[], outlineStart: number, genre: Genre): number {
  const issuing = issuingLine(lines, genre, outlineStart);
  if (issuing < 0) return 0;
  let end = issuing + 1;
  for (let index = issuing + 1; index < outlineStart; index += 1) {
    const text = (lines[index] as SourceLine).text;
    if (isSignatureLine(text, genre)) end = index + 1;
    // （此件公开发布） right after the signature still belongs to the notice.
    else if (end === index && isClosingLine(text, genre)) end = index + 1;
  }
  return end;
}

const isClosingLine = (text: string, genre: Genre): boolean => genre.closingLines.some((pattern) => pattern.test(text));

/** Issuers, a date of issue, or both on one line: 泰安市教育局  2024年3月26日. */
function isSignatureLine(text: string, genre: Genre): boolean {
  if (isIssuerLine(text, genre)) return true;
  const match = genre.issueDate.exec(text);
  if (!match) return false;
  const before = text.slice(0, match.index).trim();
  return before.length === 0 || isIssuerLine(before, genre);
}

/** An attachment list names a few files, one short line each, no sentences. */
const maxAttachmentLines = 8;
const maxAttachmentLength = 60;

/**
 * The signature block after the last item, read backwards from the end: lines
 * of issuers and dates, disclosure notes, and an attachment list (附件：1.…
 * 2.…) before or after the signature. Empty when the text ends with a sentence.
 */
function closingBlock(lines: readonly SourceLine[], after: number, genre: Genre): SourceLine[] {
  let start = lines.length;
  let signed = false;
  while (start - 1 > after) {
    const text = (lines[start - 1] as SourceLine).text;
    if (isSignatureLine(text, genre)) signed = true;
    else if (!isClosingLine(text, genre)) break;
    start -= 1;
  }
  // 附件：, then its numbered entries, then the signature.
  for (let index = start - 1; index > after && index >= start - 1 - maxAttachmentLines; index -= 1) {
    const text = (lines[index] as SourceLine).text;
    if (genre.attachmentList.test(text) && isClosingLine(text, genre)) {
      const entries = lines.slice(index + 1, start);
      if (entries.every((line) => line.text.length <= maxAttachmentLength && !/[。；;]/u.test(line.text))) start = index;
      break;
    }
    if (text.length > maxAttachmentLength) break;
  }
  const block = lines.slice(start);
  return signed || block.some((line) => genre.attachmentList.test(line.text)) ? block : [];
}

/** A label's line that reads as a heading (short, no full stop): one that must not vanish into an item unannounced. */
const isHeadingLike = (marker: Marker): boolean => marker.rest.length <= 40 && !/[。；;]/u.test(marker.rest);

/** A short unnumbered line that can head a part of the plan: no sentence, no clause. */
const maxPartHeadingLength = 30;
/** How many lines of its own text a part heading may have before its list (2024年工作要点 / 2024年全市教育工作的总体要求是… / 一、). */
export const maxPartIntroLines = 3;
export const isPartHeadingText = (text: string): boolean => text.length <= maxPartHeadingLength && !/[。；;：:，,]/u.test(text);
/** A part heading that names the part (a year and a kind: 2023年工作总结), which may have a paragraph of its own before its list. */
export const namesAPart = (text: string, genre: Genre): boolean => isPartHeadingText(text) && isPlanTitle(text, genre);

/**
 * A covering notice's own numbered requirements (现将《要点》发给你们，并提出如下要求：
 * 1、认真组织学习 …) stand between the line that issues the plan and the plan's title
 * printed below them: the index of that title, before which no label opens the
 * plan's outline, or -1.
 */
function titleBelowNoticeList(lines: readonly SourceLine[], marked: ReadonlyArray<Marker | null>, genre: Genre): number {
  const issuing = issuingLine(lines, genre);
  if (issuing < 0) return -1;
  const firstLabel = marked.findIndex((marker, index) => index > issuing && marker !== null);
  if (firstLabel < 0) return -1;
  for (let index = firstLabel + 1; index < lines.length; index += 1) {
    const text = (lines[index] as SourceLine).text;
    if (!marked[index] && isPlanTitle(text, genre) && !isClosingLine(text, genre)) return index;
  }
  return -1;
}

export function parseDocument(lines: readonly SourceLine[], genre: Genre): ParsedDocument {
  const labels = lines.map((line) => matchMarker(line.text, genre));
  const noticeTitle = titleBelowNoticeList(lines, labels, genre);
  // The notice's own list is the notice's text: its labels open nothing.
  const marked = labels.map((marker, index) => (index < noticeTitle ? null : marker));
  const opened = topStyle(marked);
  if (!opened) return paragraphOutline(lines, genre);
  const top = opened.style;
  const firstTopOne = opened.start;

  const warnings: ParseWarning[] = [];
  const outline: OutlineNode[] = [];
  const open: OutlineNode[] = [];
  const lastNumberOfStyle = new Map<string, number>();

  const attach = (marker: Marker, line: SourceLine, depth: number, startsPart: boolean): void => {
    const node: OutlineNode = { marker, line, body: [], children: [], startsPart };
    open.length = depth;
    const parent = open[depth - 1];
    (parent ? parent.children : outline).push(node);
    open.push(node);
    lastNumberOfStyle.set(marker.style.id, marker.number);
  };

  // The signature block is read before the outline, so that a numbered
  // attachment list (附件：1.… 2.…) never restarts the plan's list.
  const closing = closingBlock(lines, firstTopOne, genre);
  const closingStart = lines.length - closing.length;
  for (let index = firstTopOne; index < closingStart; index += 1) {
    const line = lines[index] as SourceLine;
    const marker = marked[index];
    if (marker && place(marker, line, index)) continue;
    const deepest = open.at(-1);
    if (deepest) appendText(deepest, line);
  }

  /** The next label of the marker's style after `index` continues its number (6. … 7.). */
  function continuedAfter(index: number, marker: Marker): boolean {
    for (let next = index + 1; next < closingStart; next += 1) {
      const other = marked[next];
      if (other?.style === marker.style) return other.number === marker.number + 1;
    }
    return false;
  }

  function place(marker: Marker, line: SourceLine, index: number): boolean {
    const depth = open.findLastIndex((node) => node.marker.style === marker.style);
    if (depth >= 0) {
      const last = (open[depth] as OutlineNode).marker.number;
      if (marker.number > last && marker.number <= last + 2) {
        if (marker.number > last + 1) {
          warnings.push({ line: line.line, message: `numbering jumps from ${last} to ${marker.number}` });
        }
        attach(marker, line, depth, false);
        return true;
      }
      if (depth === 0 && marker.number === 1) {
        attach(marker, line, 0, true);
        return true;
      }
      // Never silently: a heading kept as text would be swallowed into the item above.
      warnings.push({
        line: line.line,
        message: `"${marker.label}" does not continue its list (last was ${last}); kept as text of the item above: check the numbering`,
      });
      return false;
    }
    // The first label of the top style opens the outline, whatever its number when the text starts past 一、.
    if (open.length === 0) return marker.style === top && (marker.number === 1 || line === lines[firstTopOne]) && (attach(marker, line, 0, false), true);
    if (open.length >= maxDepth) return false;
    const running = lastNumberOfStyle.get(marker.style.id) ?? 0;
    if (marker.number === 1 || marker.number === running + 1) {
      attach(marker, line, open.length, false);
      return true;
    }
    // A text that starts past 一、 (a copy that lost its beginning: 二、… 6.… 7.…) may start its first
    // list past 1 too, when the next label continues it.
    const first = outline[0];
    if (first && outline.length === 1 && first.marker.number > 1 && open.length === 1 && first.children.length === 0 && continuedAfter(index, marker)) {
      warnings.push({ line: line.line, message: `the outline starts at ${first.marker.label.trim()} and its first list at ${marker.label.trim()}: check that the text is whole` });
      attach(marker, line, 1, false);
      return true;
    }
    // A deeper list that starts past 1 (（三） with no （一）): the writer's numbering, or a heading the parser cannot place.
    if (isHeadingLike(marker)) {
      warnings.push({ line: line.line, message: `"${marker.label}" starts no list here (no ${marker.style.examples[0] ?? '1'} before it); kept as text of the item above: check the numbering` });
    }
    return false;
  }

  const titleAbove = (from: number): number => {
    for (let index = from; index >= 0; index -= 1) {
      const line = lines[index];
      // 附件：…2022年工作要点 lists what a notice attaches; the title is printed below it.
      if (line && !marked[index] && isPlanTitle(line.text, genre) && !isClosingLine(line.text, genre)) return index;
    }
    return -1;
  };

  // Several numbered lists, the first headed by a short line right above it:
  // that line is the first part's heading unless it is the plan's only title.
  let firstPartHeading: SourceLine | null = null;
  const justAbove = lines[firstTopOne - 1];
  if (outline.some((node) => node.startsPart) && justAbove && !marked[firstTopOne - 1] && isPartHeadingText(justAbove.text)) {
    const higher = titleAbove(firstTopOne - 2);
    const isOnlyTitle = isPlanTitle(justAbove.text, genre) && (higher < 0 || lines[higher]?.text === justAbove.text);
    if (!isOnlyTitle) firstPartHeading = justAbove;
  }
  // …or a few lines above it, with a paragraph of its own between (2023年工作总结 / 2023年，在市委… / 一、):
  // a heading that names the part (a year and a kind), below the plan's own title.
  let firstPartIntro: SourceLine[] = [];
  if (outline.some((node) => node.startsPart) && !firstPartHeading) {
    for (let index = firstTopOne - 2; index >= Math.max(0, firstTopOne - 1 - maxPartIntroLines); index -= 1) {
      const line = lines[index];
      if (!line || marked[index]) break;
      if (!namesAPart(line.text, genre)) continue;
      const title = titleAbove(index - 1);
      if (title >= 0 && withoutSpaces(lines[title]!.text) !== withoutSpaces(line.text)) {
        firstPartHeading = line;
        firstPartIntro = lines.slice(index + 1, firstTopOne);
      }
      break;
    }
  }
  const outlineStart = firstPartHeading ? firstTopOne - 1 - firstPartIntro.length : firstTopOne;

  const nearestTitle = titleAbove(outlineStart - 1);
  // A line naming one part of a combined title printed above it (2020年工作总结 under
  // …2020年工作总结暨2021年工作思路) heads that part: the combined line is the title.
  const combinedTitle = nearestTitle > 0 ? titleAbove(nearestTitle - 1) : -1;
  const [combined, part] = [withoutSpaces(lines[combinedTitle]?.text ?? ''), withoutSpaces(lines[nearestTitle]?.text ?? '')];
  // Also when the part's line has a slip (2020年作工总结) the combined line's years show it.
  const [combinedYears, partYears] = [new Set(yearsIn(combined, genre)), new Set(yearsIn(part, genre))];
  const namesItsYears = partYears.size > 0 && [...partYears].every((year) => combinedYears.has(year)) && combinedYears.size > partYears.size;
  const isPartOfCombined = combinedTitle >= 0 && combined !== part && (combined.includes(part) || namesItsYears);
  const titleIndex = isPartOfCombined ? combinedTitle : nearestTitle;
  // A title broken before its second part (市教育局2013年工作总结 / 和2014年工作计划): the line
  // above, a title of the first part, is its first half.
  const firstHalf = titleIndex > 0 && !marked[titleIndex - 1] && continuesTitle(lines[titleIndex - 1]!.text, lines[titleIndex]!.text, genre);
  const titleStart = titleIndex < 0 ? titleIndex : issuerLinesAbove(lines, firstHalf ? titleIndex - 1 : titleIndex, genre);

  let noticeEnd = titleStart;
  if (titleIndex < 0) noticeEnd = untitledNoticeEnd(lines, outlineStart, genre);
  const notice = lines.slice(0, Math.max(noticeEnd, 0));
  const titleLines = titleIndex >= 0 ? lines.slice(titleStart, titleIndex + 1) : [];
  const preamble = lines.slice(titleIndex >= 0 ? titleIndex + 1 : Math.max(noticeEnd, 0), outlineStart);
  // A text whose outline opens past 一、 lost its beginning, or prints only its second part.
  const opening = outline[0];
  if (opening && opening.marker.number > 1 && !warnings.some((warning) => warning.message.startsWith('the outline starts at'))) {
    warnings.push({ line: opening.line.line, message: `the outline starts at ${opening.marker.label.trim()}: check that the text is whole` });
  }

  return { notice, titleLines, preamble, firstPartHeading, firstPartIntro, outline, paragraphs: false, closing, warnings };
}

/**
 * Text after a node's children belongs to its last descendant: an unnumbered
 * paragraph continues whatever was numbered last.
 */
function appendText(node: OutlineNode, line: SourceLine): void {
  if (node.children.length === 0) node.body.push(line);
  else appendText(node.children.at(-1) as OutlineNode, line);
}

/** Where a plan printed without a numbered outline gets its items from: each paragraph, numbered in order. */
export const paragraphStyle: NumberingStyle = {
  id: 'paragraph',
  rank: Number.MAX_SAFE_INTEGER,
  pattern: /(?!)/u,
  numerals: 'arabic',
  examples: [],
};

/** A line that is a 文号 and nothing else, as printed under a plan's title (青教综〔2019〕28号). */
export function isDocNumberLine(text: string, genre: Genre): boolean {
  const trimmed = text.trim();
  return trimmed.length > 0 && genre.docNumber.exec(trimmed)?.[0] === trimmed;
}

/** How far down a plan's printed title may stand (below page chrome and a notice's heading). */
const maxTitleLine = 30;

/**
 * A plan with no numbered outline (a mirror that dropped the numbers, an excerpt
 * that stops before 一、, a plan written in plain paragraphs) is still a plan:
 * after its title (or its covering notice) each paragraph becomes an item, keyed
 * by its place as numbered items are, with a warning that says so.
 */
function paragraphOutline(lines: readonly SourceLine[], genre: Genre): ParsedDocument {
  // Not 附件：…2018年工作要点, the notice's list of what it attaches: the title is printed below it.
  const titleIndex = lines.slice(0, maxTitleLine).findIndex((line) => isPlanTitle(line.text, genre) && !isClosingLine(line.text, genre));
  const titleStart = titleIndex < 0 ? titleIndex : issuerLinesAbove(lines, titleIndex, genre);
  const noticeEnd = titleIndex >= 0 ? titleStart : untitledNoticeEnd(lines, lines.length, genre);
  const bodyStart = titleIndex >= 0 ? titleIndex + 1 : noticeEnd;
  const closing = closingBlock(lines, bodyStart - 1, genre);
  // A 文号 under the title is no paragraph of the plan: it stays before the items, as a preamble;
  // so does the plan's opening paragraph (2023年是…之年), which sets out no task.
  const afterNumber = titleIndex >= 0 && lines[bodyStart] && isDocNumberLine(lines[bodyStart].text, genre) ? bodyStart + 1 : bodyStart;
  const itemsStart = lines[afterNumber] && afterNumber < lines.length - closing.length && genre.preambleOpening.test(lines[afterNumber].text) ? afterNumber + 1 : afterNumber;
  const paragraphs = lines.slice(itemsStart, lines.length - closing.length);
  const outline = paragraphs.map((line, index): OutlineNode => ({
    marker: { style: paragraphStyle, number: index + 1, label: '', rest: line.text },
    line,
    body: [],
    children: [],
    startsPart: false,
  }));
  const first = paragraphs[0];
  const warnings: ParseWarning[] = first
    ? [{ line: first.line, message: `no numbered outline (一、 （一） 1. …): the ${paragraphs.length} paragraph(s) from here on are published as items 1–${paragraphs.length}; check that the text is whole` }]
    : [];
  return {
    notice: lines.slice(0, Math.max(noticeEnd, 0)),
    titleLines: titleIndex >= 0 ? lines.slice(titleStart, titleIndex + 1) : [],
    preamble: lines.slice(bodyStart, itemsStart),
    firstPartHeading: null,
    firstPartIntro: [],
    outline,
    paragraphs: true,
    closing,
    warnings,
  };
}
