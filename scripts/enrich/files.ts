/**
 * The enrichment as files under content/: one JSON array per Astro collection
 * (each entry with an `id`, as the file() loader wants), plus the report. Keys are
 * written in a fixed order so that the same enrichment always gives the same bytes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Enrichment } from './enrich-corpus.ts';
import { commitmentFacets, itemEnrichmentSchema, type Commitment } from '../../src/model/enrichment.ts';
import { parseWith } from '../../src/model/errors.ts';

export const enrichmentDirectory = 'enrichment';
const itemsFile = 'items.json';

/** Every key used anywhere in `value`, sorted: as JSON.stringify's key list, it writes each object's keys in this order. */
function sortedKeys(value: unknown, keys = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const element of value) sortedKeys(element, keys);
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      keys.add(key);
      sortedKeys(inner, keys);
    }
  }
  return keys;
}

/** Compact JSON with every object's keys sorted. */
function sortedJson(value: unknown): string {
  return JSON.stringify(value, [...sortedKeys(value)].sort());
}

/**
 * JSON with object keys sorted, one entry per line: an array's elements, or an
 * object's keys, each compact on a line of its own; one trailing newline. A line
 * per entry keeps diffs of two builds readable, and compact entries keep the files
 * small (items.json at 1,000 plans: 29 MB, 51 MB indented), which every later reader
 * (hash, write, Astro's loader) pays for.
 */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '[]\n' : `[\n${value.map(sortedJson).join(',\n')}\n]\n`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value).sort().map((key) => `${JSON.stringify(key)}: ${sortedJson((value as Record<string, unknown>)[key])}`);
    return entries.length === 0 ? '{}\n' : `{\n${entries.join(',\n')}\n}\n`;
  }
  return `${JSON.stringify(value)}\n`;
}

export function enrichmentFiles(enrichment: Enrichment): Map<string, string> {
  const at = (name: string): string => `${enrichmentDirectory}/${name}`;
  return new Map([
    [at(itemsFile), stableJson(enrichment.items)],
    [at('topics.json'), stableJson(enrichment.topics)],
    [at('documents.json'), stableJson(enrichment.documents)],
    [at('terms.json'), stableJson(enrichment.terms)],
    [at('plans.json'), stableJson(enrichment.plans)],
    [at('commitments.json'), stableJson(enrichment.commitments)],
    [at('links.json'), stableJson(linkTargets(enrichment))],
    [at('vocabulary.json'), stableJson(enrichment.vocabulary)],
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

const itemTopicsSchema = z.array(itemEnrichmentSchema.pick({ url: true, topics: true, commitments: true }));

/**
 * The names of each item's topics, by item URL, from the items file under
 * `contentDirectory`; none when the enrich stage has not run there.
 */
export function readItemTopics(contentDirectory: string): Map<string, string[]> {
  return new Map([...readItemFacets(contentDirectory)].map(([url, facets]) => [url, facets.topics]));
}

/** The items file under `contentDirectory` as far as the search and the downloads read it; none when the enrich stage has not run there. */
function readEnrichedItems(contentDirectory: string): z.infer<typeof itemTopicsSchema> {
  const file = join(contentDirectory, enrichmentDirectory, itemsFile);
  if (!existsSync(file)) return [];
  return parseWith(itemTopicsSchema, JSON.parse(readFileSync(file, 'utf8')), file, { hint: 'it is not what the enrich stage writes: run npm run enrich to write it again' });
}

/**
 * The search facets of each item the enrich stage gave it, by item URL: its topics'
 * names and its commitments' kinds (commitmentFacets); none when it has not run.
 */
export function readItemFacets(contentDirectory: string): Map<string, { topics: string[]; commitments: string[] }> {
  return new Map(readEnrichedItems(contentDirectory).map((item) => [item.url, { topics: item.topics.map((topic) => topic.name), commitments: commitmentFacets(item.commitments) }]));
}

/** Each item's commitments (docs/commitments.md) by item URL; none when the enrich stage has not run. */
export function readItemCommitments(contentDirectory: string): Map<string, Commitment[]> {
  return new Map(readEnrichedItems(contentDirectory).map((item) => [item.url, item.commitments]));
}
