/**
 * The enrich stage: every parsed plan in, topics, cited documents, policy terms
 * and related items out. A pure function of the plans and its resources (taxonomy,
 * dictionary, title rules, stopwords, a segmenter); loadEnrichResources() reads
 * the resources from their files, at the edge. Output is sorted so the same plans
 * always give the same bytes.
 */
import { itemsOf, type Item, type Plan } from '../../src/model/plan.ts';
import { loadPolicyTerms, type PolicyTerm } from '../search/dictionary.ts';
import { displayTitle, documentSlug, findCitations, loadTitleRules, normalizeTitle, type TitleRules } from './documents.ts';
import { keywordVectors, loadStopwords, termFrequencies } from './keywords.ts';
import { defaultRelatedOptions, relatedItems, type RelatedOptions } from './related.ts';
import type { DocumentEntry, ItemEnrichment, PlanEntry, TermEntry, TopicEntry } from './schema.ts';
import { createJiebaSegmenter, type Segmenter } from './segmenter.ts';
import { stableSlug } from './slug.ts';
import { loadTaxonomy, signalTerms, type Taxonomy } from './taxonomy.ts';
import { createTermFinder, findQuotedTerms, normalizeTerm } from './terms.ts';
import { createTopicScorer, defaultTopicScoring, type TopicScoringOptions } from './topics.ts';

export interface EnrichResources {
  taxonomy: Taxonomy;
  policyTerms: readonly PolicyTerm[];
  titleRules: TitleRules;
  stopwords: ReadonlySet<string>;
  /** Given the words it must keep whole (signal terms and every policy term), returns a segmenter. */
  segmenter: (userWords: readonly string[]) => Segmenter;
  topicScoring?: TopicScoringOptions;
  related?: RelatedOptions;
}

export function loadEnrichResources(): EnrichResources {
  return {
    taxonomy: loadTaxonomy(),
    policyTerms: loadPolicyTerms(),
    titleRules: loadTitleRules(),
    stopwords: loadStopwords(),
    segmenter: createJiebaSegmenter,
  };
}

export interface Enrichment {
  items: ItemEnrichment[];
  topics: TopicEntry[];
  documents: DocumentEntry[];
  terms: TermEntry[];
  plans: PlanEntry[];
  /** Items no topic fits: reported, not forced. */
  unassigned: string[];
  /** Text the linker must leave alone because a term inside it is not a word there (全县中小学 ⊅ 县中). */
  blockers: string[];
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Plans newest first, then by id: the order of every listing. */
export function planOrder(a: Pick<Plan, 'year' | 'id'>, b: Pick<Plan, 'year' | 'id'>): number {
  return b.year - a.year || byText(a.id, b.id);
}

const nameLength = 28;

/** "7.推动学前教育优质普惠" or, for an item without a lead phrase, "4.稳步提升教育教学质量，中考合格率…". */
export function itemName(item: Pick<Item, 'label' | 'title' | 'text'>): string {
  if (item.title) return `${item.label}${item.title}`;
  const text = item.text.replace(/\s+/g, '');
  return `${item.label}${text.length > nameLength ? `${text.slice(0, nameLength)}…` : text}`;
}

interface Entry {
  plan: Plan;
  item: Item;
  words: string[];
}

export function enrichCorpus(plans: readonly Plan[], resources: EnrichResources = loadEnrichResources()): Enrichment {
  const { taxonomy, titleRules, stopwords } = resources;
  const ordered = [...plans].sort(planOrder);
  const quoted = new Set<string>();
  for (const plan of ordered) for (const item of itemsOf(plan.sections)) for (const term of findQuotedTerms(item.text)) quoted.add(term);
  const dictionary = new Map(resources.policyTerms.map((entry) => [normalizeTerm(entry.term), entry] as const));
  const allTerms = [...new Set([...quoted, ...dictionary.keys()])].sort(byText);

  const segmenter = resources.segmenter([...signalTerms(taxonomy), ...allTerms]);
  const scorer = createTopicScorer(taxonomy, resources.topicScoring ?? defaultTopicScoring);
  const finder = createTermFinder(allTerms);
  const topicNames = new Map(taxonomy.topics.map((topic) => [topic.slug, topic.name]));

  const entries: Entry[] = [];
  for (const plan of ordered) for (const item of itemsOf(plan.sections)) entries.push({ plan, item, words: segmenter.cut(item.text) });

  const items: ItemEnrichment[] = [];
  const documents = new Map<string, { variants: Map<string, number>; citations: DocumentEntry['citations'] }>();
  const termOccurrences = new Map<string, TermEntry['occurrences']>();
  const blockers = new Set<string>();
  const unassigned: string[] = [];

  for (const { plan, item, words } of entries) {
    const assigned = scorer.assign(words, item.title ? segmenter.cut(item.title) : []);
    if (assigned.length === 0) unassigned.push(item.url);

    const cited: string[] = [];
    for (const citation of findCitations(item.text)) {
      const key = normalizeTitle(citation.raw, titleRules);
      const slug = documentSlug(key);
      const entry = documents.get(key) ?? { variants: new Map<string, number>(), citations: [] };
      const shown = citation.raw.trim();
      entry.variants.set(shown, (entry.variants.get(shown) ?? 0) + 1);
      if (!entry.citations.some((existing) => existing.url === item.url)) entry.citations.push({ url: item.url, plan: plan.id, year: plan.year, as: shown });
      documents.set(key, entry);
      if (!cited.includes(slug)) cited.push(slug);
    }

    const quotedHere = new Set(findQuotedTerms(item.text));
    const found = finder.find(item.text, words);
    for (const blocker of found.blockers) blockers.add(blocker);
    const terms = [...found.counts.keys()].sort(byText);
    for (const term of terms) {
      const list = termOccurrences.get(term) ?? [];
      list.push({ url: item.url, plan: plan.id, year: plan.year, count: found.counts.get(term)!, quoted: quotedHere.has(term) });
      termOccurrences.set(term, list);
    }

    items.push({
      id: item.url,
      url: item.url,
      plan: plan.id,
      key: item.key,
      heading: item.heading,
      name: itemName(item),
      topics: assigned.map((topic) => ({ slug: topic.slug, name: topicNames.get(topic.slug)!, score: topic.score, evidence: topic.evidence.slice(0, 5) })),
      documents: cited,
      terms: terms.map((term) => stableSlug(term)),
      keywords: [],
      related: [],
    });
  }

  const vectors = keywordVectors(
    entries.map((entry) => termFrequencies(entry.words, stopwords)),
    24,
  );
  const termText = new Map(allTerms.map((term) => [stableSlug(term), term] as const));
  const related = relatedItems(
    items.map((item, index) => ({
      url: item.url,
      plan: item.plan,
      vector: vectors[index]!,
      topics: item.topics.map((topic) => topic.slug),
      terms: item.terms.map((slug) => termText.get(slug)!),
    })),
    resources.related ?? defaultRelatedOptions,
  );
  items.forEach((item, index) => {
    item.keywords = vectors[index]!.slice(0, 8).map(([word]) => word);
    item.related = related.get(item.url) ?? [];
  });

  const itemsByPlan = new Map<string, number>();
  for (const item of items) itemsByPlan.set(item.plan, (itemsByPlan.get(item.plan) ?? 0) + 1);
  const yearTotals = new Map<number, { items: number; plans: number }>();
  for (const plan of ordered) {
    const total = yearTotals.get(plan.year) ?? { items: 0, plans: 0 };
    total.items += itemsByPlan.get(plan.id) ?? 0;
    total.plans += 1;
    yearTotals.set(plan.year, total);
  }
  const years = [...yearTotals.keys()].sort((a, b) => a - b);
  const allYears = years.length === 0 ? [] : Array.from({ length: years.at(-1)! - years[0]! + 1 }, (_, index) => years[0]! + index);

  const topics: TopicEntry[] = taxonomy.topics.map((topic, order) => {
    const members = items.filter((item) => item.topics.some((assigned) => assigned.slug === topic.slug));
    const perPlan: Record<string, number> = {};
    for (const member of members) perPlan[member.plan] = (perPlan[member.plan] ?? 0) + 1;
    return { id: topic.slug, slug: topic.slug, order, name: topic.name, kind: topic.kind, definition: topic.definition, items: members.map((member) => member.url), plans: perPlan };
  });

  const documentEntries: DocumentEntry[] = [...documents.entries()]
    .map(([key, entry]) => {
      const slug = documentSlug(key);
      return {
        id: slug,
        slug,
        title: displayTitle(entry.variants),
        key,
        variants: [...entry.variants.entries()].sort((a, b) => b[1] - a[1] || byText(a[0], b[0])).map(([variant]) => variant),
        citations: entry.citations,
      };
    })
    .sort((a, b) => byText(a.slug, b.slug));

  const termEntries: TermEntry[] = [...termOccurrences.entries()]
    .map(([term, occurrences]) => {
      const slug = stableSlug(term);
      const listed = dictionary.get(term);
      const origins: TermEntry['origins'] = [];
      if (quoted.has(term)) origins.push('quoted');
      if (listed) origins.push('dictionary');
      const perYear = new Map<number, { items: number; plans: Set<string> }>();
      for (const occurrence of occurrences) {
        const count = perYear.get(occurrence.year) ?? { items: 0, plans: new Set<string>() };
        count.items += 1;
        count.plans.add(occurrence.plan);
        perYear.set(occurrence.year, count);
      }
      return {
        id: slug,
        slug,
        term,
        origins,
        note: listed?.note ?? null,
        source: listed?.source ?? null,
        occurrences,
        years: allYears.map((year) => ({
          year,
          items: perYear.get(year)?.items ?? 0,
          plans: perYear.get(year)?.plans.size ?? 0,
          corpusItems: yearTotals.get(year)?.items ?? 0,
          corpusPlans: yearTotals.get(year)?.plans ?? 0,
        })),
      };
    })
    .sort((a, b) => byText(a.slug, b.slug));

  const planEntries: PlanEntry[] = ordered.map((plan) => {
    const counts: Record<string, number> = {};
    for (const topic of topics) if (topic.plans[plan.id]) counts[topic.slug] = topic.plans[plan.id]!;
    return {
      id: plan.id,
      url: plan.url,
      title: plan.title,
      region: plan.region.name,
      regionPath: plan.region.path,
      year: plan.year,
      kind: plan.kind,
      items: itemsByPlan.get(plan.id) ?? 0,
      topics: counts,
    };
  });

  return {
    items,
    topics,
    documents: documentEntries,
    terms: termEntries,
    plans: planEntries,
    unassigned,
    blockers: [...blockers].filter((blocker) => !termText.has(stableSlug(blocker))).sort(byText),
  };
}
