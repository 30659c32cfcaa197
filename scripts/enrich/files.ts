/**
 * The enrichment as files under content/: one JSON array per Astro collection
 * (each entry with an `id`, as the file() loader wants), plus the report. Keys are
 * written in a fixed order so that the same enrichment always gives the same bytes.
 */
import type { Enrichment } from './enrich.ts';

export const enrichmentDirectory = 'enrichment';

/** JSON with object keys sorted, two-space indented, one trailing newline. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(inner).sort()) sorted[key] = (inner as Record<string, unknown>)[key];
    return sorted;
  }, 2)}\n`;
}

export function enrichmentFiles(enrichment: Enrichment): Map<string, string> {
  const at = (name: string): string => `${enrichmentDirectory}/${name}`;
  return new Map([
    [at('items.json'), stableJson(enrichment.items)],
    [at('topics.json'), stableJson(enrichment.topics)],
    [at('documents.json'), stableJson(enrichment.documents)],
    [at('terms.json'), stableJson(enrichment.terms)],
    [at('plans.json'), stableJson(enrichment.plans)],
    [at('links.json'), stableJson(linkTargets(enrichment))],
    [at('report.json'), stableJson({ unassigned: enrichment.unassigned, counts: { items: enrichment.items.length, topics: enrichment.topics.length, documents: enrichment.documents.length, terms: enrichment.terms.length } })],
  ]);
}

export interface LinkTargetsFile {
  /** Normalized title key → document slug. */
  documents: Record<string, string>;
  /** Term → term slug. */
  terms: Record<string, string>;
  blockers: string[];
}

export function linkTargets(enrichment: Enrichment): LinkTargetsFile {
  const documents: Record<string, string> = {};
  for (const document of enrichment.documents) documents[document.key] = document.slug;
  const terms: Record<string, string> = {};
  for (const term of enrichment.terms) terms[term.term] = term.slug;
  return { documents, terms, blockers: enrichment.blockers };
}
