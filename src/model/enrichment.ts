/**
 * The shape of what the enrich stage writes (content/enrichment/*.json), as zod
 * schemas: enrich.ts builds these values, and the Astro collections in
 * src/content.config.ts validate the files against the same schemas.
 */
import { z } from 'zod';
import { compareText } from './order.ts';

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

export const commitmentKinds = ['target', 'count', 'money', 'deadline', 'responsible'] as const;
export const commitmentBounds = ['exact', 'at-least', 'at-most', 'about'] as const;

/** One thing an item commits to (docs/commitments.md), with the span of its text it was read from. */
export const commitmentSchema = z.object({
  kind: z.enum(commitmentKinds),
  /** [start, end) in the item's text, in UTF-16 code units; `text` is that span. */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  text: z.string().min(1),
  /** The figure, its range's upper end, its unit as printed and how it bounds the level; null for deadlines and offices. */
  quantity: z.number().nullable(),
  max: z.number().nullable(),
  unit: z.string().nullable(),
  bound: z.enum(commitmentBounds).nullable(),
  /** What a target measures, as the text names it right before its verb; null when it names none. */
  indicator: z.string().nullable(),
  /** The responsible office(s) as printed. */
  office: z.string().nullable(),
  /** In a summary: a result reported, not a commitment made. */
  reported: z.boolean(),
  /** Slug of the list on /commitments/ that gathers it. */
  group: z.string(),
  /** For a result reported: the commitments of its region's plan for the year it reports on that it answers, by indicator or wording. */
  plannedIn: z.array(z.object({ url: z.string(), index: z.number().int().nonnegative(), text: z.string() })),
});

/** The clause around a span of an item's text, from the break before it to the break after it: the words a commitment stands in. */
export function clauseAround(text: string, span: { start: number; end: number }): string {
  const breaks = /[，。；！？,;!?\n]/u;
  let from = span.start;
  while (from > 0 && !breaks.test(text[from - 1]!)) from -= 1;
  let to = span.end;
  while (to < text.length && !breaks.test(text[to]!)) to += 1;
  return text.slice(from, to);
}

/** The search facet's value for a commitment: its kind, or for a summary's result 完成情况. */
export const commitmentFacetNames: Record<(typeof commitmentKinds)[number] | 'reported', string> = {
  target: '目标值',
  count: '数量',
  money: '资金',
  deadline: '时限',
  responsible: '责任单位',
  reported: '完成情况',
};

/** The facet values of an item's commitments, in the order of commitmentFacetNames, once each. */
export function commitmentFacets(commitments: ReadonlyArray<{ kind: (typeof commitmentKinds)[number]; reported: boolean }>): string[] {
  const present = new Set(commitments.map((commitment) => (commitment.reported ? 'reported' : commitment.kind)));
  return Object.entries(commitmentFacetNames).flatMap(([key, name]) => (present.has(key as keyof typeof commitmentFacetNames) ? [name] : []));
}

/** One list of /commitments/: the commitments of one kind that measure one thing in one unit. */
export const commitmentGroupSchema = z.object({
  id: z.string(),
  slug: z.string(),
  kind: z.enum(commitmentKinds),
  /** The measure gathered under (毛入园率), or null for counts, sums, deadlines and offices. */
  indicator: z.string().nullable(),
  unit: z.string().nullable(),
  /** Each commitment as its item and its place among the item's commitments; plans newest first, items in document order. */
  entries: z.array(z.object({ url: z.string(), plan: z.string(), year: z.number(), index: z.number().int().nonnegative() })),
  plans: z.number().int().nonnegative(),
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
  commitments: z.array(commitmentSchema),
  /** It stands in a part that reports results (a 总结): its page links the plan item of the year it reports on. */
  reports: z.boolean().default(false),
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
  /** Every year the plan speaks for: a summary and plan gives the year it reports on first. */
  years: z.array(z.number()),
  kind: z.string(),
  items: z.number(),
  topics: z.record(z.string(), z.number()),
});

export type Commitment = z.infer<typeof commitmentSchema>;
export type CommitmentKind = (typeof commitmentKinds)[number];
export type CommitmentBound = (typeof commitmentBounds)[number];
export type CommitmentGroup = z.infer<typeof commitmentGroupSchema>;

/** The order of the lists of /commitments/: by kind (targets first), then the longest first, then by slug. */
export function commitmentGroupOrder(a: CommitmentGroup, b: CommitmentGroup): number {
  return commitmentKinds.indexOf(a.kind) - commitmentKinds.indexOf(b.kind) || b.entries.length - a.entries.length || compareText(a.slug, b.slug);
}
export type RelatedItem = z.infer<typeof relatedItemSchema>;
export type ItemTopic = z.infer<typeof itemTopicSchema>;
export type ItemEnrichment = z.infer<typeof itemEnrichmentSchema>;
export type TopicEntry = z.infer<typeof topicEntrySchema>;
export type Occurrence = z.infer<typeof occurrenceSchema>;
export type DocumentEntry = z.infer<typeof documentEntrySchema>;
export type YearCount = z.infer<typeof yearCountSchema>;
export type TermEntry = z.infer<typeof termEntrySchema>;
export type PlanEntry = z.infer<typeof planEntrySchema>;

/**
 * What search knows of the atlas's words besides its index (content/enrichment/
 * vocabulary.json, served as /search/vocabulary.json): the synonym groups of
 * scripts/genre/synonyms.yaml, and the words items print most (policy terms,
 * topics, and the words of items), each with its pinyin and initials, for the
 * suggestions a query past the exact words gets (src/model/search/suggest.ts).
 */
export const vocabularyWordSchema = z.object({
  word: z.string().min(1),
  /** Toneless, no separators, ü as v: xueqianjiaoyu. */
  pinyin: z.string(),
  /** The first letter of each syllable: xqjy. */
  initials: z.string(),
  /** Items that print it. */
  items: z.number().int().nonnegative(),
});
export const vocabularySchema = z.object({
  synonyms: z.array(z.array(z.string().min(1)).min(2)),
  words: z.array(vocabularyWordSchema),
});
export type VocabularyWord = z.infer<typeof vocabularyWordSchema>;
export type Vocabulary = z.infer<typeof vocabularySchema>;
