/**
 * Metadata: what the document says about itself — title, issuers, kind, years,
 * 文号 and dates — read from the notice, the title lines and the headings.
 * Region resolution and sidecar overrides come later (region.ts, assemble.ts).
 */
import type { DocumentKind, Genre } from '../genre/load.ts';
import type { CleanFacts, SourceLine } from './clean.ts';
import { unspacedType, withoutSpaces } from './normalize.ts';
import { numeralValue, yearsIn } from './numerals.ts';
import { continuesTitle, headingWords, isDocNumberLine, isIssuerLine, isPlanTitle, type ParsedDocument } from './parse.ts';

export interface DocumentMetadata {
  /** The title as printed (an issuers line above it joined on), else as the notice quotes it, or null. */
  title: string | null;
  /** The title lines exactly as printed, joined; null when the document prints none, or they head only a part of it (titleHeadsAPart). */
  printedTitle: string | null;
  /** The lines found as the title head one part of what the notice issues (2021年…工作总结 of …总结和2022年工作要点): the text's, not its title. */
  titleHeadsAPart: boolean;
  issuers: string[];
  kind: DocumentKind;
  kindInferred: boolean;
  /** Years the document speaks for, ascending; the last is the plan year. */
  years: number[];
  yearInferred: boolean;
  /** The title prints the year of its summary and none for its plan (2020年工作总结及下一步工作安排). */
  planYearUnprinted: boolean;
  docNumber: string | null;
  issuedOn: string | null;
  publishedOn: string | null;
  publisher: string | null;
}

const collapseSpaces = (text: string): string => text.replace(/\s+/gu, ' ').trim();

function uniqueSorted(numbers: readonly number[]): number[] {
  return [...new Set(numbers)].sort((a, b) => a - b);
}

/** The full names a name may stand for: 鹿邑县教体局 → 鹿邑县教育体育局, 鹿邑县教育和体育局. */
function fullForms(name: string, genre: Genre): string[] {
  for (const [short, full] of genre.organAbbreviations) {
    if (name.endsWith(short)) return full.map((suffix) => name.slice(0, -short.length) + suffix);
  }
  return [name];
}

/**
 * Keeps the longer of two names where one ends the other (台儿庄区委… in
 * 中共台儿庄区委…), reading short organ names as their full forms (教委 = 教育委员会).
 * A name inside another but not at its end is another organ: 西安市教育局 and its
 * party committee, 中共西安市教育局委员会.
 */
function addIssuer(issuers: string[], name: string, genre: Genre): void {
  const forms = fullForms(name, genre);
  const covers = (longer: string, shorter: string): boolean =>
    fullForms(longer, genre).some((full) => fullForms(shorter, genre).some((part) => full.endsWith(part)));
  if (issuers.some((known) => covers(known, name) && known.length >= name.length)) return;
  const replaced = issuers.findIndex((known) => covers(name, known) || forms.some((full) => full.endsWith(known)));
  if (replaced >= 0) issuers[replaced] = name;
  else issuers.push(name);
}

/** The shortest organ name a text may be split into: a place and a suffix (安徽省教育厅). */
const minOrganName = 4;

/**
 * Organ names printed without a space between them (中共安徽省委教育工委安徽省教育厅, as a
 * title quoted in a notice prints its issuers) are two names: split where the text
 * before ends in an organ suffix and the text after is a name of its own.
 */
function splitOrgans(text: string, genre: Genre): string[] {
  const endsInOrgan = (name: string): boolean => genre.organSuffixes.some((suffix) => name.endsWith(suffix) && name.length > suffix.length);
  // A rest that starts as an organ's own word (教育工委 after 自治区党委) goes on the name before it.
  const continuesName = (rest: string): boolean => genre.organSuffixes.some((suffix) => rest.startsWith(suffix.slice(0, 2)));
  for (let end = minOrganName; end <= text.length - minOrganName; end += 1) {
    const [head, rest] = [text.slice(0, end), text.slice(end)];
    if (endsInOrgan(head) && endsInOrgan(rest) && !continuesName(rest)) return [head, ...splitOrgans(rest, genre)];
  }
  return [text];
}

/** The 文号 printed in brackets right after the notice that issues a plan: 《关于印发…工作要点的通知》(云高工办〔2017〕1号). */
function citedNoticeNumber(text: string, genre: Genre): string | undefined {
  for (const match of text.matchAll(/《([^《》]{4,80}的通知)》\s?[(（]([^()（）]{4,30})[)）]/gu)) {
    const issued = genre.issuingNotice.exec(match[1] ?? '')?.groups?.['title'];
    const number = genre.docNumber.exec(match[2] ?? '')?.[0];
    if (issued && isPlanTitle(collapseSpaces(issued), genre) && number === match[2]?.trim()) return number;
  }
  return undefined;
}

/** How many of the title lines are the title itself (2 when its second part is on a line of its own); the rest name issuers. */
function titleHalves(doc: ParsedDocument, genre: Genre): number {
  return doc.titleLines.length >= 2 && continuesTitle(doc.titleLines.at(-2)!.text, doc.titleLines.at(-1)!.text, genre) ? 2 : 1;
}

/** The longest issuer's name a title prints after its year. */
const maxIssuerInTitle = 30;

function issuersOf(doc: ParsedDocument, titleLine: string | null, genre: Genre): string[] {
  const issuers: string[] = [];
  const addLine = (text: string): void => {
    // 省教育厅（省委教育工委）: one organ under two names, each a name.
    for (const part of unspacedType(text).split(/[\s、，,()（）]+/u)) for (const name of part ? splitOrgans(part, genre) : []) addIssuer(issuers, name, genre);
  };
  for (const line of doc.titleLines.slice(0, -titleHalves(doc, genre))) addLine(line.text);
  if (titleLine) {
    const firstYear = titleLine.search(genre.year);
    // The issuer before a title of 意见 (平邑县教育和体育局关于做好2024年…工作的意见) is the words before 关于.
    const prefix = firstYear > 0 ? withoutPageTag(titleLine.slice(0, firstYear), genre).replace(/关于[^关]{0,6}$/u, '') : '';
    if (prefix && isIssuerLine(prefix, genre)) addLine(prefix);
    else if (firstYear >= 0) {
      // …or after it: 2024年上海市教育委员会工作要点, 2024年杨浦区教育局工作要点.
      const afterYear = titleLine.slice(firstYear).replace(/^[^年]{1,12}年度?/u, '');
      const named = genre.organSuffixes
        .filter((suffix) => afterYear.includes(suffix))
        .map((suffix) => afterYear.indexOf(suffix) + suffix.length)
        .filter((end) => end <= maxIssuerInTitle)
        .map((end) => afterYear.slice(0, end))
        // Not the rest of a joined title (2016年工作总结和省教育厅…2017年工作要点).
        .filter((name) => !/\s|工作|总结|计划|要点/u.test(name) && isIssuerLine(name, genre))
        .sort((a, b) => b.length - a.length)[0];
      if (named) addLine(named);
    }
  }
  // The issuer printed alone on the line under the title (2018年工作总结暨2019年工作思路 / 赣州市赣县区教育局).
  const underTitle = doc.titleLines.length > 0 ? doc.preamble[0] : undefined;
  if (underTitle && isIssuerLine(underTitle.text, genre)) addLine(underTitle.text);
  // The notice's heading (黄梅县教育局关于印发…的通知) and signature, then the plan's own signature after its last item.
  for (const line of [...doc.notice, ...doc.closing]) {
    const heading = genre.issuingNotice.exec(line.text);
    const headingIssuer = heading ? withoutPageTag(unspacedType(line.text.slice(0, heading.index)), genre).trim() : '';
    if (isIssuerLine(line.text, genre)) addLine(line.text);
    else if (headingIssuer && isIssuerLine(headingIssuer, genre)) addLine(headingIssuer);
    else {
      // A signature line: the issuers' names followed by the date of issue.
      const beforeDate = line.text.replace(genre.issueDate, '').trim();
      if (beforeDate !== line.text.trim() && beforeDate && isIssuerLine(beforeDate, genre)) addLine(beforeDate);
    }
  }
  return issuers;
}

const isoDate = (year: number, month: number, day: number): string => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** A real day of the Gregorian calendar. */
function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return month >= 1 && month <= 12 && day >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** 2024327 → 2024-03-27: the one way its digits make a day, or null when none or several do. */
function bareDateOf(text: string, genre: Genre): string | null {
  const groups = genre.bareIssueDate.exec(text.trim())?.groups;
  if (!groups) return null;
  const year = Number(groups['year']);
  const digits = groups['monthDay'] ?? '';
  // Printed either without leading zeros (2024327) or with both padded (20240307).
  const days = [1, 2]
    .map((monthLength) => [digits.slice(0, monthLength), digits.slice(monthLength)] as const)
    .filter(([month, day]) => (month.length === 2 && day.length === 2) || (day.length >= 1 && day.length <= 2 && !month.startsWith('0') && !day.startsWith('0')))
    .filter(([month, day]) => isCalendarDay(year, Number(month), Number(day)))
    .map(([month, day]) => isoDate(year, Number(month), Number(day)));
  return days.length === 1 ? (days[0] as string) : null;
}

export function isoDateOf(text: string, genre: Genre): string | null {
  const groups = (genre.issueDate.exec(text) ?? genre.issueDateRunIn.exec(text))?.groups;
  if (!groups) return bareDateOf(text, genre);
  const year = numeralValue(groups['year'] ?? '');
  const month = numeralValue(groups['month'] ?? '');
  const day = numeralValue(groups['day'] ?? '');
  if (year === null || month === null || day === null || month > 12 || day > 31) return null;
  return isoDate(year, month, day);
}

function kindOf(titleLine: string | null, topHeadings: readonly string[], genre: Genre): { kind: DocumentKind; inferred: boolean } {
  if (titleLine) {
    const byTitle = genre.kinds.find((kind) => kind.titlePatterns.some((pattern) => pattern.test(titleLine)));
    if (byTitle) return { kind: byTitle, inferred: false };
  }
  const byHeadings = genre.kinds.find(
    (kind) =>
      kind.sectionSignals.length > 0 &&
      kind.sectionSignals.every((signal) => topHeadings.some((heading) => signal.test(heading))),
  );
  return { kind: byHeadings ?? genre.fallbackKind, inferred: true };
}

/**
 * The title a covering notice says it issues: quoted (现将《鹰潭市教育局2021年工作要点》印发给你们)
 * or named in its heading (…关于印发2024年工作总结和2025年工作要点的通知).
 */
function titleIssuedByNotice(notice: readonly SourceLine[], genre: Genre): { text: string; printed: boolean; quotedAlone: ReadonlySet<string> } | null {
  const candidates: string[] = [];
  // Titles a sentence issues on their own (现将《…2014年工作要点》印发给你们。《…2013年工作总结》一并印发。).
  const quotedAlone = new Set<string>();
  // Two titles quoted apart and joined here: what is issued, but no title printed as one.
  const joined = new Set<string>();
  // …unless the notice's heading prints that very title (关于印发2021年…总结和2022年…要点的通知).
  const printedAsOne = new Set<string>();
  for (const line of notice) {
    // 现将《2021年…工作总结》和《2022年…工作要点》印发: one document of both; but a
    // sentence of its own (…贯彻落实。《2020年工作总结》一并印发。) issues a second document.
    for (const sentence of line.text.split(/(?<=[。；;])/u)) {
      const quoted = [...new Set([...sentence.matchAll(/《([^《》]{4,80})》/gu)].map((match) => collapseSpaces(match[1] ?? '')))].filter((text) => isPlanTitle(text, genre));
      const distinct = quoted.filter((text, index) => quoted.findIndex((other) => withoutSpaces(other) === withoutSpaces(text)) === index);
      candidates.push(...distinct);
      if (distinct.length === 1) quotedAlone.add(withoutSpaces(distinct[0]!));
      if (distinct.length > 1) {
        candidates.push(distinct.join('和'));
        joined.add(distinct.join('和'));
      }
    }
    const named = genre.issuingNotice.exec(line.text)?.groups?.['title'];
    if (named && isPlanTitle(collapseSpaces(named), genre)) {
      candidates.push(collapseSpaces(named));
      printedAsOne.add(collapseSpaces(named));
    }
  }
  // The fullest statement of what is issued: the one that names the most years.
  let best: string | null = null;
  for (const candidate of candidates) {
    if (best === null || yearsIn(candidate, genre).length > yearsIn(best, genre).length) best = candidate;
  }
  return best === null ? null : { text: best, printed: printedAsOne.has(best) || !joined.has(best), quotedAlone };
}

/**
 * A bureau a title names only by its level (市教育局2025年工作要点) is the one the page's
 * 发布机构 names in full (潜江市教育局): the same organ, its place printed.
 */
export function namedByPublisher(issuer: string, publisher: string | null): string {
  const unnamed = /^[省市县区州旗盟](?=\p{Script=Han})/u.test(issuer) && issuer.length <= 6;
  return unnamed && publisher && publisher.length > issuer.length && publisher.endsWith(issuer) ? publisher : issuer;
}

/** A site's column tag run in before a heading ([官方政策], 【全面工作总结和工作计划】) is no part of it. */
const withoutPageTag = (text: string, genre: Genre): string => text.replace(genre.pageTag.pattern, '');

/** A title a repost prints inside title marks, whole (《黄梅县教育局2023年工作要点》), is the title they enclose. */
const withoutTitleMarks = (title: string): string => /^《[^《》]+》$/u.test(title) ? title.slice(1, -1) : title;

/** `heading`: the line atop a text that prints no title (教育局工作计划, see headingOf): it names the kind, if not the year. */
export function readMetadata(doc: ParsedDocument, facts: CleanFacts, genre: Genre, heading: string | null = null): DocumentMetadata {
  const printedTitle = doc.titleLines.length > 0 ? doc.titleLines.map((line) => unspacedType(line.text)).join('') : null;
  // …without a site's column tag run in before it (【全面工作总结和工作计划】六安市裕安区教体局…).
  const printedAsTitle = printedTitle === null ? null : withoutTitleMarks(withoutPageTag(printedTitle, genre));
  // A title broken before its second part (…2013年工作总结 / 和2014年工作计划) is read whole.
  const halves = titleHalves(doc, genre);
  const notice = titleIssuedByNotice(doc.notice, genre);
  const issued = notice?.text ?? null;
  let title = printedAsTitle ?? issued;
  let titleLine = doc.titleLines.length > 0 ? withoutTitleMarks(withoutPageTag(doc.titleLines.slice(-halves).map((line) => unspacedType(line.text)).join(''), genre)) : title;
  // What the notice issues may be wider than the title line found below it: a
  // 2023年…工作总结 heading of the 2023年…总结和2024年工作要点 the notice names. The
  // notice then tells the kind and the years, and the title when it prints it as one; when it
  // quotes the parts apart (现将《…2016年工作总结》和《…2017年工作要点》印发), no title names the
  // whole, and the part's heading would title a 2017 plan 2016年工作总结: the title is built.
  // Not where a sentence issues the printed title on its own: the notice's heading then names
  // two documents (关于印发…2014年工作要点和2013年工作总结的通知), and this is the first.
  const issuedAlone = titleLine !== null && notice !== null && notice.quotedAlone.has(withoutSpaces(titleLine));
  const titleHeadsAPart = issued !== null && titleLine !== null && !issuedAlone && yearsIn(issued, genre).length > yearsIn(titleLine, genre).length;
  if (titleHeadsAPart) {
    titleLine = issued;
    title = notice?.printed ? issued : null;
  }
  // A title printed bare (2018年工作要点) that the notice names with its issuers
  // (《湖南省教育厅 中共湖南省委教育工委2018年工作要点》): the notice's is the whole title.
  const [whole, bare] = [withoutSpaces(issued ?? ''), withoutSpaces(printedAsTitle ?? '')];
  if (issued && notice?.printed && printedAsTitle && title === printedAsTitle && whole.length > bare.length && whole.endsWith(bare)) {
    title = issued;
    titleLine = issued;
  }
  const topHeadings = doc.outline.map((node) => node.marker.rest);
  const { kind, inferred: kindInferred } = kindOf(titleLine ?? heading, topHeadings, genre);

  let years = titleLine ? uniqueSorted(yearsIn(titleLine, genre)) : [];
  let yearInferred = false;
  // A title that prints only its summary's year (2020年工作总结及下一步工作安排): the plan's year is
  // the later one its part headings print (二、2021年工作安排), or it is not printed at all.
  const summaryEnd = titleLine && kind.summaryPart ? titleLine.search(kind.summaryPart) : -1;
  const summaryYearOnly = summaryEnd >= 0 && years.length === 1 && yearsIn(titleLine!.slice(summaryEnd), genre).length === 0;
  const laterInHeadings = summaryYearOnly ? topHeadings.flatMap((heading) => yearsIn(headingWords(heading), genre)).filter((year) => year > years[0]!) : [];
  if (laterInHeadings.length > 0) years = uniqueSorted([...years, ...laterInHeadings]);
  const planYearUnprinted = summaryYearOnly && laterInHeadings.length === 0;
  if (years.length === 0) {
    yearInferred = true;
    // A heading's own words (its lead phrase, not the item's sentences: 到2027年初步建成…), and
    // not the years of a document it cites: 研究制定《…三年行动计划（2025—2027年）》.
    const leadOf = (heading: string): string => headingWords(heading).replace(/《[^《》]*》/gu, '');
    years = uniqueSorted(topHeadings.flatMap((heading) => yearsIn(leadOf(heading), genre)));
    const firstPreambleYear = doc.preamble.map((line) => yearsIn(line.text, genre)[0]).find((year) => year !== undefined);
    if (years.length === 0 && firstPreambleYear !== undefined) years = [firstPreambleYear];
    // …or the opening sentence under the first heading (一、指导思想 / 2010年是…之年).
    const opening = doc.outline[0]?.body.slice(0, 2).find((line) => genre.preambleOpening.test(line.text));
    if (years.length === 0 && opening) years = yearsIn(opening.text, genre).slice(0, 1);
  }

  const noticeText = doc.notice.map((line: SourceLine) => line.text);
  // A 文号 is printed in the notice, or on a line of its own right under the title.
  const underTitle = doc.preamble[0]?.text ?? '';
  const ownLine = isDocNumberLine(underTitle, genre) ? underTitle.trim() : undefined;
  // A repost's lede that names the issuing notice with its number: 发出《关于印发2017年工作要点的通知》(云高工办〔2017〕1号).
  const citedNotice = doc.preamble.slice(0, 2).map((line) => citedNoticeNumber(line.text, genre)).find(Boolean);
  const docNumber = facts.docNumber ?? noticeText.map((text) => genre.docNumber.exec(text)?.[0]).find(Boolean) ?? ownLine ?? citedNotice ?? null;
  const noticeDates = noticeText.map((text) => isoDateOf(text, genre)).filter((date): date is string => date !== null);
  // A plan printed without a notice is dated by its own signature, after the text.
  const closingDates = doc.closing.map((line) => isoDateOf(line.text, genre)).filter((date): date is string => date !== null);
  // The date the document itself prints under its signature outweighs the 成文日期 of
  // the page's disclosure table, which a portal's editor typed (and sometimes mistyped).
  // …or by a date in brackets alone on the line under its title: 石家庄市2015年教育工作要点 / （2015年1月30日）.
  const bracketedUnderTitle = /^[(（]\s*(?<date>[^()（）]{6,20}?)\s*[)）]$/u.exec(underTitle.trim())?.groups?.['date'];
  const underTitleDate = doc.titleLines.length > 0 && bracketedUnderTitle ? isoDateOf(bracketedUnderTitle, genre) : null;
  const issuedOn = noticeDates.at(-1) ?? closingDates.at(-1) ?? underTitleDate ?? facts.issuedOn ?? null;
  // Only the document's own date says its year; the day a page posted it (a 范文 site's
  // 时间:2023-12-29 over a template with blank years) says nothing of the year planned.
  if (years.length === 0 && issuedOn) years = [Number(issuedOn.slice(0, 4))];

  return {
    title,
    printedTitle: titleHeadsAPart ? null : printedTitle,
    titleHeadsAPart,
    issuers: issuersOf(doc, titleLine, genre),
    kind,
    kindInferred,
    years,
    yearInferred,
    planYearUnprinted,
    docNumber: docNumber ? collapseSpaces(docNumber) : null,
    issuedOn,
    publishedOn: facts.publishedOn,
    publisher: facts.publisher,
  };
}
