/**
 * The party sessions a text cites (党的十九大, 十九届五中全会) and what they say of
 * the year it plans: a year that comes before a session the text cites, or long
 * after the latest one it cites, is not the text's own (scripts/genre/party-sessions.yaml).
 */
import type { Genre } from '../genre/load.ts';
import type { SourceLine } from './clean.ts';
import { parseNumeral } from './numerals.ts';

export interface CitedSession {
  /** As printed, one session a citation: 十六届六中全会 of 十六届五中、六中全会. */
  name: string;
  year: number;
  line: number;
}

export function citedSessions(lines: readonly SourceLine[], genre: Genre): CitedSession[] {
  const { congresses, congressPattern, plenumPattern } = genre.partySessions;
  const byName = new Map(congresses.map((congress) => [congress.name, congress]));
  const cited: CitedSession[] = [];
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

export interface SessionConflict {
  message: string;
  line: number;
}

/**
 * Whether the sessions the text cites contradict `year`: one held more than a year
 * after it, or a latest one older than the next congress by more than a year.
 */
export function sessionConflict(lines: readonly SourceLine[], year: number, genre: Genre): SessionConflict | null {
  const cited = citedSessions(lines, genre);
  if (cited.length === 0) return null;
  const latest = cited.reduce((a, b) => (b.year > a.year ? b : a));
  if (latest.year > year + 1) {
    return { line: latest.line, message: `the text gives ${year} as its year, but cites ${latest.name}, held in ${latest.year}` };
  }
  const next = genre.partySessions.congresses.find((congress) => congress.year > latest.year);
  if (next !== undefined && year > next.year + 1) {
    return {
      line: latest.line,
      message: `the text gives ${year} as its year, but the latest party session it cites is ${latest.name} (${latest.year}): a plan for ${year} would cite 党的${next.name}大 (${next.year}) or later`,
    };
  }
  return null;
}
