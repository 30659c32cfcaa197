/**
 * Reads an item's commitments: the figures it undertakes (a level to reach, things
 * to build, a sum to spend), when they are due and which office answers for them,
 * each with the exact span of text it came from (docs/commitments.md). The words
 * are genre knowledge in scripts/genre/commitments.yaml; this module only applies
 * them. Nothing is inferred beyond the text: a figure whose measure is not named
 * right before its verb has no indicator, and a figure without an undertaking in
 * its clause is not read at all, since a wrong number on a public page is worse
 * than a missing one.
 */
import { z } from 'zod';
import { parseWith } from '../../src/model/errors.ts';
import { clauseAround, type Commitment, type CommitmentBound } from '../../src/model/enrichment.ts';
import { regexSource } from '../genre/load.ts';

/** A commitment as read from its item's text alone; where it sits in the atlas is added by the corpus-wide step. */
export type ReadCommitment = Omit<Commitment, 'reported' | 'group' | 'plannedIn'> & {
  /** The clause it sits in, whose words tell its tense; not written out. */
  clause: string;
  /**
   * The words that lead up to it in its clause, from the figure before it (幼儿园10所 in
   * 新建中小学11所、幼儿园10所): what a reported result is compared by; not written out.
   */
  wording: string;
  /** How its clause speaks of it: as done (开展了, 已实施), as to be done (计划, 力争), or neither. */
  tense: 'done' | 'planned' | null;
};

/** Whether a commitment is a result reported: its clause says so, or else its section or its plan does. */
export function isReported(commitment: Pick<ReadCommitment, 'tense'>, inReportingPart: boolean): boolean {
  return commitment.tense === 'done' || (inReportingPart && commitment.tense !== 'planned');
}
import { readGenreTable } from '../genre/tables.ts';
import { parseChineseNumeral } from '../ingest/numerals.ts';
import { readScript } from '../ingest/script.ts';

const bounds = ['exact', 'at-least', 'at-most', 'about'] as const;
const example = z.object({
  text: z.string().min(1),
  kind: z.enum(['target', 'count', 'money', 'deadline', 'responsible', 'none']).optional(),
  quantity: z.number().optional(),
  unit: z.string().optional(),
  bound: z.enum(bounds).optional(),
  indicator: z.string().optional(),
});
const words = z.array(z.string().min(1));

export const commitmentTableSchema = z.object({
  units: z.object({ money: words, level: words, count: words, examples: z.array(example).min(1) }),
  levelVerbs: z.array(z.object({ words, bound: z.enum(bounds) })).min(1),
  levelExamples: z.array(example).min(1),
  boundWords: z.object({ 'at-least': words, 'at-most': words }),
  boundSuffixes: z.object({ 'at-least': words, 'at-most': words, about: words }),
  approximateBefore: words,
  approximateInside: words,
  countVerbs: words,
  stateWords: words,
  countExamples: z.array(example).min(1),
  chineseNumeralExamples: z.array(example).min(1),
  notFigures: z.object({ before: words, enclosures: z.array(z.string().length(2)), nameAfterUnit: words, chineseNameAfterUnit: words, chineseUnits: words }),
  notFigureExamples: z.array(example).min(1),
  indicatorEndings: words,
  indicatorDropped: words,
  indicatorLinks: words,
  indicatorMaxLength: z.number().int().positive(),
  indicatorExamples: z.array(example).min(1),
  deadlines: z.array(z.object({ pattern: regexSource, examples: words.min(1) })).min(1),
  responsible: z.array(
    z.object({ pattern: regexSource.refine((source) => source.includes('(?<office>'), 'must capture the office as (?<office>…)'), examples: words.min(1) }),
  ).min(1),
  reportedSections: z.array(regexSource),
  notReportedSections: z.array(regexSource),
  reportedKinds: words,
  summaryKinds: words,
  doneWords: words,
  notDoneWords: words,
  plannedWords: words,
  tenseExamples: z.array(z.object({ text: z.string().min(1), reported: z.boolean() })).min(1),
  sectionExamples: z.array(z.object({ heading: z.string(), kind: z.string(), reported: z.boolean() })).min(1),
  indicatorGroups: words,
  indicatorGroupExamples: z.array(z.object({ text: z.string().min(1), indicator: z.string().min(1) })).min(1),
});
export type CommitmentTable = z.infer<typeof commitmentTableSchema>;

export function loadCommitmentTable(): CommitmentTable {
  return readGenreTable('commitments.yaml', (data) => parseWith(commitmentTableSchema, data, 'scripts/genre/commitments.yaml'));
}

/** Longest first, so that 万元 is read before 元 and 改扩建 before 扩建. */
const longestFirst = (list: readonly string[]): string[] => [...new Set(list)].sort((a, b) => b.length - a.length);
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (list: readonly string[]): string => longestFirst(list).map(escape).join('|');

/** Digits, the percent sign and the decimal point in their half-width forms; one character for one, so offsets hold. */
function halfWidth(text: string): string {
  return text.replace(/[０-９％．～]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

/** For each offset, whether it lies between one of the enclosing marks (“…”, 《…》). */
function enclosedOffsets(text: string, pairs: readonly string[]): boolean[] {
  const inside = new Array<boolean>(text.length).fill(false);
  for (const pair of pairs) {
    const [open, close] = [pair[0]!, pair[1]!];
    let start = -1;
    for (let index = 0; index < text.length; index += 1) {
      const char = text[index]!;
      if (open === close) {
        if (char !== open) continue;
        if (start < 0) start = index;
        else {
          for (let at = start; at <= index; at += 1) inside[at] = true;
          start = -1;
        }
      } else if (char === open) start = index;
      else if (char === close && start >= 0) {
        for (let at = start; at <= index; at += 1) inside[at] = true;
        start = -1;
      }
    }
  }
  return inside;
}

const clauseBreak = /[，。；：！？,;:!?\n]/u;

/** Where the sentence holding `offset` starts: after the nearest 。；！？ or line break before it. */
function sentenceStart(text: string, offset: number): number {
  for (let index = offset - 1; index >= 0; index -= 1) if (/[。；！？;!?\n]/u.test(text[index]!)) return index + 1;
  return 0;
}

/** Where the clause holding `offset` starts: after the nearest break before it. */
function clauseStart(text: string, offset: number): number {
  for (let index = offset - 1; index >= 0; index -= 1) if (clauseBreak.test(text[index]!)) return index + 1;
  return 0;
}

type Found = Omit<ReadCommitment, 'clause' | 'wording' | 'tense'>;

export interface CommitmentReader {
  /** Commitments in an item's text, in text order, not yet marked reported. */
  read(text: string): ReadCommitment[];
  /** Whether a section with this heading, in a plan of this kind, reports what was done. */
  reportsResults(heading: string, kind: string): boolean;
  /** Whether a plan of this kind reports throughout. */
  reportsThroughout(kind: string): boolean;
  /** The measure an indicator is gathered under: the longest of the table's that it ends with, else itself. */
  indicatorGroup(indicator: string): string;
}

export function createCommitmentReader(table: CommitmentTable = loadCommitmentTable()): CommitmentReader {
  const unitKind = new Map<string, 'money' | 'level' | 'count'>();
  for (const kind of ['count', 'level', 'money'] as const) for (const unit of table.units[kind]) unitKind.set(unit, kind);
  const number = String.raw`\d+(?:\.\d+)?`;
  const inside = alternation(table.approximateInside);
  const units = alternation([...unitKind.keys()]);
  const figure = new RegExp(
    String.raw`(?<![\d.])(?<low>${number})(?<lowUnit>%)?(?:\s*[-—–~至到]\s*(?<high>${number}))?(?<inside>${inside})?\s?(?<unit>${units})`,
    'gu',
  );
  const chinese = new RegExp(String.raw`(?<low>[一二两三四五六七八九十百千]+)(?<inside>${inside})?(?<unit>${units})`, 'gu');
  const levelVerb = new RegExp(String.raw`(?:${alternation(table.levelVerbs.flatMap((verb) => verb.words))})(?:了)?\s*$`, 'u');
  const verbBound = new Map(table.levelVerbs.flatMap((verb) => verb.words.map((word) => [word, verb.bound] as const)));
  const boundWord = new RegExp(String.raw`(?:${alternation([...table.boundWords['at-least'], ...table.boundWords['at-most']])})\s*$`, 'u');
  const countVerbRight = new RegExp(String.raw`(?:${alternation(table.countVerbs)})(?:了)?$`, 'u');
  const stateWords = table.stateWords;
  const notBefore = new RegExp(String.raw`(?:${alternation(table.notFigures.before)})$`, 'u');
  const approximateBefore = new RegExp(String.raw`(?:${alternation(table.approximateBefore)})$`, 'u');
  const suffixes = (Object.entries(table.boundSuffixes) as Array<[CommitmentBound, string[]]>).flatMap(([bound, list]) => list.map((word) => [word, bound] as const));
  suffixes.sort((a, b) => b[0].length - a[0].length);
  const nameAfter = longestFirst(table.notFigures.nameAfterUnit);
  const indicatorEnd = new RegExp(String.raw`(?:${alternation(table.indicatorEndings)})$`, 'u');
  const dropped = longestFirst(table.indicatorDropped);
  const links = longestFirst(table.indicatorLinks);
  const deadlines = table.deadlines.map((rule) => new RegExp(rule.pattern, 'gu'));
  const offices = table.responsible.map((rule) => new RegExp(rule.pattern, 'gu'));
  const groups = longestFirst(table.indicatorGroups);
  const done = new RegExp(table.doneWords.map((word) => escape(word)).join('|'), 'u');
  const planned = new RegExp(table.plannedWords.map((word) => escape(word)).join('|'), 'u');
  const notDone = new RegExp(table.notDoneWords.map((word) => escape(word)).join('|'), 'gu');
  const enclosedText = new RegExp(table.notFigures.enclosures.map((pair) => `${escape(pair[0]!)}[^${escape(pair[1]!)}]*${escape(pair[1]!)}`).join('|') + '|[（(][^）)]*[）)]', 'gu');
  /** Words in a name or a title (“国培计划（2022）”) say nothing of the clause's tense. */
  const tenseOf = (clause: string): ReadCommitment['tense'] => {
    const plain = clause.replace(enclosedText, '').replace(notDone, '');
    const isDone = done.test(plain);
    const isPlanned = planned.test(plain);
    // Both (计划投资1.1亿元…已到位): the section decides.
    if (isDone === isPlanned) return null;
    return isDone ? 'done' : 'planned';
  };
  const reported = table.reportedSections.map((source) => new RegExp(source, 'u'));
  const notReported = table.notReportedSections.map((source) => new RegExp(source, 'u'));

  /** The measure named right before a level verb, without the words that only lead up to it. */
  function indicatorBefore(text: string, end: number): string | null {
    let before = text.slice(clauseStart(text, end), end).replace(/\s+$/u, '');
    // Words between a measure and its figure (入学率在90%以上, 毛入学率为90.53%).
    for (const link of links) if (before.endsWith(link) && indicatorEnd.test(before.slice(0, -link.length))) before = before.slice(0, -link.length);
    if (!indicatorEnd.test(before)) return null;
    // A measure cut by a quoted name (“一网通办”覆盖率) is kept from the mark on.
    let phrase = before.split(/[、“”"（）()\s\d]/u).at(-1) ?? '';
    // What leads up to the measure (力争在年底前实现…, 确保全县…) is not part of it.
    let cut = 0;
    for (const word of dropped) {
      const at = phrase.lastIndexOf(word);
      if (at >= 0 && phrase.length - (at + word.length) >= 2) cut = Math.max(cut, at + word.length);
    }
    phrase = phrase.slice(cut);
    if (phrase.length < 2 || !/\p{Script=Han}/u.test(phrase)) return null;
    return phrase.length <= table.indicatorMaxLength ? phrase : null;
  }

  function boundAfter(text: string, end: number): { bound: CommitmentBound; length: number } | null {
    for (const [word, bound] of suffixes) if (text.startsWith(word, end)) return { bound, length: word.length };
    return null;
  }

  function readFigures(original: string, text: string, enclosed: boolean[]): Found[] {
    const found: Found[] = [];
    const take = (match: RegExpExecArray, low: number, high: number | null, chineseNumeral: boolean): void => {
      const groups = match.groups!;
      const start = match.index;
      let end = start + match[0].length;
      if (enclosed[start]) return;
      const unit = groups.unit!;
      const kindOfUnit = groups.lowUnit ? 'level' : unitKind.get(unit)!;
      const lead = text.slice(clauseStart(text, start), start);
      const leadWord = lead.replace(/\s+$/u, '');
      if (notBefore.test(leadWord) && !approximateBefore.test(leadWord)) return;
      if (nameAfter.some((word) => text.startsWith(word, end))) return;
      if (chineseNumeral && table.notFigures.chineseNameAfterUnit.some((word) => text.startsWith(word, end))) return;
      const verb = levelVerb.exec(lead);
      // The next figure of a list after a level verb (分别达6所、55所) is a level of its own.
      const previous = found.at(-1);
      const listed = previous !== undefined && previous.kind === 'target' && text[start - 1] === '、' && previous.end === start - 1;
      if (chineseNumeral && ((!countVerbRight.test(lead) && !verb) || table.notFigures.chineseUnits.includes(unit))) return;
      let kind: Commitment['kind'];
      let bound: CommitmentBound = 'exact';
      if (kindOfUnit === 'money') kind = 'money';
      else if (verb || listed || kindOfUnit === 'level') kind = 'target';
      else {
        // What exists is not undertaken: a state word anywhere before the figure in its sentence (全县现有中小学56所，教师3000人).
        const sentence = text.slice(sentenceStart(text, start), start);
        if (stateWords.some((word) => sentence.includes(word))) return;
        kind = 'count';
      }
      if (verb) bound = verbBound.get(verb[0].replace(/了?\s*$/u, '')) ?? 'exact';
      else if (listed) bound = previous.bound ?? 'exact';
      const boundMatch = boundWord.exec(lead);
      if (boundMatch) bound = table.boundWords['at-most'].includes(boundMatch[0].trim()) ? 'at-most' : 'at-least';
      const suffix = boundAfter(text, end);
      if (suffix) {
        bound = suffix.bound;
        end += suffix.length;
      }
      if (groups.inside || approximateBefore.test(lead)) bound = 'about';
      const verbStart = verb ? start - verb[0].length : boundMatch ? start - boundMatch[0].length : start;
      const read = kind === 'target' && !listed ? indicatorBefore(text, verbStart) : null;
      const spanStart = read ? text.lastIndexOf(read, verbStart) : verbStart;
      const indicator = read ? original.slice(spanStart, spanStart + read.length) : listed ? previous.indicator : null;
      found.push({
        kind,
        start: spanStart,
        end,
        text: original.slice(spanStart, end),
        quantity: low,
        max: high,
        unit: groups.lowUnit ?? unit,
        bound,
        indicator,
        office: null,
      });
    };
    for (const match of text.matchAll(figure)) {
      const groups = match.groups!;
      // A percent range prints its sign twice (80%-90%): one figure, read whole by the pattern.
      take(match, Number(groups.low), groups.high ? Number(groups.high) : null, false);
    }
    for (const match of text.matchAll(chinese)) {
      const value = parseChineseNumeral(match.groups!.low!);
      if (value === null || value < 2) continue;
      take(match, value, null, true);
    }
    return found;
  }

  function readDeadlines(original: string, text: string, enclosed: boolean[]): Found[] {
    const found: Found[] = [];
    for (const pattern of deadlines) {
      for (const match of text.matchAll(pattern)) {
        const start = match.index;
        const end = start + match[0].length;
        if (enclosed[start] || found.some((other) => start < other.end && other.start < end)) continue;
        found.push({ kind: 'deadline', start, end, text: original.slice(start, end), quantity: null, max: null, unit: null, bound: null, indicator: null, office: null });
      }
    }
    return found;
  }

  function readOffices(original: string, text: string): Found[] {
    const found: Found[] = [];
    for (const pattern of offices) {
      for (const match of text.matchAll(pattern)) {
        const office = match.groups!.office!.trim();
        const start = match.index + match[0].indexOf(office);
        const end = start + office.length;
        if (office.length === 0 || found.some((other) => start < other.end && other.start < end)) continue;
        found.push({ kind: 'responsible', start, end, text: original.slice(start, end), quantity: null, max: null, unit: null, bound: null, indicator: null, office });
      }
    }
    return found;
  }

  return {
    read(original) {
      // Traditional text is read in simplified form, where the tables are written; one character for one, so spans hold.
      const simplified = readScript(original).text;
      const text = halfWidth(simplified.length === original.length ? simplified : original);
      const enclosed = enclosedOffsets(text, table.notFigures.enclosures);
      const figures = readFigures(original, text, enclosed);
      const all = [...figures, ...readDeadlines(original, text, enclosed), ...readOffices(original, text)];
      // A figure inside an office's bracket (责任单位: 3个专班) belongs to the office.
      const kept = all.filter((item) => item.kind === 'responsible' || !all.some((office) => office.kind === 'responsible' && item.start >= office.start && item.end <= office.end));
      const sorted = kept.sort((a, b) => a.start - b.start || a.end - b.end);
      return sorted.map((commitment, index) => {
        const clause = clauseAround(original, commitment);
        const previous = sorted.slice(0, index).findLast((other) => other.kind !== 'responsible' && other.kind !== 'deadline');
        const from = Math.max(clauseStart(text, commitment.start), previous && previous.end <= commitment.start ? previous.end : 0);
        return { ...commitment, clause, wording: original.slice(from, commitment.end), tense: commitment.kind === 'responsible' ? null : tenseOf(clause) };
      });
    },
    reportsResults(heading, kind) {
      return table.summaryKinds.includes(kind) && reported.some((pattern) => pattern.test(heading)) && !notReported.some((pattern) => pattern.test(heading));
    },
    reportsThroughout(kind) {
      return table.reportedKinds.includes(kind);
    },
    indicatorGroup(indicator) {
      return groups.find((name) => indicator.endsWith(name)) ?? indicator;
    },
  };
}
