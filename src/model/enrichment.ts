/**
 * The shape of what the enrich stage writes (content/enrichment/*.json), as zod
 * schemas: enrich.ts builds these values, and the Astro collections in
 * src/content.config.ts validate the files against the same schemas.
 */
import { z } from 'zod';

export const relatedItemSchema = z.object({
  url: z.string(),
  score: z.number(),
  /** Why: topics both items have, terms both print, and the heaviest shared keywords. */
  topics: z.array(z.string()),
  terms: z.array(z.string()),
  keywords: z.array(z.string()),
});

export const itemTopicSchema = z.object({
  slug: z.string(),
  name: z.string(),
  score: z.number(),
  /** The signal terms that decided it. */
  evidence: z.array(z.string()),
});

export const itemEnrichmentSchema = z.object({
  /** The item's URL: the id of the entry in the Astro collection. */
  id: z.string(),
  url: z.string(),
  plan: z.string(),
  key: z.string(),
  heading: z.string(),
  /** What to call the item in lists: its label and lead phrase, or the start of its text when it has none. */
  name: z.string(),
  topics: z.array(itemTopicSchema),
  /** Slugs of the documents the item cites, in order of first citation. */
  documents: z.array(z.string()),
  /** Slugs of the policy terms the item prints, by term. */
  terms: z.array(z.string()),
  /** Its heaviest keywords, for display. */
  keywords: z.array(z.string()),
  related: z.array(relatedItemSchema),
});

export const topicEntrySchema = z.object({
  id: z.string(),
  slug: z.string(),
  /** Position in the taxonomy, which lists stages first: the order of every topic listing. */
  order: z.number(),
  name: z.string(),
  kind: z.enum(['stage', 'theme']),
  definition: z.string(),
  /** Items of the topic: plans newest first (then by id), items in document order. */
  items: z.array(z.string()),
  /** Item count per plan id, for the heatmap. */
  plans: z.record(z.string(), z.number()),
});

const occurrenceSchema = z.object({ url: z.string(), plan: z.string(), year: z.number() });

export const documentEntrySchema = z.object({
  id: z.string(),
  slug: z.string(),
  /** The title as most often printed. */
  title: z.string(),
  /** The normalized key the variants meet under. */
  key: z.string(),
  /** Every printed variant, most frequent first. */
  variants: z.array(z.string()),
  citations: z.array(occurrenceSchema.extend({ as: z.string() })),
});

export const yearCountSchema = z.object({
  year: z.number(),
  /** Items printing the term that year, plans among them, and all items and plans of that year. */
  items: z.number(),
  plans: z.number(),
  corpusItems: z.number(),
  corpusPlans: z.number(),
});

export const termEntrySchema = z.object({
  id: z.string(),
  slug: z.string(),
  term: z.string(),
  /** quoted: printed in “” by some plan; dictionary: in content/taxonomy/policy-terms.yaml. */
  origins: z.array(z.enum(['quoted', 'dictionary'])),
  note: z.string().nullable(),
  source: z.string().nullable(),
  occurrences: z.array(occurrenceSchema.extend({ count: z.number(), quoted: z.boolean() })),
  years: z.array(yearCountSchema),
});

export const planEntrySchema = z.object({
  id: z.string(),
  url: z.string(),
  title: z.string(),
  region: z.string(),
  regionPath: z.array(z.string()),
  year: z.number(),
  kind: z.string(),
  items: z.number(),
  topics: z.record(z.string(), z.number()),
});

export type RelatedItem = z.infer<typeof relatedItemSchema>;
export type ItemTopic = z.infer<typeof itemTopicSchema>;
export type ItemEnrichment = z.infer<typeof itemEnrichmentSchema>;
export type TopicEntry = z.infer<typeof topicEntrySchema>;
export type Occurrence = z.infer<typeof occurrenceSchema>;
export type DocumentEntry = z.infer<typeof documentEntrySchema>;
export type YearCount = z.infer<typeof yearCountSchema>;
export type TermEntry = z.infer<typeof termEntrySchema>;
export type PlanEntry = z.infer<typeof planEntrySchema>;
