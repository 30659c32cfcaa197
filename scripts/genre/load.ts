/**
 * Loads the genre tables (numbering styles, kinds, title rules, issuers) once,
 * validates them, and compiles their patterns. A malformed table is an editor's
 * mistake, so the error names the file and the field.
 */
import { z } from 'zod';
import { AtlasError, parseWith } from '../../src/model/errors.ts';
import { readGenreTable } from './tables.ts';

function loadTable<T>(fileName: string, schema: z.ZodType<T>): T {
  return readGenreTable(fileName, (data) => parseWith(schema, data, `scripts/genre/${fileName}`));
}

/** A JavaScript regular expression's source, checked to compile with the u flag. */
export const regexSource = z.string().refine((source) => {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

const numberingTable = z.object({
  styles: z.array(
    z.object({
      id: z.string().regex(/^[a-z-]+$/),
      rank: z.number().int().nonnegative(),
      examples: z.array(z.string()).min(1),
      pattern: regexSource.refine((source) => source.startsWith('^'), 'must be anchored with ^'),
      numerals: z.enum(['arabic', 'chinese', 'circled', 'enclosed']),
      listOf: z.string().regex(/^[a-z-]+$/).optional(),
    }),
  ),
});

const partyMeetingsTable = z.object({
  congresses: z.array(z.object({ name: z.string().regex(/^[一二三四五六七八九十]+$/u), year: z.number().int(), plenums: z.array(z.number().int()) })).min(1),
  congressPattern: regexSource,
  plenumPattern: regexSource,
  examples: z.array(z.object({ text: z.string().min(1), latest: z.number().int() })).min(1),
  fiveYearPlans: z.object({
    firstYears: z.record(z.string().regex(/^[一二三四五六七八九十]+$/u), z.number().int()),
    milestonePattern: regexSource,
    examples: z.array(z.object({ text: z.string().min(1), year: z.number().int() })).min(1),
  }),
});

const notAPlanRule = z.object({
  id: z.string().regex(/^[a-z][a-z-]*$/),
  why: z.string().min(1),
  patterns: z.array(regexSource).min(1),
  examples: z.array(z.string().min(1)).min(1),
  reads: z.array(z.enum(['head', 'above-outline', 'top-headings', 'short-lines'])).default(['head']),
});

const kindsTable = z.object({
  kinds: z.array(
    z.object({
      name: z.string().min(1),
      slug: z.string().regex(/^[a-z][a-z-]*$/),
      canonical: z.boolean().default(false),
      titlePatterns: z.array(regexSource).min(1),
      sectionSignals: z.array(regexSource).optional(),
      builtTitle: z.string().min(1).optional(),
      summaryPart: regexSource.optional(),
    }),
  ),
  fallback: z.string(),
  builtTitle: z.string().min(1),
  notPlans: z.array(notAPlanRule).default([]),
  reportSigns: z.array(notAPlanRule).default([]),
});

const titlesTable = z.object({
  noticeSignals: z.array(regexSource),
  closingLines: z.array(regexSource),
  planTitle: z.object({
    maxLength: z.number().int().positive(),
    pattern: regexSource,
    notPatterns: z.array(regexSource),
    examples: z.array(z.string().min(1)).min(1),
    notExamples: z.array(z.string().min(1)).min(1),
    secondPart: z.object({ pattern: regexSource, examples: z.array(z.string().min(1)).min(1) }),
  }),
  leadPhrase: z.object({
    maxLength: z.number().int().positive(),
    minLength: z.number().int().positive(),
    terminators: z.array(z.string().length(1)).min(1),
    hanTerminators: z.array(z.string().length(1)),
    bodyOpeners: z.array(z.string().min(1)),
    notBeforeOpener: z.array(z.string().length(1)),
    chainedVerbs: z.array(z.string().min(1)),
    minOpenerOffset: z.number().int().nonnegative(),
    minBodyLength: z.number().int().nonnegative(),
    minRunOnClause: z.number().int().positive(),
    listBullets: z.array(z.string().min(1)).min(1),
  }),
});

const issuersTable = z.object({
  organSuffixes: z.array(z.string().min(1)).min(1),
  abbreviations: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)).default({}),
  pageTag: z.object({ pattern: regexSource, examples: z.array(z.string().min(1)).min(1) }),
});

const metadataPatterns = ['docNumber', 'issueDate', 'issueDateRunIn', 'bareIssueDate', 'year', 'issuingNotice', 'issuingSentence', 'yearAims', 'preambleOpening', 'attachmentList'] as const;
const metadataTable = z.object({
  shared: z.record(z.string(), z.string().min(1)),
  ...Object.fromEntries(metadataPatterns.map((name) => [name, z.string().min(1)])),
  examples: z.object(Object.fromEntries(metadataPatterns.map((name) => [name, z.array(z.string().min(1)).min(1)]))),
}) as unknown as z.ZodType<{ shared: Record<string, string>; examples: Record<(typeof metadataPatterns)[number], string[]> } & Record<(typeof metadataPatterns)[number], string>>;

/** A metadata pattern with its {shared} pieces put in; an unknown piece is an error of the table. */
function withSharedPieces(name: string, source: string, shared: Record<string, string>): string {
  // A piece's name starts with a letter, so quantifiers such as {2} and {1,12} stay as they are.
  const fill = (text: string): string =>
    text.replace(/\{([A-Za-z]\w*)\}/gu, (_whole, piece: string) => {
      const value = shared[piece];
      if (value === undefined) throw tableError('metadata.yaml', `${name} uses {${piece}}, which shared: does not define`, `define ${piece} under shared:, or correct the name`);
      return value;
    });
  // A piece may be made of others ({fullDate} of {arabicYear} and {chineseYear}), one level down.
  const filled = fill(fill(source));
  if (!regexSource.safeParse(filled).success) throw tableError('metadata.yaml', `${name} is not a valid regular expression once its pieces are put in`, 'correct the pattern, as the examples beside it show');
  return filled;
}

export type NumeralSystem = 'arabic' | 'chinese' | 'circled' | 'enclosed';

export interface NumberingStyle {
  id: string;
  rank: number;
  pattern: RegExp;
  numerals: NumeralSystem;
  /** Labels as printed that the style reads (tested). */
  examples: string[];
  /** The style whose lists its labels belong to (a label that lost its dot, 2落实, counts in a list of 1. and 3.). */
  listOf?: string;
}

/** A kind of text that looks like a plan but is not a bureau's annual work plan. */
export interface NotAPlanRule {
  id: string;
  why: string;
  patterns: RegExp[];
  examples: string[];
  /**
   * Where the rule reads: the head (the first lines, up to the title); every short
   * line above the outline (a title printed below a page's advertisement); the
   * outline's top headings (第二部分 2021年度部门决算表).
   */
  reads: ReadonlyArray<'head' | 'above-outline' | 'top-headings' | 'short-lines'>;
}

export interface DocumentKind {
  name: string;
  slug: string;
  /** The annual work plan: its URL carries no kind slug. */
  canonical: boolean;
  titlePatterns: RegExp[];
  sectionSignals: RegExp[];
  /** The title built for a document of this kind that prints none (see kinds.yaml). */
  builtTitle: string;
  /** In a title of a summary and a plan, the word that ends the summary's part (总结): a year only before it is the summary's. */
  summaryPart: RegExp | null;
}

export interface Genre {
  numbering: NumberingStyle[];
  kinds: DocumentKind[];
  fallbackKind: DocumentKind;
  notPlans: NotAPlanRule[];
  /** Signs in the lede that a text with no plan title and no notice is a report, not the plan (kinds.yaml). */
  reportSigns: NotAPlanRule[];
  planTitle: {
    maxLength: number;
    pattern: RegExp;
    notPatterns: RegExp[];
    examples: string[];
    notExamples: string[];
    /** How a title's second part opens when a line break puts it on a line of its own (和2014年工作计划). */
    secondPart: { pattern: RegExp; examples: string[] };
  };
  noticeSignals: RegExp[];
  /** Disclosure notes and attachment lists that close a notice or the plan after its signature. */
  closingLines: RegExp[];
  leadPhrase: {
    maxLength: number;
    minLength: number;
    terminators: ReadonlySet<string>;
    hanTerminators: ReadonlySet<string>;
    bodyOpeners: string[];
    notBeforeOpener: ReadonlySet<string>;
    /** Verbs a body verb right after continues (学习宣传贯彻); the body openers do too. */
    chainedVerbs: readonly string[];
    minOpenerOffset: number;
    minBodyLength: number;
    minRunOnClause: number;
    /** Marks that open an entry of an unnumbered list (——, ●): a line starting with one begins text of its own. */
    listBullets: string[];
  };
  organSuffixes: string[];
  /** Short organ suffix → the full suffixes it stands for (教委 → 教育委员会). */
  organAbbreviations: ReadonlyMap<string, readonly string[]>;
  /** A site's category tag before a heading, no part of the issuer's name after it ([官方政策]). */
  pageTag: { pattern: RegExp; examples: string[] };
  docNumber: RegExp;
  issueDate: RegExp;
  /** A date of issue a run-together notice prints mid-line, before its 抄送 or 附件. */
  issueDateRunIn: RegExp;
  bareIssueDate: RegExp;
  /** Global: use with matchAll. */
  year: RegExp;
  /** A covering notice's heading, its group "title" the document it issues. */
  issuingNotice: RegExp;
  /** A notice's sentence issuing the document (现将《…》印发给你们), its group "title" what it issues. */
  issuingSentence: RegExp;
  /** The text's own statement of the aims of its year (2024年全市教育工作的总体要求是), its group "year" the year. */
  yearAims: RegExp;
  /** How a plan's opening paragraph begins (2023年是…之年): in a plan printed without numbers it is the preamble, not item 1. */
  preambleOpening: RegExp;
  /** The line that opens an attachment list. */
  attachmentList: RegExp;
  /** What each metadata pattern must match (test/genre/examples.test.ts). */
  metadataExamples: Record<(typeof metadataPatterns)[number], string[]>;
  /** The party's congresses and plenums, with their years, and how texts cite them (party-meetings.yaml). Patterns are global. */
  partyMeetings: {
    congresses: Array<{ name: string; year: number; plenums: number[] }>;
    congressPattern: RegExp;
    plenumPattern: RegExp;
    examples: Array<{ text: string; latest: number }>;
    /** The year each five-year plan begins, by its number (十四 → 2021), and how a text names its start or end. Pattern global. */
    fiveYearPlans: { firstYears: Record<string, number>; milestonePattern: RegExp; examples: Array<{ text: string; year: number }> };
  };
}

let cached: Genre | undefined;

export function loadGenre(): Genre {
  if (cached) return cached;
  const numbering = loadTable('numbering.yaml', numberingTable);
  for (const style of numbering.styles) {
    if (style.listOf !== undefined && !numbering.styles.some((other) => other.id === style.listOf && other.listOf === undefined)) {
      throw tableError('numbering.yaml', `${style.id} has listOf: ${style.listOf}, which is no style of its own`, 'name the id of a style listed in numbering.yaml that has no listOf itself');
    }
  }
  const kinds = loadTable('kinds.yaml', kindsTable);
  const titles = loadTable('titles.yaml', titlesTable);
  const issuers = loadTable('issuers.yaml', issuersTable);
  const metadata = loadTable('metadata.yaml', metadataTable);
  const partyMeetings = loadTable('party-meetings.yaml', partyMeetingsTable);

  const compiledKinds = kinds.kinds.map((kind) => ({
    name: kind.name,
    slug: kind.slug,
    canonical: kind.canonical,
    titlePatterns: kind.titlePatterns.map((source) => new RegExp(source, 'u')),
    sectionSignals: (kind.sectionSignals ?? []).map((source) => new RegExp(source, 'u')),
    builtTitle: kind.builtTitle ?? kinds.builtTitle,
    summaryPart: kind.summaryPart ? new RegExp(kind.summaryPart, 'u') : null,
  }));
  const fallbackKind = compiledKinds.find((kind) => kind.name === kinds.fallback);
  if (!fallbackKind) throw kindsError(`fallback "${kinds.fallback}" is not a listed kind`, 'name one of the kinds listed under kinds: as fallback');
  if (compiledKinds.filter((kind) => kind.canonical).length !== 1) {
    throw kindsError('exactly one kind must be canonical (the annual work plan)', 'mark the annual 工作要点 canonical: true, and no other kind');
  }

  cached = {
    numbering: numbering.styles.map((style) => ({
      id: style.id,
      rank: style.rank,
      pattern: new RegExp(style.pattern, 'u'),
      numerals: style.numerals,
      examples: style.examples,
      ...(style.listOf === undefined ? {} : { listOf: style.listOf }),
    })),
    kinds: compiledKinds,
    fallbackKind,
    notPlans: kinds.notPlans.map((rule) => ({ ...rule, patterns: rule.patterns.map((source) => new RegExp(source, 'u')) })),
    reportSigns: kinds.reportSigns.map((rule) => ({ ...rule, patterns: rule.patterns.map((source) => new RegExp(source, 'u')) })),
    planTitle: {
      maxLength: titles.planTitle.maxLength,
      pattern: new RegExp(titles.planTitle.pattern, 'u'),
      notPatterns: titles.planTitle.notPatterns.map((source) => new RegExp(source, 'u')),
      examples: titles.planTitle.examples,
      notExamples: titles.planTitle.notExamples,
      secondPart: { pattern: new RegExp(titles.planTitle.secondPart.pattern, 'u'), examples: titles.planTitle.secondPart.examples },
    },
    noticeSignals: titles.noticeSignals.map((source) => new RegExp(source, 'u')),
    closingLines: titles.closingLines.map((source) => new RegExp(source, 'u')),
    leadPhrase: {
      ...titles.leadPhrase,
      terminators: new Set(titles.leadPhrase.terminators),
      hanTerminators: new Set(titles.leadPhrase.hanTerminators),
      notBeforeOpener: new Set(titles.leadPhrase.notBeforeOpener),
      chainedVerbs: [...titles.leadPhrase.chainedVerbs, ...titles.leadPhrase.bodyOpeners],
    },
    // Longest first, so 教育和体育局 wins over 体育局-like shorter endings.
    organSuffixes: [...issuers.organSuffixes].sort((a, b) => b.length - a.length),
    organAbbreviations: new Map(Object.entries(issuers.abbreviations)),
    pageTag: { pattern: new RegExp(issuers.pageTag.pattern, 'u'), examples: issuers.pageTag.examples },
    docNumber: new RegExp(withSharedPieces('docNumber', metadata.docNumber, metadata.shared), 'u'),
    issueDate: new RegExp(withSharedPieces('issueDate', metadata.issueDate, metadata.shared), 'u'),
    issueDateRunIn: new RegExp(withSharedPieces('issueDateRunIn', metadata.issueDateRunIn, metadata.shared), 'u'),
    bareIssueDate: new RegExp(withSharedPieces('bareIssueDate', metadata.bareIssueDate, metadata.shared), 'u'),
    year: new RegExp(withSharedPieces('year', metadata.year, metadata.shared), 'gu'),
    issuingNotice: new RegExp(withSharedPieces('issuingNotice', metadata.issuingNotice, metadata.shared), 'u'),
    issuingSentence: new RegExp(withSharedPieces('issuingSentence', metadata.issuingSentence, metadata.shared), 'u'),
    yearAims: new RegExp(withSharedPieces('yearAims', metadata.yearAims, metadata.shared), 'u'),
    preambleOpening: new RegExp(withSharedPieces('preambleOpening', metadata.preambleOpening, metadata.shared), 'u'),
    attachmentList: new RegExp(withSharedPieces('attachmentList', metadata.attachmentList, metadata.shared), 'u'),
    metadataExamples: metadata.examples,
    partyMeetings: {
      congresses: [...partyMeetings.congresses].sort((a, b) => a.year - b.year),
      congressPattern: new RegExp(partyMeetings.congressPattern, 'gu'),
      plenumPattern: new RegExp(partyMeetings.plenumPattern, 'gu'),
      examples: partyMeetings.examples,
      fiveYearPlans: { ...partyMeetings.fiveYearPlans, milestonePattern: new RegExp(partyMeetings.fiveYearPlans.milestonePattern, 'gu') },
    },
  };
  return cached;
}

function tableError(fileName: string, message: string, hint: string): AtlasError {
  const error = new AtlasError('invalid-file', `scripts/genre/${fileName}: ${message}`, hint);
  error.file = `scripts/genre/${fileName}`;
  return error;
}

const kindsError = (message: string, hint: string): AtlasError => tableError('kinds.yaml', message, hint);
