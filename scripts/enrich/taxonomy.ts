/**
 * The curated topic taxonomy (content/taxonomy/topics.yaml), validated when loaded.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { parseWith } from '../../src/model/errors.ts';

export const topicKinds = ['stage', 'theme'] as const;

export const topicSchema = z.object({
  slug: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.string().min(1),
  kind: z.enum(topicKinds),
  definition: z.string().min(1),
  signals: z.record(z.string().min(1), z.number().positive().max(5)).refine((signals) => Object.keys(signals).length > 0, 'a topic needs at least one signal term'),
});
export type Topic = z.infer<typeof topicSchema>;

export const taxonomySchema = z
  .object({ topics: z.array(topicSchema).min(1) })
  .superRefine((taxonomy, context) => {
    const slugs = new Set<string>();
    const names = new Set<string>();
    taxonomy.topics.forEach((topic, index) => {
      if (slugs.has(topic.slug)) context.addIssue({ code: 'custom', path: ['topics', index, 'slug'], message: `${topic.slug} is used twice` });
      if (names.has(topic.name)) context.addIssue({ code: 'custom', path: ['topics', index, 'name'], message: `${topic.name} is used twice` });
      slugs.add(topic.slug);
      names.add(topic.name);
    });
  });
export type Taxonomy = z.infer<typeof taxonomySchema>;

export const taxonomyPath = 'content/taxonomy/topics.yaml';

export function parseTaxonomy(text: string, file = taxonomyPath): Taxonomy {
  return parseWith(taxonomySchema, parseYaml(text), file);
}

export function loadTaxonomy(path = taxonomyPath): Taxonomy {
  return parseTaxonomy(readFileSync(path, 'utf8'), path);
}

/** Every signal term of the taxonomy, for the segmenter's user dictionary. */
export function signalTerms(taxonomy: Taxonomy): string[] {
  return [...new Set(taxonomy.topics.flatMap((topic) => Object.keys(topic.signals)))].sort();
}
