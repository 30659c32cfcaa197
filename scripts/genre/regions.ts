/**
 * Loads scripts/genre/regions.yaml: how plans shorten and refer to divisions
 * (name endings, generic names, scope words, place-name readings). Validated
 * once; a malformed table names the file and the field.
 */
import { z } from 'zod';
import { regionLevels, type RegionLevel } from '../../src/model/plan.ts';
import { parseWith } from '../../src/model/errors.ts';
import { readGenreTable } from './tables.ts';
import { regexSource } from './load.ts';

const han = z.string().regex(/^\p{Script=Han}+$/u, 'Chinese characters only');

const regionsTable = z.object({
  suffixes: z.array(han).min(1),
  zoneEndings: z.array(han),
  ethnicGroups: z.array(han).min(1),
  generic: z.array(han),
  scopes: z
    .array(
      z.object({
        word: han,
        bare: z.array(han).min(1),
        levels: z.array(z.enum(regionLevels)).min(1),
        endings: z.array(han).min(1),
      }),
    )
    .min(1),
  partnerContexts: z.object({ words: z.array(han).min(1), examples: z.array(z.string().min(1)).min(1) }),
  zoneLeadership: z.object({ patterns: z.array(z.string().min(1)).min(1), examples: z.array(z.string().min(1)).min(1) }),
  areaWords: z.object({ words: z.array(han).min(1), examples: z.array(z.string().min(1)).min(1) }),
  townships: z.object({ pattern: regexSource, examples: z.array(z.string().min(1)).min(1) }),
  schoolNames: z.object({ pattern: regexSource, examples: z.array(z.string().min(1)).min(1) }),
  rankingContexts: z.object({ before: z.array(han).min(1), after: z.array(han).min(1), examples: z.array(z.string().min(1)).min(1) }),
  unnamedIssuers: z.object({ heads: z.array(han).min(1), examples: z.array(z.string().min(1)).min(1) }),
  shortNameContexts: z.array(han).default([]),
  publishingGovernments: z.array(han).min(1),
  bureauContexts: z.array(han).default([]),
  formerNames: z.array(z.object({ name: han, now: z.string().regex(/^\d{6}$/, 'a six-digit code'), changed: z.number().int().min(1949).max(2100) }).strict()).default([]),
  masked: z.object({ patterns: z.array(z.string().min(1)).min(1), examples: z.array(z.string().min(1)).min(1) }),
  addressees: z.object({ patterns: z.array(z.string().min(1)).min(1), examples: z.array(z.string().min(1)).min(1) }),
  readings: z.record(han, z.string().regex(/^[a-z]+( [a-z]+)*$/, 'lowercase syllables separated by spaces')),
  slugs: z.record(z.string().regex(/^\d{6}$/, 'a six-digit code'), z.string().regex(/^[a-z0-9-]+$/)),
});

export interface RegionScope {
  word: string;
  /** The level word alone, as an unnamed issuer begins: 市 (市教育局), 自治区 (自治区教育厅). */
  bare: readonly string[];
  levels: readonly RegionLevel[];
  endings: readonly string[];
}

export interface RegionGenre {
  /** Longest first, so 自治县 is stripped before 县. */
  suffixes: readonly string[];
  zoneEndings: readonly string[];
  ethnicGroups: readonly string[];
  generic: ReadonlySet<string>;
  scopes: readonly RegionScope[];
  /** Words right before a place that make it a partner or model, not the plan's own (与东平县结对). */
  partnerContexts: readonly string[];
  partnerExamples: readonly string[];
  /** A development zone's leadership named in its own text (党工委和管委会): no division's plan. */
  zoneLeadership: readonly RegExp[];
  zoneLeadershipExamples: readonly string[];
  /** Words after a place's name that make it a wider area's (武汉都市圈), no evidence of the region. */
  areaWords: readonly string[];
  areaExamples: readonly string[];
  /** What after a place's short name makes it a township's (黄梅镇): no evidence of the county. Tried on the text right after the name. */
  township: RegExp;
  townshipExamples: readonly string[];
  /** What after a place's short name makes it a school's name (新昌一小): alone, no evidence of the plan's place. Tried on the text right after the name. */
  schoolName: RegExp;
  schoolNameExamples: readonly string[];
  /** Words around a scope word that make it a ranking in a wider area (排名全省第一), no claim of the plan's level. */
  rankingBefore: readonly string[];
  rankingAfter: readonly string[];
  rankingExamples: readonly string[];
  /** What follows a bare level word in an issuer that names no place (区教体局, 市教育局). */
  unnamedIssuerHeads: readonly string[];
  unnamedIssuerExamples: readonly string[];
  /** Place-name readings, longest key first. */
  readings: ReadonlyArray<readonly [string, readonly string[]]>;
  /** Slugs fixed by code. */
  slugs: ReadonlyMap<string, string>;
  /** Names divisions had before a rename or an upgrade (襄樊市 → 420600 襄阳市, 2010). */
  formerNames: ReadonlyArray<{ name: string; now: string; changed: number }>;
  /** Words after which a place in the body is named as the plan's own (河源市教育系统). */
  bureauContexts: readonly string[];
  /** Words after which a short name in running text stands as a name (泰安教育). */
  shortNameContexts: readonly string[];
  /** The organs a government's name ends in (人民政府): a publisher that names one is the plan's place if the text speaks for its level. */
  publishingGovernments: readonly string[];
  /** Masked place names (XX县, 某市): the region is hidden on purpose. */
  masked: readonly RegExp[];
  maskedExamples: readonly string[];
  /** A covering notice's list of addressees (各市、县（区）教育局，…：): where it is sent, not whose it is. */
  addressees: readonly RegExp[];
  addresseeExamples: readonly string[];
}

let cached: RegionGenre | undefined;

function validateRegionsTable(data: unknown): z.infer<typeof regionsTable> {
  return parseWith(regionsTable, data, 'scripts/genre/regions.yaml');
}

function compileRegionGenre(table: z.infer<typeof regionsTable>): RegionGenre {
  const byLengthDescending = (a: string, b: string): number => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);
  return {
    suffixes: [...table.suffixes].sort(byLengthDescending),
    zoneEndings: table.zoneEndings,
    ethnicGroups: [...table.ethnicGroups].sort(byLengthDescending),
    generic: new Set(table.generic),
    scopes: table.scopes,
    partnerContexts: table.partnerContexts.words,
    partnerExamples: table.partnerContexts.examples,
    zoneLeadership: table.zoneLeadership.patterns.map((source) => new RegExp(source, 'u')),
    zoneLeadershipExamples: table.zoneLeadership.examples,
    areaWords: table.areaWords.words,
    areaExamples: table.areaWords.examples,
    township: new RegExp(table.townships.pattern, 'u'),
    townshipExamples: table.townships.examples,
    schoolName: new RegExp(table.schoolNames.pattern, 'u'),
    schoolNameExamples: table.schoolNames.examples,
    rankingBefore: table.rankingContexts.before,
    rankingAfter: table.rankingContexts.after,
    rankingExamples: table.rankingContexts.examples,
    unnamedIssuerHeads: table.unnamedIssuers.heads,
    unnamedIssuerExamples: table.unnamedIssuers.examples,
    readings: Object.keys(table.readings)
      .sort(byLengthDescending)
      .map((key) => [key, (table.readings[key] as string).split(' ')] as const),
    slugs: new Map(Object.entries(table.slugs)),
    shortNameContexts: table.shortNameContexts,
    publishingGovernments: table.publishingGovernments,
    bureauContexts: table.bureauContexts,
    formerNames: table.formerNames,
    masked: table.masked.patterns.map((source) => new RegExp(source, 'u')),
    maskedExamples: table.masked.examples,
    addressees: table.addressees.patterns.map((source) => new RegExp(source, 'gu')),
    addresseeExamples: table.addressees.examples,
  };
}

export function loadRegionGenre(): RegionGenre {
  cached ??= compileRegionGenre(readGenreTable('regions.yaml', validateRegionsTable));
  return cached;
}
