/**
 * Layout repair before parsing: a page whose paragraphs were flattened onto one
 * line (mirrors, PDF and Word conversions: "…努力。 一、深入学习… 1.深入学习…
 * 2.不断加强…") is split back into one line per numbered heading, so the outline
 * can be read. Only characters' line breaks change: every character stays, in
 * order, on the source line it came from.
 *
 * A line is split only where the flattening shows itself: the line is long and
 * holds at least two labels of one style numbered one after the other (一、…二、,
 * or 1.…2.), each after the end of a sentence or a space; it is then split at
 * every such label. Run-in enumerations and a lone outline opening (一、… then
 * 1.…) split a line only when asked, for a plan that has no other outline. A
 * single "。3." inside an ordinary paragraph is left alone, and the parser still
 * believes a label only where its number continues its list.
 */
import type { Genre } from '../genre/load.ts';
import type { SourceLine } from './clean.ts';
import { isIssuerLine, isPlanTitle, matchMarker, type Marker } from './parse.ts';

/** Shorter lines are ordinary paragraphs, even when they enumerate inline. */
export const minFlattenedLength = 120;

/** What may stand right before a label run into a line: the end of a sentence, a clause, a heading, or a space. */
const beforeLabel = /[。；;！!？?：:”」』）)\s]/u;
/** What a label can start with; other positions are not tried. */
const labelStart = /[0-9一二三四五六七八九十（(㈠-㈩①-⑳⑴-⒇⒈-⒛第]/u;
/** Enough of the text after a position to read a label and a word after it. */
const labelWindow = 24;
/**
 * Run-in enumerations (一是…二是…, 第一，…) belong inside paragraphs: they split a
 * line only when asked, for a plan that has no other outline.
 */
const runInStyles = new Set(['chinese-shi', 'chinese-ordinal']);

export interface SplitOptions {
  /** Also split at run-in enumerations. */
  runIn?: boolean;
  /** Also split a line that holds only an outline's opening (see openingStyles). */
  opening?: boolean;
}

interface Cut {
  at: number;
  marker: Marker;
}

/** The longest heading a list's first label may run into without a closing mark (二、工作目标1.全面…). */
const maxBareHeading = 16;
const sentenceMark = /[。；;！!？?，,]/u;
/**
 * Read for an outline's opening only (a flattened excerpt with no other outline),
 * a section heading may be as long as headings are and hold a comma
 * (一、强化政治意识,增强党对教育工作的全面领导1.突出…), though no full stop.
 */
const maxOpeningHeading = 40;
const fullStop = /[。；;！!？?]/u;

/** The text since the last cut is a short heading with no closing mark, and this label opens a list of another style under it. */
function opensListUnderHeading(text: string, at: number, marker: Marker, last: Cut | undefined, opening: boolean): boolean {
  if (!last || marker.number !== 1 || marker.style.id === last.marker.style.id) return false;
  const heading = text.slice(last.at + last.marker.label.length, at).trim();
  if (opening) return heading.length > 0 && heading.length <= maxOpeningHeading && !fullStop.test(heading);
  return heading.length > 0 && heading.length <= maxBareHeading && !sentenceMark.test(heading);
}

function cutsOf(text: string, genre: Genre, runIn: boolean, opening: boolean): Cut[] {
  const cuts: Cut[] = [];
  for (let at = 1; at < text.length; at += 1) {
    if (!labelStart.test(text[at] as string)) continue;
    const marker = matchMarker(text.slice(at, at + labelWindow), genre);
    if (!marker) continue;
    const isRunIn = runInStyles.has(marker.style.id);
    // A run-in label may follow a heading that has no closing mark (…做法一是…); any
    // label may follow the plan's title, which has none either (2024年县教育局工作计划一、工作思路),
    // and a list's first label may follow its short heading (二、工作目标1.全面加强…).
    const after = beforeLabel.test(text[at - 1] as string) || isPlanTitle(text.slice(0, at).trim(), genre) || opensListUnderHeading(text, at, marker, cuts.at(-1), opening);
    if ((isRunIn && runIn) || (!isRunIn && after)) cuts.push({ at, marker });
  }
  return cuts;
}

/** Styles that run in this line: some label is followed later by the next number of its style. */
function runningStyles(cuts: readonly Cut[]): Set<string> {
  const running = new Set<string>();
  const seen = new Map<string, Set<number>>();
  for (const { marker } of cuts) {
    const numbers = seen.get(marker.style.id) ?? new Set<number>();
    if (numbers.has(marker.number - 1)) running.add(marker.style.id);
    numbers.add(marker.number);
    seen.set(marker.style.id, numbers);
  }
  return running;
}

/**
 * An outline opening in the line: a first label (一、) and, after it, the first
 * label of another style (1. or （一）), as a flattened page shows it when only its
 * first item survives (an excerpt, a page cut short): "…贡献力量。 一、加强党的领导
 * 1.完善学习机制。…". Its two styles count as running, when asked: the weakest sign
 * of the three, tried last.
 */
function openingStyles(cuts: readonly Cut[]): Set<string> {
  const first = cuts.find((cut) => cut.marker.number === 1);
  const nested = first && cuts.find((cut) => cut.at > first.at && cut.marker.number === 1 && cut.marker.style.id !== first.marker.style.id);
  return first && nested ? new Set([first.marker.style.id, nested.marker.style.id]) : new Set();
}

/**
 * A plan's title run into its first paragraph after a space ("山东省教育厅2018年工作要点
 * 2018年，省教育厅工作的总体要求是：…") stands on a line of its own, so it is read as the title.
 */
function splitRunInTitle(line: SourceLine, genre: Genre): SourceLine[] {
  const text = line.text.trimStart();
  if (line.text.length < minFlattenedLength) return [line];
  // The title may hold spaces itself (眉县教育局 2017 年教育工作要点 作者:…): the first space that ends one,
  // or, with no space at all, the point where the first paragraph opens (…教育工作要点2022年，全市…).
  const head = text.slice(0, genre.planTitle.maxLength + 1);
  const ends = [...head.matchAll(/\s+|(?<=\p{Script=Han})(?=(?:19|20)\d{2}\s?年[,，是]|今年[,，以]|一年来)/gu)];
  for (const end of ends) {
    const title = text.slice(0, end.index);
    if (isPlanTitle(title, genre)) return [{ line: line.line, text: title }, { line: line.line, text: text.slice(end.index).trim() }];
  }
  return [line];
}

/** The end of a sentence, after which a signature may start. */
const sentenceEnd = /[。！!？?]/gu;
/** The longest run of issuer names a signature prints before its date. */
const maxSignatureIssuers = 60;
/** A note or page number under a signature is a few words: (此件公开发布), — 1 —. */
const maxClosingWords = 3;

/**
 * A signature run into a flattened line, as a PDF copied onto a document-sharing
 * site prints a covering notice ("…认真贯彻落实。 中共河南省委高校工委 河 南 省 教 育 厅
 * 2020 年 3 月 10 日 — 1 — 中共河南省委高校工委 河南省教育厅 2020 年工作要点 2020 年全省…"):
 * the issuers and their date stand on a line of their own, so the date of issue and
 * the issuers are read, then each closing note or page number under it, and what
 * follows (the plan's title) starts a line. Only where a sentence ends, the words
 * before the date all name issuers, and a space or the end of the line follows it.
 */
function splitRunInSignature(line: SourceLine, genre: Genre): SourceLine[] {
  if (line.text.length < minFlattenedLength) return [line];
  const text = line.text;
  const date = new RegExp(genre.issueDate.source.replace(/\$$/u, '(?=\\s|$)'), 'gu');
  for (const match of text.matchAll(date)) {
    const ends = [...text.slice(Math.max(0, match.index - maxSignatureIssuers - 1), match.index).matchAll(sentenceEnd)];
    const lastEnd = ends.at(-1);
    if (!lastEnd) continue;
    const start = Math.max(0, match.index - maxSignatureIssuers - 1) + lastEnd.index + 1;
    if (!isIssuerLine(text.slice(start, match.index).trim(), genre)) continue;
    const pieces = [text.slice(0, start), text.slice(start, match.index + match[0].length)];
    let rest = text.slice(match.index + match[0].length).trim();
    for (let closing = closingWordsAtStart(rest, genre); closing !== null; closing = closingWordsAtStart(rest, genre)) {
      pieces.push(closing);
      rest = rest.slice(closing.length).trim();
    }
    const after = rest.length > 0 ? splitRunInSignature({ line: line.line, text: rest }, genre) : [];
    return [...pieces.map((piece) => piece.trim()).filter((piece) => piece.length > 0).map((piece) => ({ line: line.line, text: piece })), ...after];
  }
  return [line];
}

/** The closing note or page number a text starts with ((此件公开发布), — 1 —), or null. */
function closingWordsAtStart(text: string, genre: Genre): string | null {
  const words = text.split(/\s+/u).slice(0, maxClosingWords);
  for (let count = words.length; count > 0; count -= 1) {
    const candidate = words.slice(0, count).join(' ');
    if (text.startsWith(candidate) && genre.closingLines.some((pattern) => pattern.test(candidate))) return candidate;
  }
  return null;
}

/** Splits flattened lines at their signatures and labels; other lines are returned as they are. */
export function splitFlattenedLines(lines: readonly SourceLine[], genre: Genre, options: SplitOptions = {}): SourceLine[] {
  const out: SourceLine[] = [];
  for (const line of lines.flatMap((each) => splitRunInSignature(each, genre)).flatMap((each) => splitRunInTitle(each, genre))) {
    if (line.text.length < minFlattenedLength) {
      out.push(line);
      continue;
    }
    const cuts = cutsOf(line.text, genre, options.runIn ?? false, options.opening ?? false);
    const running = new Set([...runningStyles(cuts), ...(options.opening ? openingStyles(cuts) : [])]);
    // Once a list shows itself, every label is cut: the parser believes only those that continue a list.
    const at = running.size === 0 ? [] : cuts.map((cut) => cut.at);
    if (at.length === 0) {
      out.push(line);
      continue;
    }
    let start = 0;
    for (const end of [...at, line.text.length]) {
      const text = line.text.slice(start, end).trim();
      if (text.length > 0) out.push({ line: line.line, text });
      start = end;
    }
  }
  return out;
}

/** A heading line that follows a label printed alone is short: the label's title, not a paragraph. */
const maxLoneLabelHeading = 40;

/** A lead phrase closed by its mark (认真学习宣传贯彻党的二十大精神。…) opens the paragraph of an item. */
const leadPhraseClose = new RegExp(`^[^。；：:]{2,${maxLoneLabelHeading}}[。：:]`, 'u');

/**
 * The other way round: a label printed alone on its line, its heading on the next
 * (WeChat reposts: 01 / 坚守教育初心使命 / text…; PDF conversions: 一、 / 加强党建),
 * or its item's paragraph opening with a lead phrase (1. / 认真学习宣传贯彻党的二十大精神。…),
 * is joined to that line, so the parser sees one labelled line. Only when the next
 * line is short or opens so, and is no label itself; the characters stay in order.
 */
export function joinLoneLabels(lines: readonly SourceLine[], genre: Genre): SourceLine[] {
  const out: SourceLine[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] as SourceLine;
    const next = lines[index + 1];
    const alone = matchMarker(`${line.text}标`, genre)?.rest === '标';
    if (alone && next && (next.text.length <= maxLoneLabelHeading || leadPhraseClose.test(next.text)) && matchMarker(next.text, genre) === null) {
      out.push({ line: line.line, text: `${line.text.trimEnd()} ${next.text}` });
      index += 1;
    } else {
      out.push(line);
    }
  }
  return out;
}

/** The tail of a title wrapped onto the next line is short: 工作要点, 工作计划报告. */
const maxTitleTail = 12;

/**
 * A plan title wrapped over two lines (施甸县2017年教育工作总结及2018年 / 工作要点) is
 * joined back when the two make a plan title and neither alone does, so the
 * title, kind and year are read from it. The characters stay in order.
 */
export function joinBrokenTitles(lines: readonly SourceLine[], genre: Genre): SourceLine[] {
  const out: SourceLine[] = [];
  for (const line of lines) {
    const last = out.at(-1);
    const joined = last ? `${last.text.trimEnd()}${line.text.trim()}` : '';
    const tail = line.text.trim();
    // A signature's date (二○一○年二月九日) above a bare 工作要点 is no first half of a title.
    const isDate = last !== undefined && genre.issueDate.test(last.text.trim());
    if (last && !isDate && tail.length <= maxTitleTail && !isPlanTitle(tail, genre) && !isPlanTitle(last.text.trim(), genre) && isPlanTitle(joined.trim(), genre)) {
      out[out.length - 1] = { line: last.line, text: joined };
    } else {
      out.push(line);
    }
  }
  return out;
}

/** A number at a line's end and its unit at the next line's start: 2016 / 年工作要点, 〔2021〕1 / 号. */
const brokenNumber = /\d$/u;
const unitStart = /^[年月日号號期届]/u;

/**
 * A hard line wrap inside a number and its unit (a PDF or Word conversion breaking
 * 泰安市教育局2016 / 年工作要点) is joined back, so the year, the date and the 文号
 * read whole. Other wraps stay: the parser joins a paragraph's lines itself.
 */
export function joinBrokenNumbers(lines: readonly SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (const line of lines) {
    const last = out.at(-1);
    if (last && brokenNumber.test(last.text) && unitStart.test(line.text)) out[out.length - 1] = { line: last.line, text: `${last.text}${line.text}` };
    else out.push(line);
  }
  return out;
}
