/**
 * Content collections. `plans` is what `npm run ingest` writes: one Markdown file
 * per plan, its frontmatter the complete Plan of src/model/plan.ts.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'zod';
import { planSchema } from './model/plan.ts';
import { datesToIsoStrings } from './site/frontmatter.ts';
import { documentEntrySchema, itemEnrichmentSchema, planEntrySchema, termEntrySchema, topicEntrySchema } from '../scripts/enrich/schema.ts';

export const collections = {
  plans: defineCollection({
    loader: glob({ pattern: '**/*.md', base: './content/plans', generateId: ({ data }) => String(data['id']) }),
    schema: z.preprocess(datesToIsoStrings, planSchema),
  }),
  // Cross-links (issue 4), written by the enrich stage into content/enrichment/.
  enrichedItems: defineCollection({ loader: file('content/enrichment/items.json'), schema: itemEnrichmentSchema }),
  enrichedPlans: defineCollection({ loader: file('content/enrichment/plans.json'), schema: planEntrySchema }),
  topics: defineCollection({ loader: file('content/enrichment/topics.json'), schema: topicEntrySchema }),
  citedDocuments: defineCollection({ loader: file('content/enrichment/documents.json'), schema: documentEntrySchema }),
  policyTerms: defineCollection({ loader: file('content/enrichment/terms.json'), schema: termEntrySchema }),
};
