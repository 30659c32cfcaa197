/**
 * The domain dictionary (content/taxonomy/policy-terms.yaml): policy terms of the
 * genre, each with where it was seen. Search keeps these whole when it splits a
 * query; the topics and terms pages read the same list.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { AtlasError, parseWith } from '../errors.ts';

export const policyTermSchema = z.object({
  term: z.string().min(1),
  /** Where the term was seen: a bundled source plan (content/sources/…) or a document title. */
  source: z.string().min(1),
  note: z.string().optional(),
});
export type PolicyTerm = z.infer<typeof policyTermSchema>;

export const policyTermsPath = 'content/taxonomy/policy-terms.yaml';

export function parsePolicyTerms(text: string, file = policyTermsPath): PolicyTerm[] {
  const terms = parseWith(z.array(policyTermSchema), parse(text), file, { hint: 'each entry is {term, source, note?}, as the file\'s own comments describe' });
  const seen = new Set<string>();
  for (const { term } of terms) {
    if (seen.has(term)) {
      const error = new AtlasError('invalid-file', `${file}: ${term} is listed twice`, 'keep one entry per term');
      error.file = file;
      throw error;
    }
    seen.add(term);
  }
  return terms;
}

export function loadPolicyTerms(path = policyTermsPath): PolicyTerm[] {
  return parsePolicyTerms(readFileSync(path, 'utf8'), path);
}
