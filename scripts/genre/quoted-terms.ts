/**
 * Loads scripts/genre/quoted-terms.yaml: when a phrase a plan prints in “” names a
 * policy, a programme or a standard, and so is a policy term. Validated once; a
 * malformed table names the file and field.
 */
import { z } from 'zod';
import { parseWith } from '../../src/model/errors.ts';
import { regexSource } from './load.ts';
import { readGenreTable } from './tables.ts';

const quotedTermsTable = z.object({
  names: z.array(z.object({ id: z.string().min(1), why: z.string().min(1), pattern: regexSource, examples: z.array(z.string().min(1)).min(1) })).min(1),
  notTerms: z.array(z.object({ term: z.string().min(1), why: z.string().min(1) })),
  notPatterns: z.array(z.object({ pattern: regexSource, examples: z.array(z.string().min(1)).min(1) })),
});

export interface QuotedTermRules {
  names: ReadonlyArray<{ id: string; pattern: RegExp; examples: readonly string[] }>;
  notTerms: ReadonlySet<string>;
  notPatterns: ReadonlyArray<{ pattern: RegExp; examples: readonly string[] }>;
  /** The rule that reads a quoted phrase as a policy term, or null. */
  nameOf(phrase: string): string | null;
}

let cached: QuotedTermRules | undefined;

export function loadQuotedTermRules(): QuotedTermRules {
  if (cached) return cached;
  const file = 'scripts/genre/quoted-terms.yaml';
  const table = readGenreTable('quoted-terms.yaml', (data) => parseWith(quotedTermsTable, data, file, { entries: { list: 'names', noun: 'rule' } }));
  const names = table.names.map((rule) => ({ id: rule.id, pattern: new RegExp(rule.pattern, 'u'), examples: rule.examples }));
  const notTerms = new Set(table.notTerms.map((entry) => entry.term));
  const notPatterns = table.notPatterns.map((rule) => ({ pattern: new RegExp(rule.pattern, 'u'), examples: rule.examples }));
  cached = {
    names,
    notTerms,
    notPatterns,
    nameOf(phrase) {
      if (notTerms.has(phrase) || notPatterns.some((rule) => rule.pattern.test(phrase))) return null;
      return names.find((rule) => rule.pattern.test(phrase))?.id ?? null;
    },
  };
  return cached;
}
