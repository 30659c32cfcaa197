/**
 * Loads scripts/genre/noise.yaml once, validates it and compiles its patterns.
 * A malformed table is an editor's mistake, so the error names the file, the
 * rule and the field.
 */
import { z } from 'zod';
import { readGenreTable } from './tables.ts';
import { parseWith } from '../../src/model/errors.ts';

export const factNames = ['publishedOn', 'publisher', 'docNumber', 'issuedOn'] as const;
export type FactName = (typeof factNames)[number];

export const noiseScopes = ['inline', 'line', 'edge', 'block'] as const;
export type NoiseScope = (typeof noiseScopes)[number];

export const blockKinds = ['repeats-following', 'page-title', 'page-counters', 'preface'] as const;
export type BlockKind = (typeof blockKinds)[number];

const regexSource = z.string().min(1).superRefine((source, context) => {
  try {
    new RegExp(source, 'u');
  } catch (error) {
    context.addIssue({ code: 'custom', message: `not a valid regular expression: ${(error as Error).message}` });
  }
});

const factPattern = regexSource.refine((source) => source.includes('(?<value>'), 'must capture the fact as (?<value>…)');

const ruleSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'ids are lower-case words joined by -'),
    description: z.string().min(1),
    scope: z.enum(noiseScopes),
    patterns: z.array(regexSource).min(1).optional(),
    labels: z.array(z.string().min(1)).min(1).optional(),
    block: z.enum(blockKinds).optional(),
    maxLength: z.number().int().positive().default(200),
    facts: z.array(z.enum(factNames)).default([]),
    examples: z.array(z.string().min(1)).default([]),
    /** Rules that must have removed something on the page before this one applies. */
    requires: z.array(z.string()).default([]),
    /** Facts no line of a page this rule removed something from can give (a sharing site's dates are its uploads'). */
    voidsFacts: z.array(z.enum(factNames)).default([]),
  })
  .strict()
  .superRefine((rule, context) => {
    if ((rule.patterns === undefined) === (rule.labels === undefined)) {
      context.addIssue({ code: 'custom', message: 'give either patterns or labels' });
    }
    if (rule.labels && rule.scope !== 'line') context.addIssue({ code: 'custom', message: 'labels only make sense with scope: line' });
    if ((rule.scope === 'block') !== (rule.block !== undefined)) {
      context.addIssue({ code: 'custom', message: 'scope: block needs `block`, and only it' });
    }
    if (rule.scope === 'inline' && rule.facts.length > 0) {
      context.addIssue({ code: 'custom', message: 'inline rules capture no facts' });
    }
  });

const noiseTable = z
  .object({
    facts: z.object({
      publishedOn: factPattern,
      publisher: factPattern,
      docNumber: factPattern,
      issuedOn: factPattern,
    }),
    rules: z.array(ruleSchema).min(1),
  })
  .strict()
  .superRefine((table, context) => {
    const seen = new Set<string>();
    table.rules.forEach((rule, index) => {
      if (seen.has(rule.id)) context.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `duplicate rule id ${rule.id}` });
      seen.add(rule.id);
    });
  });

export type NoiseTable = z.infer<typeof noiseTable>;

export interface NoiseRule {
  id: string;
  description: string;
  scope: NoiseScope;
  /** For inline rules: global (use with matchAll / replace). Otherwise tested once per line. */
  patterns: RegExp[];
  /** Set for label rules: matches a line that is only the label (its value is on the next line). */
  labelOnly: RegExp | null;
  block: BlockKind | null;
  maxLength: number;
  facts: FactName[];
  /** Lines the rule must remove (tested). */
  examples: string[];
  /** Ids of rules that must have removed something on the page before this one applies. */
  requires: string[];
  /** Facts the page cannot give once this rule removed something from it. */
  voidsFacts: FactName[];
}

export interface Noise {
  rules: NoiseRule[];
  /** How to read each fact out of a removed line; the value is in the group `value`. */
  facts: Record<FactName, RegExp>;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** Compiles a validated table; exported so tests can check a table of their own. */
export function compileNoise(table: NoiseTable): Noise {
  const rules = table.rules.map((rule): NoiseRule => {
    let patterns: RegExp[];
    let labelOnly: RegExp | null = null;
    if (rule.labels) {
      // Longest first, so 发布日期 is not read as a shorter label plus text.
      const alternatives = [...rule.labels].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
      // A label may come as a list bullet (• 发布时间：…, 1. [发文字号] …) or in brackets (【来源：…】).
      // In brackets the label needs nothing after it (【制定机关】苏州市教育局), and may stand apart
      // from them (• [ 索引号 ]); bare, a colon or a space.
      patterns = [new RegExp(`^(?:[•·]\\s?|\\d{1,2}\\.\\s)?(?:[【\\[]\\s?(?:${alternatives})\\s?[】\\]]|[【\\[]?(?:${alternatives})(?:\\s?[:：]|\\s|$))`, 'u')];
      labelOnly = new RegExp(`^(?:[•·]\\s?|\\d{1,2}\\.\\s)?(?:[【\\[]\\s?)?(?:${alternatives})(?:\\s?[】\\]])?\\s?[:：]?$`, 'u');
    } else {
      patterns = (rule.patterns ?? []).map((source) => new RegExp(source, rule.scope === 'inline' ? 'gu' : 'u'));
    }
    return {
      id: rule.id,
      description: rule.description,
      scope: rule.scope,
      patterns,
      labelOnly,
      block: rule.block ?? null,
      maxLength: rule.maxLength,
      facts: rule.facts,
      examples: rule.examples,
      requires: rule.requires,
      voidsFacts: rule.voidsFacts,
    };
  });
  const facts = Object.fromEntries(factNames.map((name) => [name, new RegExp(table.facts[name], 'u')])) as Record<FactName, RegExp>;
  return { rules, facts };
}

/** Validates a parsed table; the error lists every problem with its path. */
export function parseNoiseTable(data: unknown, fileName = 'scripts/genre/noise.yaml'): NoiseTable {
  return parseWith(noiseTable, data, fileName, { entries: { list: 'rules', noun: 'rule' } });
}

let cached: Noise | undefined;

export function loadNoise(): Noise {
  if (cached) return cached;
  cached = compileNoise(readGenreTable('noise.yaml', (data) => parseNoiseTable(data)));
  return cached;
}
