/**
 * Content collections. `plans` is what `npm run ingest` writes: one Markdown file
 * per plan, its frontmatter the complete Plan of src/model/plan.ts. The other
 * collections are the enrich stage's cross-links, in content/enrichment/.
 * Each item's topics and related items (items.json, the largest file) are read
 * by src/site/item-enrichment.ts instead: as a collection they were most of Astro's
 * data store, serialised and read back on every build.
 */
import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { planSchema } from './model/plan.ts';
import { plansLoader } from './site/plans-loader.ts';
import { commitmentGroupSchema, documentEntrySchema, planEntrySchema, termEntrySchema, topicEntrySchema } from './model/enrichment.ts';

export const collections = {
  plans: defineCollection({ loader: plansLoader('content/plans'), schema: planSchema }),
  enrichedPlans: defineCollection({ loader: file('content/enrichment/plans.json'), schema: planEntrySchema }),
  topics: defineCollection({ loader: file('content/enrichment/topics.json'), schema: topicEntrySchema }),
  citedDocuments: defineCollection({ loader: file('content/enrichment/documents.json'), schema: documentEntrySchema }),
  policyTerms: defineCollection({ loader: file('content/enrichment/terms.json'), schema: termEntrySchema }),
  commitmentGroups: defineCollection({ loader: file('content/enrichment/commitments.json'), schema: commitmentGroupSchema }),
};
