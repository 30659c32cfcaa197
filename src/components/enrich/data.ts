/**
 * The enrichment collections (and the enriched items), loaded once per build and indexed for the pages.
 */
import { getCollection } from 'astro:content';
import type { DocumentEntry, ItemEnrichment, PlanEntry, TermEntry, TopicEntry } from '../../model/enrichment.ts';
import { enrichedItems } from '../../site/item-enrichment.ts';

export interface EnrichmentData {
  items: Map<string, ItemEnrichment>;
  /** Newest first, as written. */
  plans: PlanEntry[];
  plansById: Map<string, PlanEntry>;
  /** In taxonomy order. */
  topics: TopicEntry[];
  topicNames: Map<string, string>;
  documents: DocumentEntry[];
  documentsBySlug: Map<string, DocumentEntry>;
  terms: TermEntry[];
  termsBySlug: Map<string, TermEntry>;
}

let loaded: Promise<EnrichmentData> | undefined;

async function load(): Promise<EnrichmentData> {
  const [plans, topics, documents, terms] = await Promise.all([
    getCollection('enrichedPlans'),
    getCollection('topics'),
    getCollection('citedDocuments'),
    getCollection('policyTerms'),
  ]);
  // The file() loader keeps the file's order; sort anyway so pages never depend on it.
  const planList = plans.map((entry) => entry.data).sort((a, b) => b.year - a.year || (a.id < b.id ? -1 : 1));
  const topicList = topics.map((entry) => entry.data).sort((a, b) => a.order - b.order);
  const documentList = documents.map((entry) => entry.data).sort((a, b) => b.citations.length - a.citations.length || (a.slug < b.slug ? -1 : 1));
  const termList = terms.map((entry) => entry.data).sort((a, b) => b.occurrences.length - a.occurrences.length || (a.slug < b.slug ? -1 : 1));
  return {
    items: enrichedItems(),
    plans: planList,
    plansById: new Map(planList.map((plan) => [plan.id, plan])),
    topics: topicList,
    topicNames: new Map(topicList.map((topic) => [topic.slug, topic.name])),
    documents: documentList,
    documentsBySlug: new Map(documentList.map((document) => [document.slug, document])),
    terms: termList,
    termsBySlug: new Map(termList.map((term) => [term.slug, term])),
  };
}

export function enrichmentData(): Promise<EnrichmentData> {
  loaded ??= load();
  return loaded;
}
