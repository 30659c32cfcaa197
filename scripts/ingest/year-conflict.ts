/**
 * Whether the text contradicts the year read for it. Document-sharing and template
 * sites put a new year on an old plan, or file a plan under last year's name; the
 * text then says otherwise, and the ingest refuses the year rather than publish it:
 * - the party meetings it cites (党的十九大, 十九届五中全会) are of another time: one
 *   held more than a year after the year, or a latest one older than the next
 *   congress by more than a year (scripts/genre/party-meetings.yaml);
 * - its notice issues a plan of another year (现将《…2009年工作要点》印发给你们 in a
 *   text filed as 2008年工作要点);
 * - it states the aims of another year than those it speaks for (2012年全区教育工作的
 *   总体要求是 under 教育局2025年工作安排);
 * - it names the start or end of a five-year plan none of its years is in or near
 *   (“十三五”良好开局 in a 2023 plan).
 */
import type { Genre } from '../genre/load.ts';
import type { SourceLine } from './clean.ts';
import { parseNumeral, yearsIn } from './numerals.ts';

export interface CitedMeeting {
  /** One meeting of a citation, named in full: 十六届六中全会 of 十六届五中、六中全会. */
  name: string;
  year: number;
  line: number;
}

export function citedMeetings(lines: readonly SourceLine[], genre: Genre): CitedMeeting[] {
  const { congresses, congressPattern, plenumPattern } = genre.partyMeetings;
  const byName = new Map(congresses.map((congress) => [congress.name, congress]));
  const cited: CitedMeeting[] = [];
  for (const { text, line } of lines) {
    for (const match of text.matchAll(congressPattern)) {
      const name = match.groups?.['congress'] ?? match.groups?.['bare'] ?? '';
      const congress = byName.get(name);
      if (congress) cited.push({ name: `党的${name}大`, year: congress.year, line });
    }
    for (const match of text.matchAll(plenumPattern)) {
      const congress = byName.get(match.groups?.['congress'] ?? '');
      if (!congress) continue;
      for (const plenum of (match.groups?.['plenums'] ?? '').matchAll(/([一二三四五六七])中/gu)) {
        const year = congress.plenums[(parseNumeral(plenum[1]!, 'chinese') ?? 0) - 1];
        if (year !== undefined) cited.push({ name: `${congress.name}届${plenum[1]}中全会`, year, line });
      }
    }
  }
  return cited;
}

export interface YearConflict {
  message: string;
  line: number;
}

/** The first contradiction of `year` (and the other `years` the text speaks for) the text holds, or null. */
export function yearConflict(lines: readonly SourceLine[], year: number, years: readonly number[], genre: Genre): YearConflict | null {
  return issuedYearConflict(lines, year, genre) ?? aimsYearConflict(lines, year, years, genre) ?? meetingConflict(lines, year, genre) ?? milestoneConflict(lines, year, years, genre);
}

/** A statement of a year's aims (2012年全区教育工作的总体要求是) for none of the years the text speaks for. */
export function aimsYearConflict(lines: readonly SourceLine[], year: number, years: readonly number[], genre: Genre): YearConflict | null {
  for (const { text, line } of lines) {
    const match = genre.yearAims.exec(text);
    if (!match) continue;
    const stated = yearsIn(`${match.groups?.['year'] ?? ''}年`, genre)[0];
    if (stated !== undefined && stated !== year && !years.includes(stated)) {
      return { line, message: `the text is filed as of ${year}, but sets out the aims of ${stated} ("${match[0]}")` };
    }
  }
  return null;
}

/** A notice in the text that issues a plan of another year (the last year its quoted title names). */
export function issuedYearConflict(lines: readonly SourceLine[], year: number, genre: Genre): YearConflict | null {
  for (const { text, line } of lines) {
    const title = genre.issuingSentence.exec(text)?.groups?.['title'];
    if (title === undefined) continue;
    const years = yearsIn(title, genre);
    if (years.length > 0 && Math.max(...years) !== year) {
      return { line, message: `the text is filed as of ${year}, but its notice issues 《${title}》` };
    }
  }
  return null;
}

/**
 * Whether the party meetings the text cites contradict `year`: one held more than a year
 * after it, or a latest one older than the next congress by more than a year.
 */
export function meetingConflict(lines: readonly SourceLine[], year: number, genre: Genre): YearConflict | null {
  const cited = citedMeetings(lines, genre);
  if (cited.length === 0) return null;
  const latest = cited.reduce((a, b) => (b.year > a.year ? b : a));
  if (latest.year > year + 1) {
    return { line: latest.line, message: `the text gives ${year} as its year, but cites ${latest.name}, held in ${latest.year}` };
  }
  const next = genre.partyMeetings.congresses.find((congress) => congress.year > latest.year);
  if (next !== undefined && year > next.year + 1) {
    return {
      line: latest.line,
      message: `the text gives ${year} as its year, but the latest party meeting it cites is ${latest.name} (${latest.year}): a plan for ${year} would cite 党的${next.name}大 (${next.year}) or later`,
    };
  }
  return null;
}

export interface Milestone {
  /** As printed: 十三五良好开局. */
  text: string;
  /** The year of the start or end it names. */
  year: number;
  /** The years of the five-year plan it names: 十三五 2016–2020. */
  span: [number, number];
  line: number;
}

/** The starts and ends of five-year plans a text names (“十四五”开局之年 → 2021), with their years. */
export function fiveYearMilestones(lines: readonly SourceLine[], genre: Genre): Milestone[] {
  const { firstYears, milestonePattern } = genre.partyMeetings.fiveYearPlans;
  return lines.flatMap(({ text, line }) =>
    [...text.matchAll(milestonePattern)].flatMap((match): Milestone[] => {
      const first = firstYears[match.groups?.['plan'] ?? ''];
      if (first === undefined) return [];
      return [{ text: match[0], year: match.groups?.['event'] === '收官' ? first + 4 : first, span: [first, first + 4], line }];
    }),
  );
}

/**
 * A five-year plan's start or end the text names though none of its years is in that plan
 * or a year from it: a 2023 plan aims for no “十三五良好开局” (2016–2020), where a 2023 plan
 * may well aim for “十四五”顺利收官 (2025), and a 2025 plan for “十五五”良好开局.
 */
export function milestoneConflict(lines: readonly SourceLine[], year: number, years: readonly number[], genre: Genre): YearConflict | null {
  const spoken = [year, ...years];
  const stray = fiveYearMilestones(lines, genre).find(({ span: [first, last] }) => spoken.every((each) => each < first - 1 || each > last + 1));
  return stray
    ? { line: stray.line, message: `the text gives ${year} as its year, but names “${stray.text}” (${stray.year}), of a five-year plan that ran ${stray.span[0]}–${stray.span[1]}` }
    : null;
}
