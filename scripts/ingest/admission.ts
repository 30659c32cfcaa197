/**
 * Is the text an education bureau's work plan at all? News reports of a plan,
 * meetings, five-year 规划, annual reports, one topic's plan, a school's plan
 * and the Ministry's own plan all look like one (a year, a title, 一、 …). They
 * are refused, saying which it is and on which line, rather than published as a
 * plan with facts the text does not hold. The rules are data
 * (scripts/genre/kinds.yaml, notPlans); an editor's sidecar `kind:` overrides them.
 */
import type { Genre, NotAPlanRule } from '../genre/load.ts';
import type { SourceLine } from './clean.ts';
import { AtlasError } from '../../src/model/errors.ts';
import { headingWords, isPlanTitle, matchMarker, type ParsedDocument } from './parse.ts';

/** How many lines from the top tell what a text is: page titles, a lede, the notice's heading. */
export const headLineCount = 8;
/** A rule reads this much of a line: a title, or the opening of a lede. */
const headLength = 80;
/** How far down a rule that reads short lines looks (a list of a speech's parts may come first). */
const shortLineCount = 40;

const overrideHint = 'if it is a bureau\'s annual work plan after all, add "kind: 工作要点" (or its kind) to a sidecar NAME.meta.yaml beside it';

/** The first lines before the outline, up to and including the plan's own title line. */
function headOf(lines: readonly SourceLine[], genre: Genre): SourceLine[] {
  const head: SourceLine[] = [];
  for (const line of lines.slice(0, headLineCount)) {
    if (matchMarker(line.text, genre)) break;
    head.push(line);
    if (isPlanTitle(line.text, genre)) break;
  }
  return head;
}

/** How much of a text with no title and no notice is read for the signs of a report (its lede). */
const ledeLength = 600;

/** The words around a match, quoted from the start of its clause: a quote cut inside 2024年 would misquote the text. */
function quoteAround(text: string, index: number, length: number): string {
  let start = Math.max(0, ...[...'。，,；;！？'].map((mark) => text.lastIndexOf(mark, index - 1) + 1));
  // A long clause is quoted from 20 characters before the match, not inside a number.
  if (index - start > 40) for (start = index - 20; /\d/u.test(text[start - 1] ?? '') && /\d/u.test(text[start] ?? ''); start += 1);
  return text.slice(start, index + length + 20);
}

/** Throws not-a-plan when the lede of a text that prints no plan title and no notice shows a report. */
function refuseReports(lines: readonly SourceLine[], genre: Genre): void {
  let read = 0;
  for (const line of lines) {
    if (read >= ledeLength) return;
    const text = line.text.slice(0, ledeLength - read);
    read += text.length + 1;
    for (const rule of genre.reportSigns) {
      const match = rule.patterns.map((pattern) => pattern.exec(text)).find((found) => found !== null);
      if (match) throw new AtlasError('not-a-plan', `this is ${rule.why} ([${rule.id}]: "${quoteAround(text, match.index, match[0].length)}"; it prints no plan title or covering notice)`, overrideHint, line.line);
    }
  }
}

/** Throws not-a-plan when the text shows it is something else, or nothing shows it is a plan. */
export function admitPlan(lines: readonly SourceLine[], parsed: ParsedDocument, genre: Genre): void {
  // The notice's lines too: a site's name numbered as a list (1. 教育装备采购网) ends the head before them.
  const head = [...new Set([...headOf(lines, genre), ...parsed.notice.slice(0, headLineCount)])];
  const outlineStart = parsed.paragraphs ? Infinity : (parsed.outline[0]?.line.line ?? Infinity);
  const places: Array<{ reads: NotAPlanRule['reads'][number]; line: number; text: string; shown: string }> = [
    ...head.map((line) => ({ reads: 'head' as const, line: line.line, text: line.text.slice(0, headLength), shown: line.text.slice(0, headLength) })),
    ...lines
      // A title's line: short, and no clause of a paragraph a PDF wrapped (…规划纲要（2024~2035 年）》，全面落实).
      .filter((line) => line.line < outlineStart && isHeadingLine(line.text) && !/[，,；;]/u.test(line.text))
      .map((line) => ({ reads: 'above-outline' as const, line: line.line, text: line.text, shown: line.text })),
    // Short lines anywhere near the top, in the outline too: a speech's title may stand under the list of its parts.
    ...lines
      .slice(0, shortLineCount)
      .filter((line) => isHeadingLine(line.text) && !matchMarker(line.text, genre))
      .map((line) => ({ reads: 'short-lines' as const, line: line.line, text: line.text, shown: line.text })),
    // A heading's lead phrase only: an item's sentences may speak of anything (规范部门预算编制).
    ...parsed.outline.slice(0, headLineCount).map((node) => {
      const text = headingWords(node.marker.rest).slice(0, headLength);
      return { reads: 'top-headings' as const, line: node.line.line, text, shown: `${node.marker.label}${text}` };
    }),
  ];
  for (const place of places) {
    const rule = genre.notPlans.find((candidate) => candidate.reads.includes(place.reads) && candidate.patterns.some((pattern) => pattern.test(place.text)));
    if (rule) throw new AtlasError('not-a-plan', `this is ${rule.why} ([${rule.id}]: "${place.shown}")`, overrideHint, place.line);
  }
  if (parsed.titleLines.length === 0 && parsed.notice.length === 0) refuseReports(lines, genre);
  // A text with no title and no notice that begins at its third part or later (三、认真落实2015年暑期…) is a
  // page torn from a document: what the document is, and whose, cannot be read from it.
  const first = parsed.paragraphs ? undefined : parsed.outline[0];
  if (first && parsed.titleLines.length === 0 && parsed.notice.length === 0 && first.marker.style.rank <= 1 && first.marker.number > maxMissingParts + 1) {
    throw new AtlasError(
      'not-a-plan',
      `this is part of a document, not a whole one: it begins at its part ${first.marker.label} with no title or covering notice, so what the document is cannot be told`,
      `find the whole document; ${overrideHint}`,
      first.line.line,
    );
  }
  if (!parsed.paragraphs || parsed.titleLines.length > 0 || parsed.notice.length > 0) return;
  // Named in a heading: 制定本计划 in a sentence says nothing of what the text is.
  const named = lines
    .slice(0, headLineCount)
    .some((line) => isHeadingLine(line.text) && genre.kinds.some((kind) => kind.titlePatterns.some((pattern) => pattern.test(line.text))));
  if (!named) {
    throw new AtlasError(
      'not-a-plan',
      'nothing shows this is a work plan: no title naming one (…2024年工作要点, 工作计划 …), no covering notice and no numbered outline',
      `check that the file holds the plan's text; ${overrideHint}`,
      lines[0]?.line ?? null,
    );
  }
}

/** Parts a text may lack at its start and still be read as the plan (an excerpt that lost its 一、 heading to the page). */
const maxMissingParts = 1;

/** A heading is short: a title's length, not a sentence's. */
const maxHeadingLength = 60;
/** A line that could head a text: short, and not a sentence (…结合我县实际，制定本计划。). */
const isHeadingLine = (text: string): boolean => text.length <= maxHeadingLength && !/[。；;！？]$/u.test(text);

/**
 * The line printed atop a text that names no plan title: the first short line of
 * its head that names a year (2019年汉阴县政府重点工作任务公开承诺——县教体科技局)
 * or a kind of plan (眉县教育局教育工作要点, a title without its year).
 * It is printed evidence of whose text this is, though not a title.
 */
export function headingOf(lines: readonly SourceLine[], genre: Genre): string | null {
  const year = new RegExp(genre.year.source, 'u');
  const namesKind = (text: string): boolean => genre.kinds.some((kind) => kind.titlePatterns.some((pattern) => pattern.test(text)));
  const heading = headOf(lines, genre).find((line) => isHeadingLine(line.text) && (year.test(line.text) || namesKind(line.text)));
  return heading?.text ?? null;
}
