/**
 * The domain dictionary (content/taxonomy/policy-terms.yaml): policy terms of the
 * genre, each with where it was seen. Search keeps these whole when it splits a
 * query; the topics and terms pages read the same list.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

export const policyTermSchema = z.object({
  term: z.string().min(1),
  /** Where the term was seen: a bundled source plan (content/sources/…) or a document title. */
  source: z.string().min(1),
  note: z.string().optional(),
});
export type PolicyTerm = z.infer<typeof policyTermSchema>;

export const policyTermsPath = 'content/taxonomy/policy-terms.yaml';

export function parsePolicyTerms(text: string, file = policyTermsPath): PolicyTerm[] {
  const parsed = z.array(policyTermSchema).safeParse(parse(text));
  if (!parsed.success) throw new Error(`${file}: not a list of {term, source, note?}: ${parsed.error.message}`);
  const seen = new Set<string>();
  for (const { term } of parsed.data) {
    if (seen.has(term)) throw new Error(`${file}: ${term} is listed twice; keep one entry per term`);
    seen.add(term);
  }
  return parsed.data;
}

export function loadPolicyTerms(path = policyTermsPath): PolicyTerm[] {
  return parsePolicyTerms(readFileSync(path, 'utf8'), path);
}
